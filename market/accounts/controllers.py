"""HTTP routes for registering, logging in and out, SMS codes and password resets."""

from __future__ import annotations

import logging
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.params import JSONBody
from litestar.security.jwt import JWTCookieAuth
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_202_ACCEPTED

from market.accounts import codes, services
from market.accounts.auth import PUBLIC_ROUTE, AuthedRequest, CurrentUser
from market.accounts.events import AccountChanged
from market.accounts.first_page import first_page
from market.accounts.schemas import (
    CodeRequest,
    CodeSentOut,
    LoggedOut,
    Login,
    LoginResult,
    PasswordChange,
    PasswordReset,
    Registered,
    Registration,
    UserOut,
)
from market.accounts.tables import Role, User
from market.accounts.throttle import AttemptThrottle
from market.core.database import write_transaction
from market.core.errors import Invalid, NotAuthenticated, TooManyRequests
from market.core.events import record
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


def _session(request: Request[Any, Any, Any], user: User) -> tuple[str, Cookie]:
    """A login token for `user` and the session cookie carrying it."""
    auth: JWTCookieAuth[Any, Any] = request.app.state.auth
    token = auth.create_token(identifier=str(user.id), token_extras={"ver": user.token_version})
    cookie = Cookie(key=auth.key, value=token, path="/", httponly=True, secure=auth.secure, samesite=auth.samesite,
                    max_age=int(auth.default_token_expiration.total_seconds()))
    return token, cookie


class AuthController(Controller):
    """Accounts: anyone may register or log in; the rest needs a login."""

    path = "/api/auth"
    tags = ["accounts"]

    @post("/register", operation_id="Register", opt=PUBLIC_ROUTE, summary="Register as a worker or employer")
    async def register(self, data: JSONBody[Registration], request: Request[Any, Any, Any]) -> Response[Registered]:
        """Create a worker or employer account with a password, or with the sign-up code texted to the phone (a
        password then optional); 201 with the user, and signed in (token and cookie) when a code was used."""
        await _throttle(request).check(_address(request))
        if not isinstance(data.code, msgspec.UnsetType):
            password = None if isinstance(data.password, msgspec.UnsetType) else data.password
            user = await services.register_by_code(phone=data.phone, code=data.code, name=data.name,
                                                   role=Role(data.role), password=password)
            token, cookie = _session(request, user)
            out = services.user_out(user.to_dict())
            return Response(Registered(**msgspec.structs.asdict(out), token=token),
                            status_code=HTTP_201_CREATED, cookies=[cookie])
        if isinstance(data.password, msgspec.UnsetType):
            raise Invalid.field("password", "required")
        user = await services.create_user(phone=data.phone, name=data.name, role=Role(data.role),
                                          password=data.password)
        out = services.user_out(user.to_dict())
        return Response(Registered(**msgspec.structs.asdict(out)),
                        status_code=HTTP_201_CREATED)

    @post("/login", operation_id="Login", opt=PUBLIC_ROUTE, status_code=HTTP_200_OK, summary="Log in")
    async def login(self, data: JSONBody[Login], request: Request[Any, Any, Any]) -> Response[LoginResult]:
        """Check phone and password, or phone and the sign-in code texted to it; answer the token and set the
        session cookie."""
        address = _address(request)
        try:
            await _throttle(request).check(address, services.login_phone(data.phone))
            if not isinstance(data.code, msgspec.UnsetType):
                user = await services.authenticate_by_code(data.phone, data.code)
            elif not isinstance(data.password, msgspec.UnsetType):
                user = await services.authenticate(data.phone, data.password)
            else:
                raise Invalid.field("password", "required")
        except (NotAuthenticated, TooManyRequests, Invalid) as exc:
            logger.warning("login refused (%s) for %s from %s", exc.code, _masked_phone(data.phone), address)
            raise
        token, cookie = _session(request, user)
        home = None
        if data.first_page:
            home = await first_page(request.app.state, CurrentUser(id=user.id, role=user.role, name=user.name,
                                                                   phone=user.phone))
        return Response(LoginResult(token=token, user=services.user_out(user.to_dict()), first_page=home),
                        status_code=HTTP_200_OK, cookies=[cookie])

    @post("/sms-code", operation_id="SendSmsCode", opt=PUBLIC_ROUTE, status_code=HTTP_202_ACCEPTED,
          summary="Text a sign-in, sign-up or reset code")
    async def sms_code(self, data: JSONBody[CodeRequest], request: Request[Any, Any, Any]) -> CodeSentOut:
        """Text a six-digit code to the phone, valid for a few minutes and once; 202 whether or not the phone has
        an account (nobody learns who is registered); 429 past one a minute, a few an hour per phone, or the
        client address's hourly limit."""
        address = _address(request)
        await _throttle(request).check(address)
        phone = services.clean_phone(data.phone)
        try:
            sent = await codes.send_code(phone, data.purpose, address)
        except TooManyRequests:
            logger.warning("sms code refused (too many) for %s from %s", mask_mobile(phone), address)
            raise
        return CodeSentOut(sent_to=sent.sent_to, resend_after_s=sent.resend_after_s, expires_in_s=sent.expires_in_s)

    @post("/reset-password", operation_id="ResetPassword", opt=PUBLIC_ROUTE, status_code=HTTP_200_OK,
          summary="Set a new password with a reset code")
    async def reset_password(self, data: JSONBody[PasswordReset],
                             request: Request[Any, Any, Any]) -> Response[LoginResult]:
        """Set a new password with the reset code texted to the phone; every earlier session ends, and this answer
        signs the user in (token and cookie)."""
        address = _address(request)
        try:
            await _throttle(request).check(address, services.login_phone(data.phone))
            user = await services.reset_password(data.phone, data.code, data.password)
        except (NotAuthenticated, TooManyRequests, Invalid) as exc:
            logger.warning("reset refused (%s) for %s from %s", exc.code, _masked_phone(data.phone), address)
            raise
        token, cookie = _session(request, user)
        return Response(LoginResult(token=token, user=services.user_out(user.to_dict())), status_code=HTTP_200_OK,
                        cookies=[cookie])

    @post("/password", operation_id="ChangePassword", status_code=HTTP_200_OK, summary="Change my password")
    async def change_password(self, data: JSONBody[PasswordChange], request: AuthedRequest) -> Response[LoginResult]:
        """Replace the password (the current or temporary one first); every earlier session ends, and this answer
        signs the user in again (token and cookie)."""
        user = await services.change_password(request.user.id, data.current_password, data.password)
        token, cookie = _session(request, user)
        return Response(LoginResult(token=token, user=services.user_out(user.to_dict())), status_code=HTTP_200_OK,
                        cookies=[cookie])

    @post("/logout", operation_id="Logout", status_code=HTTP_200_OK, summary="Log out everywhere")
    async def logout(self, request: AuthedRequest) -> Response[LoggedOut]:
        """End every session of this user (tokens carry a version that this bumps) and clear the cookie."""
        async with write_transaction():
            await User.update({User.token_version: User.token_version + 1}).where(User.id == request.user.id)
            record(AccountChanged(user_id=request.user.id))
        response = Response(LoggedOut(ok=True))
        response.delete_cookie(request.app.state.auth.key)
        return response

    @get("/me", operation_id="GetMe", summary="Who am I")
    async def me(self, request: AuthedRequest) -> UserOut:
        """The logged-in user."""
        row = await User.select(User.id, User.phone, User.name, User.role, User.created_at,
                                User.must_change_password).where(
            User.id == request.user.id).first()
        if row is None:
            raise NotAuthenticated("token_invalid")
        return services.user_out(row)
