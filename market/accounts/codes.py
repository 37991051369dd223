"""Six-digit codes texted for signing in, signing up and resetting a password.

A code is kept only as a keyed hash, bound to the phone and the purpose; the phone and the asking address are kept
as keyed hashes too. Its text goes through the outbox with the code sealed (`AccountCodeIssued`), opened only by the
dispatcher as it sends, so no row or log staff can read holds it.

Asking for a code does the same work and gives the same answer whether or not the phone has an account: the code
is always made and texted, and what it may do is decided only when it comes back (by then the caller has shown
they hold the phone). A code is checked in two steps, like the station's consent codes: `check_code` before the
act's transaction (a wrong guess is counted and the count kept), `use_code` inside it (one conditional update:
two acts cannot share a code, and an act refused later in its transaction leaves the code usable).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from market.accounts.events import AccountCodeIssued
from market.accounts.tables import AccountCode
from market.accounts.throttle import counted_address
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import FieldProblem, Forbidden, Invalid, NotAuthenticated, NotFound, TooManyRequests
from market.core.events import record
from market.core.identity import mask_mobile
from market.core.keys import get_keyring
from market.core.personal_data import encrypt, keyed_hash
from market.settings import get_settings

__all__ = ["CODE_PATTERN", "CODE_TTL", "MAX_ATTEMPTS", "PURPOSES", "RESEND_AFTER", "CodeSent", "check_code",
           "no_account", "not_for_role", "sealed_code_context", "send_code", "use_code"]

CODE_TTL = timedelta(minutes=5)
RESEND_AFTER = timedelta(seconds=60)
"""A phone gets at most one code a minute for each purpose (the app counts the same minute down)."""
MAX_ATTEMPTS = 5
"""Wrong guesses a code survives; with a few codes an hour per phone, guessing a million codes stays hopeless."""
PURPOSES = ("login", "register", "reset")
CODE_PATTERN = r"^[0-9]{6}$"
"""What a code looks like, as the OpenAPI schema says (spaces typed around it are forgiven)."""
_SIX_DIGITS = re.compile(r" *[0-9]{6} *")


def _refused(code: str) -> NotAuthenticated:
    """401 like a wrong password: the code did not show the phone is the caller's; the field error names `code`."""
    return NotAuthenticated(f"sms_{code}", [FieldProblem("code", code)])


def no_account() -> NotFound:
    """404 for the holder of a valid code whose phone has no account (they may learn it: the phone is theirs)."""
    return NotFound("no_account", [FieldProblem("phone", "no_account_field")])


def not_for_role() -> Forbidden:
    """403 for the holder of a valid code whose account must sign in with its password (staff, admins)."""
    return Forbidden("code_not_for_role", [FieldProblem("phone", "code_not_for_role_field")])


@dataclass(frozen=True)
class CodeSent:
    """Where the code went (masked) and when another may be asked for."""

    sent_to: str
    resend_after_s: int
    expires_in_s: int


def sealed_code_context(code_id: int) -> str:
    """The encryption context of one account code's sealed copy in its text's payload."""
    return f"account.code:{code_id}"


def _phone_hash(phone: str) -> str:
    return keyed_hash(phone, context="account.code.phone")


def _code_hash(code: str, phone: str, purpose: str) -> str:
    return hmac.new(get_keyring().account_code_key, f"{purpose}:{phone}:{code}".encode(), hashlib.sha256).hexdigest()


def _wait_s(since: datetime, span: timedelta) -> int:
    """Whole seconds until `span` has passed since `since` (at least 1)."""
    return max(1, int((since + span - clock.now()).total_seconds()) + 1)


