"""HTTP routes for registering, logging in and out."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.params import JSONBody
from litestar.security.jwt import JWTCookieAuth
from litestar.status_codes import HTTP_200_OK

from market.accounts import services
from market.accounts.auth import PUBLIC_ROUTE, AuthedRequest
from market.accounts.schemas import LoggedOut, Login, LoginResult, Registration, UserOut
from market.accounts.tables import Role, User
from market.accounts.throttle import AttemptThrottle
from market.core.errors import NotAuthenticated, TooManyRequests
from market.core.identity import is_valid_mobile, mask_mobile

__all__ = ["AuthController"]

logger = logging.getLogger("market.accounts")


def _address(request: Request[Any, Any, Any]) -> str:
    # uvicorn has put the X-Forwarded-For client here only if the peer is in LINGGONG_TRUSTED_PROXIES (cli.py)
    return request.client.host if request.client else "unknown"


def _masked_phone(phone: str) -> str:
    # what was typed is the caller's: only a masked valid number reaches the log, never raw text
    return mask_mobile(phone) if is_valid_mobile(phone) else "(not a mobile number)"


def _throttle(request: Request[Any, Any, Any]) -> AttemptThrottle:
    throttle: AttemptThrottle = request.app.state.throttle
    return throttle


class AuthController(Controller):
    """Accounts: anyone may register or log in; the rest needs a login."""

    path = "/api/auth"
    tags = ["accounts"]

    @post("/register", operation_id="Register", opt=PUBLIC_ROUTE, summary="Register as a worker or employer")
    async def register(self, data: JSONBody[Registration], request: Request[Any, Any, Any]) -> UserOut:
        """Create a worker or employer account; 201 with the user."""
        await _throttle(request).check(_address(request))
        user = await services.create_user(phone=data.phone, name=data.name, role=Role(data.role),
                                          password=data.password)
        return services.user_out(user.to_dict())

    @post("/login", operation_id="Login", opt=PUBLIC_ROUTE, status_code=HTTP_200_OK, summary="Log in")
    async def login(self, data: JSONBody[Login], request: Request[Any, Any, Any]) -> Response[LoginResult]:
        """Check phone and password; answer the token and set the session cookie."""
        address = _address(request)
        try:
            await _throttle(request).check(address, services.login_phone(data.phone))
            user = await services.authenticate(data.phone, data.password)
        except (NotAuthenticated, TooManyRequests) as exc:
            logger.warning("login refused (%s) for %s from %s", exc.code, _masked_phone(data.phone), address)
            raise
        auth: JWTCookieAuth[Any, Any] = request.app.state.auth
        token = auth.create_token(identifier=str(user.id), token_extras={"ver": user.token_version})
        cookie = Cookie(key=auth.key, value=token, path="/", httponly=True, secure=auth.secure, samesite=auth.samesite,
                        max_age=int(auth.default_token_expiration.total_seconds()))
        return Response(LoginResult(token=token, user=services.user_out(user.to_dict())), status_code=HTTP_200_OK,
                        cookies=[cookie])

    @post("/logout", operation_id="Logout", status_code=HTTP_200_OK, summary="Log out everywhere")
    async def logout(self, request: AuthedRequest) -> Response[LoggedOut]:
        """End every session of this user (tokens carry a version that this bumps) and clear the cookie."""
        await User.update({User.token_version: User.token_version + 1}).where(User.id == request.user.id)
        response = Response(LoggedOut(ok=True))
        response.delete_cookie(request.app.state.auth.key)
        return response

    @get("/me", operation_id="GetMe", summary="Who am I")
    async def me(self, request: AuthedRequest) -> UserOut:
        """The logged-in user."""
        row = await User.select(User.id, User.phone, User.name, User.role, User.created_at).where(
            User.id == request.user.id).first()
        if row is None:
            raise NotAuthenticated("token_invalid")
        return services.user_out(row)
