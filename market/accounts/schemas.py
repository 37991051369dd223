"""Request and response bodies for registering and logging in."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from market.core.schemas import Name, Schema, SchemaIn
from market.core.text import LINE_PATTERN

__all__ = ["LoggedOut", "Login", "LoginResult", "Registration", "UserOut"]

PhoneText = Annotated[str, msgspec.Meta(max_length=20, pattern=LINE_PATTERN, examples=["13800000001"])]
Password = Annotated[str, msgspec.Meta(min_length=8, max_length=128)]


class Registration(SchemaIn):
    """A new account: workers and employers sign themselves up; staff accounts come from the CLI."""

    phone: PhoneText
    password: Password
    name: Name
    role: Literal["worker", "employer"]


class Login(SchemaIn):
    """Phone number and password."""

    phone: PhoneText
    password: Annotated[str, msgspec.Meta(max_length=128)]


class UserOut(Schema):
    """A user as they see themselves."""

    id: int
    phone: str
    name: str
    role: str
    created_at: datetime


class LoginResult(Schema):
    """The bearer token (also set as the session cookie) and who it belongs to."""

    token: str
    user: UserOut


class LoggedOut(Schema):
    """Every session of the user has ended."""

    ok: bool
