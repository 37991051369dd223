"""Request and response bodies for registering and logging in."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from market.core.schemas import Name, Password, Phone, Schema, SchemaIn

__all__ = ["LoggedOut", "Login", "LoginResult", "Registration", "UserOut"]



class Registration(SchemaIn):
    """A new account: workers and employers sign themselves up; staff accounts come from the CLI."""

    phone: Phone
    password: Password
    name: Name
    role: Literal["worker", "employer"]


class Login(SchemaIn):
    """Phone number and password."""

    phone: Phone
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
