"""A walk-in's consent at the station: a one-time code texted to their phone, or a signature drawn on the screen.

A code is kept only as a keyed hash. The text to the phone carries it sealed (encrypted with a key derived from the
master secret), opened by the dispatcher as it sends and removed once sent; the inbox and the SMS log show
`******`. So no row or answer staff can read holds a code they did not hear from the worker.

A code is checked in two steps: `check_code` before the act's transaction (a wrong guess is counted and the count
kept), `Evidence.use` inside it, one conditional update, so two acts cannot share a code and an act refused later
in its transaction leaves the code usable.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from contracts.signature_image import signature_image_problem
from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Invalid, NotFound, TooManyRequests
from market.core.events import record
from market.core.identity import mask_mobile
from market.core.keys import get_keyring
from market.core.personal_data import encrypt
from market.stations.behalf import grant_consent, require_standing_consent, standing_consent, station_of
from market.stations.events import ConsentCodeIssued
from market.stations.walk_in_tables import ConsentCode, ConsentEvidence

__all__ = ["CODE_TTL", "CodeSubject", "Evidence", "check_walk_in_consent", "grant_consent_by_code", "new_code",
           "record_evidence", "sealed_code_context", "send_consent_code"]

CODE_TTL = timedelta(minutes=10)
MAX_ATTEMPTS = 5
CODES_PER_HOUR = 10
"""Codes texted to one worker in an hour: with five guesses each, guessing stays hopeless and the phone quiet."""

_EVENTS = {"accept": "consent_code", "confirm_payment": "consent_code_payment", "station": "consent_code_station"}


def new_code() -> str:
    """A fresh six-digit consent code from the system's secure random source."""
    return f"{secrets.randbelow(1_000_000):06d}"


