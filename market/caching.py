"""Revalidation for answers the app builds (API JSON, pages): `no-cache`, an ETag from the body, and 304s."""

from __future__ import annotations

import hashlib
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["RevalidateMiddleware", "etag_matches"]

_SKIPPED_HEADERS_ON_304 = {"content-length", "content-type", "content-encoding"}


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header names `etag` (compared weakly, as RFC 9110 asks for this header)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    return any(tag.strip() == "*" or tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


class RevalidateMiddleware:
    """Give every whole 200 answer to GET an ETag and a `no-cache` Cache-Control, and answer 304 when it matches.

    A phone that asks again with `If-None-Match` gets an empty 304 instead of the same JSON. Answers that set
    their own ETag (the front end's files) or stream (PDF downloads) pass untouched; answers to a request that
    carries credentials are marked `private`, so no shared cache keeps someone's data. The tag is weak: it is
    taken over the body as sent, which may be compressed, and is equal for equal content in one encoding.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Buffer the answer's start until its body is known, then tag it or answer 304."""
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):  # type: ignore[typeddict-item]
            await self.app(scope, receive, send)
            return
        request_headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]
                           if k in (b"if-none-match", b"authorization", b"cookie")}
        start: dict[str, Any] | None = None
        passing = False

        async def tagging_send(message: Message) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders(message)
                if message["status"] != 200 or "etag" in headers:
                    passing = True
                    await send(message)
                    return
                start = dict(message)
                return
            if passing or start is None or message["type"] != "http.response.body":
                await send(message)
                return
            if message.get("more_body"):  # a stream: send it as it comes
                passing = True
                await send(start)  # type: ignore[arg-type]
                await send(message)
                return
            await self._finish(start, message, request_headers, send)

        await self.app(scope, receive, tagging_send)

    @staticmethod
    async def _finish(start: dict[str, Any], message: Message, request_headers: dict[str, str], send: Send) -> None:
        body: bytes = message.get("body", b"")  # type: ignore[assignment]
        etag = f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
        headers = MutableScopeHeaders(start)  # type: ignore[arg-type]
        headers["ETag"] = etag
        if "cache-control" not in headers:
            private = "authorization" in request_headers or "cookie" in request_headers
            headers["Cache-Control"] = "private, no-cache" if private else "no-cache"
        if etag_matches(request_headers.get("if-none-match"), etag):
            start["status"] = 304
            start["headers"] = [(k, v) for k, v in start["headers"] if k.decode("latin-1").lower()
                                not in _SKIPPED_HEADERS_ON_304]
            await send(start)  # type: ignore[arg-type]
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        await send(start)  # type: ignore[arg-type]
        await send(message)
