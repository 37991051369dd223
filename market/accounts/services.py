"""Creating accounts and checking passwords."""

from __future__ import annotations

import re
import secrets
from typing import Any

from market.accounts.events import UserRegistered
from market.accounts.schemas import UserOut
from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid, NotAuthenticated
from market.core.events import record
from market.core.identity import mobile_problem, normalise_mobile
from market.core.passwords import hash_password_off_loop, needs_rehash, verify_password_off_loop

__all__ = ["authenticate", "clean_phone", "create_user", "login_phone", "user_out"]

_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_DUMMY_HASH: list[str] = []


def clean_phone(text: str, field: str = "phone") -> str:
    """The normalised mainland mobile number, or a field error naming `field`."""
    if mobile_problem(text) is not None:
        raise Invalid.field(field, "phone_format")
    return normalise_mobile(text)


def _check_password(password: str) -> None:
    if len(password) < 8 or not _LETTER.search(password) or not _DIGIT.search(password):
        raise Invalid.field("password", "password_weak")


async def create_user(
    *, phone: str, name: str, role: Role, password: str | None, registered_by: int | None = None
) -> User:
    """A new active user; `password=None` makes an account that cannot log in yet (a walk-in)."""
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
                   created_at=row["created_at"])
