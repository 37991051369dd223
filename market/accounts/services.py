"""Creating accounts and checking passwords."""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from market.accounts import codes
from market.accounts.events import AccountChanged, UserRegistered
from market.accounts.schemas import UserOut
from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid, NotAuthenticated
from market.core.events import record
from market.core.identity import mobile_problem, normalise_mobile
from market.core.passwords import hash_password_off_loop, needs_rehash, verify_password_off_loop

__all__ = ["CODE_ROLES", "authenticate", "authenticate_by_code", "change_password", "clean_phone", "create_user",
           "login_phone",
           "register_by_code", "reset_password", "user_out"]

_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_DUMMY_HASH: list[str] = []

CODE_ROLES = frozenset({Role.worker, Role.employer})
"""Who may sign in or reset a password by SMS code. Staff and admin accounts see other people's data: a text to a
lost or swapped SIM must not open them, so they keep their password (an admin resets it)."""


def clean_phone(text: str, field: str = "phone") -> str:
    """The normalised mainland mobile number, or a field error naming `field`."""
    if mobile_problem(text) is not None:
        raise Invalid.field(field, "phone_format")
    return normalise_mobile(text)


def _check_password(password: str) -> None:
    if len(password) < 8 or not _LETTER.search(password) or not _DIGIT.search(password):
        raise Invalid.field("password", "password_weak")


async def create_user(
    *, phone: str, name: str, role: Role, password: str | None, registered_by: int | None = None,
    proof: Callable[[], Awaitable[None]] | None = None,
) -> User:
    """A new active user; `password=None` makes an account with no password (a walk-in, or someone who signed up
    by SMS code and signs in by code). `proof` runs inside the account's write transaction (an SMS code used up)."""
    phone = clean_phone(phone)
    name = name.strip()
    if not name:
        raise Invalid.field("name", "blank")
    if password is not None:
        _check_password(password)
    if await User.exists().where(User.phone == phone):
        raise Conflict("phone_taken", [])
    password_hash = await hash_password_off_loop(password if password is not None else secrets.token_urlsafe(32))
    user = User(phone=phone, name=name, role=role, password_hash=password_hash, registered_by=registered_by,
                created_at=clock.now())
    async with write_transaction():
        if proof is not None:
            await proof()
        await user.save()
        record(UserRegistered(user_id=user.id, role=str(role), by_staff_id=registered_by))
    return user


def login_phone(phone: str) -> str:
    """The phone as logins look it up: normalised when it is a valid mobile number, else as typed."""
    return normalise_mobile(phone) if mobile_problem(phone) is None else phone


async def authenticate(phone: str, password: str) -> User:
    """The active user with this phone and password; the same error whether the phone or the password is wrong."""
    user = await User.objects().where(User.phone == login_phone(phone)).first()
    if user is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(await hash_password_off_loop(secrets.token_urlsafe(16)))
        # Same cost as a real check: no phone enumeration by timing.
        await verify_password_off_loop(_DUMMY_HASH[0], password)
        raise NotAuthenticated("login_failed")
    if not await verify_password_off_loop(user.password_hash, password):
        raise NotAuthenticated("login_failed")
    if not user.is_active:
        raise NotAuthenticated("account_disabled")
    if needs_rehash(user.password_hash):
        await User.update({User.password_hash: await hash_password_off_loop(password)}).where(User.id == user.id)
    return user


def user_out(row: dict[str, Any]) -> UserOut:
    """The public shape of a user row."""
    return UserOut(id=row["id"], phone=row["phone"], name=row["name"], role=row["role"],
                   created_at=row["created_at"], must_change_password=bool(row.get("must_change_password")))


async def authenticate_by_code(phone: str, code: str) -> User:
    """The active worker or employer whose phone the sign-in code `code` was texted to; the code is used up.

    The code is checked before the account is looked at, so only someone holding the phone learns whether it has
    an account (`no_account`) or is one that must sign in with its password (`code_not_for_role`).
    """
    phone = clean_phone(phone)
    code_id, digest = await codes.check_code(phone, "login", code)
    user = await _code_account(phone)
    async with write_transaction():
        await codes.use_code(code_id, digest)
    return user


async def _code_account(phone: str) -> User:
    user = await User.objects().where(User.phone == phone).first()
    if user is None:
        raise codes.no_account()
    if user.role not in CODE_ROLES:
        raise codes.not_for_role()
    if not user.is_active:
        raise NotAuthenticated("account_disabled")
    return user


async def register_by_code(*, phone: str, code: str, name: str, role: Role, password: str | None) -> User:
    """A new worker or employer who showed, with the sign-up code texted to `phone`, that the phone is theirs; a
    password is optional (they can always sign in by code)."""
    phone = clean_phone(phone)
    if not name.strip():
        raise Invalid.field("name", "blank")
    if password is not None:
        _check_password(password)
    code_id, digest = await codes.check_code(phone, "register", code)
    if await User.exists().where(User.phone == phone):
        raise Conflict("phone_taken", [])

    async def use_up() -> None:
        await codes.use_code(code_id, digest)

    return await create_user(phone=phone, name=name, role=role, password=password, proof=use_up)


async def reset_password(phone: str, code: str, password: str) -> User:
    """Set a new password for the worker or employer the reset code was texted to, and end every session they had
    (their tokens' version moves on); the user as they are now."""
    _check_password(password)
    phone = clean_phone(phone)
    code_id, digest = await codes.check_code(phone, "reset", code)
    user = await _code_account(phone)
    password_hash = await hash_password_off_loop(password)
    async with write_transaction():
        await codes.use_code(code_id, digest)
        await User.update({User.password_hash: password_hash, User.token_version: User.token_version + 1}).where(
            User.id == user.id)
        record(AccountChanged(user_id=user.id))
    refreshed = await User.objects().where(User.id == user.id).first()
    assert refreshed is not None
    return refreshed


async def change_password(user_id: int, current: str, new: str) -> User:
    """Replace the signed-in user's password (the current one checked first; 400 on `current_password` when it is
    wrong, on `password` when the new one is weak or the same); every earlier session ends and a temporary
    password's hold is lifted. The user as they are now."""
    user = await User.objects().where(User.id == user_id).first()
    if user is None:
        raise NotAuthenticated("token_invalid")
    if not await verify_password_off_loop(user.password_hash, current):
        raise Invalid.field("current_password", "password_wrong")
    _check_password(new)
    if new == current:
        raise Invalid.field("password", "password_same")
    password_hash = await hash_password_off_loop(new)
    async with write_transaction():
        await User.update({User.password_hash: password_hash, User.must_change_password: False,
                           User.token_version: User.token_version + 1}).where(User.id == user_id)
        record(AccountChanged(user_id=user_id))
    refreshed = await User.objects().where(User.id == user_id).first()
    assert refreshed is not None
    return refreshed
