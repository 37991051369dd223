"""Login tokens: a signed JWT sent as a bearer header or the session cookie, mapped to the current user."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException
from litestar.security.jwt import JWTCookieAuth, Token

from market.accounts.policy import is_staff
from market.accounts.tables import User
from market.core.errors import Forbidden
from market.core.keys import get_keyring
from market.settings import get_settings

__all__ = ["PASSWORD_CHANGE_ROUTES", "PUBLIC_ROUTE", "SESSION_COOKIE", "AuthedRequest", "CurrentUser", "UserLookup",
           "install_user_lookup", "make_auth", "session_user"]

PUBLIC_ROUTE = {"exclude_from_auth": True}
"""`opt` for handlers anyone may call without logging in."""
SESSION_COOKIE = "linggong_session"
"""The cookie `POST /api/auth/login` sets (the web app's session)."""
_ALGORITHM = "HS256"
PASSWORD_CHANGE_ROUTES = frozenset({"/api/auth/password", "/api/auth/me", "/api/auth/logout"})
"""All a user signed in with a temporary password may call until they change it (403 `password_change_required`
elsewhere)."""


@dataclass(frozen=True)
class CurrentUser:
    """Who is calling: enough to authorise without another query."""

    id: int
    role: str
    name: str
    phone: str

    @property
    def is_staff(self) -> bool:
        """Station staff and admins act for others and see unmasked data (`market.accounts.policy`)."""
        return is_staff(self)


UserLookup = Callable[[ASGIConnection[Any, Any, Any, Any], int, Callable[[], Awaitable[Any]]], Awaitable[Any]]
"""`(connection, user_id, read)` → the user's row: `read()`, or what a process-wide cache remembers of it."""
_lookup: UserLookup | None = None


def install_user_lookup(lookup: UserLookup | None) -> None:
    """Let a higher layer answer the user rows tokens are checked against (a cache that `AccountChanged` clears)."""
    global _lookup
    _lookup = lookup


async def _read_user(user_id: int) -> dict[str, Any] | None:
    return await User.select(  # type: ignore[no-any-return]
        User.id, User.role, User.name, User.phone, User.is_active, User.token_version,
        User.must_change_password).where(User.id == user_id).first()


async def _load_user(token: Token, connection: ASGIConnection[Any, Any, Any, Any]) -> CurrentUser | None:
    try:
        user_id = int(token.sub)
    except ValueError:
        return None
    if _lookup is None:
        row = await _read_user(user_id)
    else:
        row = await _lookup(connection, user_id, lambda: _read_user(user_id))
    if row is None or not row["is_active"] or row["token_version"] != token.extras.get("ver"):
        return None
    if row["must_change_password"] and connection.scope.get("path") not in PASSWORD_CHANGE_ROUTES:
        raise Forbidden("password_change_required")
    return CurrentUser(id=row["id"], role=row["role"], name=row["name"], phone=row["phone"])


def make_auth() -> JWTCookieAuth[CurrentUser, Token]:
    """The auth backend: everything under /api needs a login unless its handler opts out."""
    settings = get_settings()
    return JWTCookieAuth[CurrentUser, Token](
        retrieve_user_handler=_load_user,
        token_secret=get_keyring().token_secret,
        default_token_expiration=timedelta(hours=settings.token_ttl_hours),
        exclude=["^/api/docs"],
        key=SESSION_COOKIE,
        algorithm=_ALGORITHM,
        secure=settings.is_production,
        samesite="lax",
        description="Bearer token from POST /api/auth/login, or the session cookie it sets.",
    )

async def session_user(connection: ASGIConnection[Any, Any, Any, Any]) -> CurrentUser | None:
    """Who is signed in on a public route (which authentication skips): the user behind the session cookie or
    bearer header when it is valid, else None. Never raises: a bad or expired token is simply nobody."""
    encoded = (connection.headers.get("authorization", "").partition(" ")[-1]
               or connection.cookies.get(SESSION_COOKIE, "").split(" ")[-1])
    if not encoded:
        return None
    try:
        token = Token.decode(encoded, get_keyring().token_secret, _ALGORITHM)
    except NotAuthorizedException:
        return None
    try:
        return await _load_user(token, connection)
    except Forbidden:  # holding a temporary password: nobody, on a public route, until it is changed
        return None


AuthedRequest = Request[CurrentUser, Token, Any]
"""A request that passed authentication: `request.user` is the caller."""