async def _refuse_if_too_many(phone_hash: str, address_hash: str, purpose: str) -> None:
    settings = get_settings()
    now = clock.now()
    hour_ago = now - timedelta(hours=1)
    last = await AccountCode.select(AccountCode.created_at).where(
        (AccountCode.phone_hash == phone_hash) & (AccountCode.purpose == purpose)
        & (AccountCode.created_at > now - RESEND_AFTER)).order_by(AccountCode.id, ascending=False).first()
    if last is not None:
        raise TooManyRequests(retry_after_s=_wait_s(last["created_at"], RESEND_AFTER))
    for column, value, limit in ((AccountCode.phone_hash, phone_hash, settings.sms_codes_per_phone_per_hour),
                                 (AccountCode.address_hash, address_hash, settings.sms_codes_per_address_per_hour)):
        recent = await AccountCode.select(AccountCode.created_at).where(
            (column == value) & (AccountCode.created_at > hour_ago)).order_by(AccountCode.created_at)
        if len(recent) >= limit:
            raise TooManyRequests(retry_after_s=_wait_s(recent[-limit]["created_at"], timedelta(hours=1)))


async def send_code(phone: str, purpose: str, address: str) -> CodeSent:
    """Make a code for `phone` (normalised) and `purpose`, and record its text for the outbox; 429 past the limits
    per phone (one a minute per purpose, a few an hour) and per client address."""
    phone_hash = _phone_hash(phone)
    address_hash = keyed_hash(counted_address(address), context="account.code.address")
    code = f"{secrets.randbelow(1_000_000):06d}"
    async with write_transaction():
        await _refuse_if_too_many(phone_hash, address_hash, purpose)
        now = clock.now()
        entry = AccountCode(phone_hash=phone_hash, address_hash=address_hash, purpose=purpose,
                            code_hash=_code_hash(code, phone, purpose), expires_at=now + CODE_TTL, created_at=now)
        await entry.save()
        payload = {"account_code_id": entry.id, "minutes": int(CODE_TTL.total_seconds() // 60),
                   "sealed_code": encrypt(code, context=sealed_code_context(entry.id))}
        record(AccountCodeIssued(code_id=entry.id, phone=phone, purpose=purpose, payload=payload))
    return CodeSent(sent_to=mask_mobile(phone), resend_after_s=int(RESEND_AFTER.total_seconds()),
                    expires_in_s=int(CODE_TTL.total_seconds()))


async def check_code(phone: str, purpose: str, code: str) -> tuple[int, str]:
    """Before the act's transaction: the newest code texted to `phone` for `purpose` is `code` and still live
    (its id and hash, for `use_code`); a wrong guess is counted against it. Field errors name `code`."""
    if not _SIX_DIGITS.fullmatch(code):
        raise Invalid.field("code", "code_format")
    code = code.strip()
    entry = await AccountCode.select(AccountCode.id, AccountCode.code_hash, AccountCode.used_at,
                                     AccountCode.expires_at, AccountCode.attempts).where(
        (AccountCode.phone_hash == _phone_hash(phone)) & (AccountCode.purpose == purpose)).order_by(
        AccountCode.id, ascending=False).first()
    if entry is None or entry["expires_at"] <= clock.now() or entry["attempts"] >= MAX_ATTEMPTS:
        raise _refused("code_expired")
    digest = _code_hash(code, phone, purpose)
    if not hmac.compare_digest(entry["code_hash"], digest):
        await AccountCode.update({AccountCode.attempts: AccountCode.attempts + 1}).where(AccountCode.id == entry["id"])
        raise _refused("code_wrong")
    if entry["used_at"] is not None:
        raise _refused("code_used")
    return entry["id"], digest


async def use_code(code_id: int, digest: str) -> None:
    """Inside the act's transaction: use the checked code up, once, whoever races for it."""
    now = clock.now()
    used = await AccountCode.update({AccountCode.used_at: now}).where(
        (AccountCode.id == code_id) & (AccountCode.code_hash == digest) & AccountCode.used_at.is_null()
        & (AccountCode.expires_at > now) & (AccountCode.attempts < MAX_ATTEMPTS)).returning(AccountCode.id)
    if not used:
        raise _refused("code_used")
