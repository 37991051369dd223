"""Request and response bodies for registering and logging in."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal

import msgspec

from market.accounts.codes import CODE_PATTERN
from market.core.schemas import Name, Password, Phone, Schema, SchemaIn
from market.core.text import LINE_PATTERN

__all__ = ["CodeRequest", "CodeSentOut", "LoggedOut", "Login", "LoginResult", "PasswordReset", "Registered",
           "Registration", "UserOut"]

SmsCode = Annotated[str, msgspec.Meta(max_length=12, pattern=LINE_PATTERN, examples=["123456"],
                                      description="the six-digit code texted by POST /api/auth/sms-code",
                                      extra_json_schema={"extra": {"pattern": CODE_PATTERN}})]


class Registration(SchemaIn):
    """A new account: workers and employers sign themselves up; staff accounts come from the CLI.

    Either a `password`, or the sign-up `code` texted to the phone (then a password is optional).
    """

    phone: Phone
    name: Name
    role: Literal["worker", "employer"]
    password: Password | msgspec.UnsetType = msgspec.UNSET
    code: SmsCode | msgspec.UnsetType = msgspec.UNSET
    first_page: bool = False
    """Also answer the first page of the person's home screen (a worker's radar: `GET /api/jobs?limit=20`), which
    saves a phone the round trip after signing in; ignored for roles whose home has none."""
    ONE_OF_REQUIRED: ClassVar[tuple[str, ...]] = ("password", "code")


class Login(SchemaIn):
    """Phone number and either the password or the sign-in code texted to it."""

    phone: Phone
    password: Annotated[str, msgspec.Meta(max_length=128)] | msgspec.UnsetType = msgspec.UNSET
    code: SmsCode | msgspec.UnsetType = msgspec.UNSET
    first_page: bool = False
    """Also answer the first page of the person's home screen (a worker's radar: `GET /api/jobs?limit=20`), which
    saves a phone the round trip after signing in; ignored for roles whose home has none."""
    ONE_OF_REQUIRED: ClassVar[tuple[str, ...]] = ("password", "code")


class CodeRequest(SchemaIn):
    """Text a code to `phone`: to sign in (`login`), sign up (`register`) or set a new password (`reset`)."""

    phone: Phone
    purpose: Literal["login", "register", "reset"]


class CodeSentOut(Schema):
    """The code is on its way (the same answer whether or not the phone has an account)."""

    sent_to: str
    """The phone, masked."""
    resend_after_s: int
    """Seconds before another code may be asked for this phone and purpose."""
    expires_in_s: int
    """Seconds the code stays valid."""


class PasswordReset(SchemaIn):
    """A new password, with the reset code texted to the phone."""

    phone: Phone
    code: SmsCode
    password: Password


class PasswordChange(SchemaIn):
    """The signed-in user's new password, with the current one (or the temporary one an admin gave)."""

    current_password: Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
    password: Password


class UserOut(Schema):
    """A user as they see themselves; `must_change_password` while they hold a temporary password."""

    id: int
    phone: str
    name: str
    role: str
    created_at: datetime
    must_change_password: bool = False


class Registered(UserOut):
    """The new user; registered with a code (which is then used up), also signed in: `token` and the cookie."""

    token: str | None = None


class LoginResult(Schema):
    """The bearer token (also set as the session cookie) and who it belongs to."""

    token: str
    user: UserOut
    first_page: Any | None = None
    """With `first_page` asked for: what the home screen would fetch first (for a worker, their radar's first page,
    as `GET /api/jobs?limit=20` answers it); null otherwise."""


class LoggedOut(Schema):
    """Every session of the user has ended."""

    ok: bool