def _code_hash(code: str, worker_id: int, purpose: str, job_id: int | None) -> str:
    message = f"{purpose}:{worker_id}:{job_id or 0}:{code}".encode()
    return hmac.new(get_keyring().consent_code_key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Evidence:
    """What shows the worker agreed to one act: their drawn signature, or the code texted to their phone."""

    method: str
    worker_id: int
    staff_id: int
    station_id: int | None
    signature_png: bytes | None = None
    code_id: int | None = None
    code_hash: str = ""
    code_sent_to: str = ""
    consent_id: int | None = None
    """The standing consent relied on; a code used up by `use` grants one when the station had none."""

    @property
    def proof(self) -> str:
        """The act's own proof, as the on-behalf record names it."""
        if self.signature_png is not None:
            return "signature:sha256:" + hashlib.sha256(self.signature_png).hexdigest()
        return f"consent_code:{self.code_id}"

    async def use(self) -> Evidence:
        """Inside the act's transaction: use the code up (once, whoever races) and the consent it grants."""
        if self.code_id is None:
            return self
        now = clock.now()
        used = await ConsentCode.update({ConsentCode.used_at: now}).where(
            (ConsentCode.id == self.code_id) & (ConsentCode.code_hash == self.code_hash)
            & ConsentCode.used_at.is_null() & (ConsentCode.expires_at > now)
            & (ConsentCode.attempts < MAX_ATTEMPTS)).returning(ConsentCode.id)
        if not used:
            raise Invalid.field("consent_code", "code_used")
        consent_id = self.consent_id or await grant_consent(self.worker_id, self.staff_id, self.station_id,
                                                           "sms_code", self.proof)
        return replace(self, consent_id=consent_id)


def sealed_code_context(code_id: int) -> str:
    """The encryption context of one consent code's sealed copy in its text's payload."""
    return f"consent.code:{code_id}"


@dataclass(frozen=True)
class CodeSubject:
    """What a code is for: its purpose, the job it names (none for standing consent) and what the text says."""

    purpose: str
    job_id: int | None
    about: dict[str, Any]


async def send_consent_code(worker_id: int, staff: CurrentUser, subject: CodeSubject) -> str:
    """Text a six-digit code to the worker for `subject`; return the masked phone it goes to."""
    worker = await User.select(User.phone).where((User.id == worker_id) & (User.role == Role.worker)).first()
    if worker is None:
        raise NotFound("worker_not_found")  # the worker is the path's subject, not a field of the body
    code = new_code()
    async with write_transaction():
        recent = await ConsentCode.count().where(
            (ConsentCode.worker == worker_id) & (ConsentCode.created_at > clock.now() - timedelta(hours=1)))
        if recent >= CODES_PER_HOUR:
            raise TooManyRequests(retry_after_s=600)
        purpose = subject.purpose
        entry = ConsentCode(worker=worker_id, job=subject.job_id, purpose=purpose, staff=staff.id,
                            code_hash=_code_hash(code, worker_id, purpose, subject.job_id),
                            expires_at=clock.now() + CODE_TTL, created_at=clock.now())
        await entry.save()
        payload = {**subject.about, "consent_code_id": entry.id,
                   "sealed_code": encrypt(code, context=sealed_code_context(entry.id))}
        record(ConsentCodeIssued(worker_id=worker_id, code_id=entry.id, notice=_EVENTS[purpose], payload=payload))
    return mask_mobile(worker["phone"])


async def check_code(code: str | None, worker_id: int, purpose: str, job_id: int | None) -> tuple[int, str]:
    """Before the act's transaction: the live code `code` matches (id and hash); a wrong guess is counted."""
    if not code:
        raise Invalid.field("consent_code", "required")
    condition = ((ConsentCode.worker == worker_id) & (ConsentCode.purpose == purpose) & ConsentCode.used_at.is_null()
                 & (ConsentCode.expires_at > clock.now()) & (ConsentCode.attempts < MAX_ATTEMPTS))
    condition &= ConsentCode.job.is_null() if job_id is None else ConsentCode.job == job_id
    entry = await ConsentCode.select(ConsentCode.id, ConsentCode.code_hash).where(condition).order_by(
        ConsentCode.id, ascending=False).first()
    digest = _code_hash(code.strip(), worker_id, purpose, job_id)
    if entry is None:
        raise Invalid.field("consent_code", "code_used" if await _used_just_now(digest, worker_id) else "code_expired")
    if not hmac.compare_digest(entry["code_hash"], digest):
        await ConsentCode.update({ConsentCode.attempts: ConsentCode.attempts + 1}).where(ConsentCode.id == entry["id"])
        raise Invalid.field("consent_code", "code_wrong")
    return entry["id"], digest


async def _used_just_now(digest: str, worker_id: int) -> bool:
    """Whether the code typed is one already used up (by another act that won the race, or a second tap), so the
    refusal says "used", not "expired"."""
    return await ConsentCode.exists().where((ConsentCode.worker == worker_id) & (ConsentCode.code_hash == digest)
                                            & ConsentCode.used_at.is_not_null())


def _signature(png_base64: str | None) -> bytes:
    if not png_base64:
        raise Invalid.field("signature_png", "required")
    try:
        png = base64.b64decode(png_base64, validate=True)
    except (binascii.Error, ValueError):
        raise Invalid.field("signature_png", "signature_not_base64") from None
    problem = signature_image_problem(png)
    if problem is not None:
        raise Invalid.field("signature_png", problem)
    return png


async def check_walk_in_consent(method: str, worker_id: int, staff: CurrentUser, *, purpose: str,
                                job_id: int | None, signature_png: str | None, consent_code: str | None) -> Evidence:
    """Before the act's transaction: the worker's consent to this act, given to `staff` at the station.

    A code reaches the worker's own phone, so it serves for anyone; a drawn signature only for a walk-in (a worker
    the station registered or who gave it standing consent): 403 for a worker who registered themselves.
    """
    station = await station_of(staff)
    if method == "staff_signature":
        consent_id = await require_standing_consent(worker_id, staff)
        return Evidence(method, worker_id, staff.id, station, signature_png=_signature(signature_png),
                        consent_id=consent_id)
    if method != "staff_sms_code":
        raise Invalid.field("consent", "not_one_of", choices="staff_sms_code, staff_signature")
    code_id, digest = await check_code(consent_code, worker_id, purpose, job_id)
    phone = await User.select(User.phone).where(User.id == worker_id).first()
    return Evidence(method, worker_id, staff.id, station, code_id=code_id, code_hash=digest,
                    code_sent_to=mask_mobile(phone["phone"]) if phone else "",
                    consent_id=await standing_consent(worker_id, staff))


async def grant_consent_by_code(worker_id: int, staff: CurrentUser, consent_code: str | None) -> int:
    """The worker read out a standing-consent code: from now on the staff member's station may act for them (the
    consent's id; the one already given, if any)."""
    if not await User.exists().where((User.id == worker_id) & (User.role == Role.worker)):
        raise NotFound("worker_not_found")
    evidence = await check_walk_in_consent("staff_sms_code", worker_id, staff, purpose="station", job_id=None,
                                           signature_png=None, consent_code=consent_code)
    async with write_transaction():
        used = await evidence.use()
    assert used.consent_id is not None
    return used.consent_id


async def record_evidence(order_id: int, evidence: Evidence) -> None:
    """Keep the evidence with the order, in the accept transaction."""
    await ConsentEvidence(order=order_id, signature_png=evidence.signature_png, code_sent_to=evidence.code_sent_to,
                          verified_at=clock.now()).save()
