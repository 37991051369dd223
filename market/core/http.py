"""The HTTP edge: what reaches a handler has a URL without control characters and a JSON body that decoded."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from litestar import Litestar, Request
from litestar.file_system import BaseLocalFileSystem
from litestar.middleware import ASGIMiddleware
from litestar.routes import HTTPRoute
from litestar.types import ASGIApp, Empty, Receive, Scope, Send

from market.core.errors import Invalid
from market.core.text import has_control_characters

__all__ = ["MarketRequest", "RefuseControlCharacters", "StaticFileSystem", "repair_options_answers"]


class MarketRequest(Request[Any, Any, Any]):
    """Litestar's request, whose JSON decoding refuses bodies nested too deeply to decode as a 400."""

    async def json(self) -> Any:
        """The decoded JSON body; a body nested so deeply that decoding runs out of stack is the client's fault."""
        try:
            return await super().json()
        except RecursionError:
            raise Invalid.field("body", "nested_too_deeply") from None

    def json_if_read(self) -> Any:
        """The JSON body if something already decoded it during this request, else None (never reads the stream)."""
        value = self._connection_state.json
        return None if value is Empty else value


class RefuseControlCharacters(ASGIMiddleware):
    """A 400 naming the part of the URL (the path, or the query parameter) that holds a control character such as NUL.

    Nothing the market serves has one in its name, and PostgreSQL refuses NUL in text: checked once here.
    """

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        """Check the decoded path and query, then pass the request on."""
        if scope["type"] == "http":
            if has_control_characters(scope["path"]):
                raise Invalid.field("path", "control_characters")
            query = scope.get("query_string", b"").decode("latin-1")
            for name, value in parse_qsl(query, keep_blank_values=True):
                if has_control_characters(name) or has_control_characters(value):
                    raise Invalid.field(name if not has_control_characters(name) else "query", "control_characters")
        await next_app(scope, receive, send)


class StaticFileSystem(BaseLocalFileSystem):
    """The front end's files: a name the operating system cannot even look up (too long, NUL) is simply not there."""

    async def info(self, path: Any, **kwargs: Any) -> Any:
        """The file's details, or FileNotFoundError (a 404) for any name that cannot be a file."""
        try:
            return await super().info(path, **kwargs)
        except PermissionError:
            raise
        except (OSError, ValueError) as exc:
            raise FileNotFoundError(str(path)) from exc


def repair_options_answers(app: Litestar) -> None:
    """Make each path's automatic OPTIONS answer list every method of the path.

    Litestar 2.25 registers a controller's handlers one at a time; when a second method joins a path, the OPTIONS
    handler made for the first keeps pointing at the route it was made for, and its Allow header misses the rest.
    """
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            for cell in getattr(handler.fn, "__closure__", None) or ():
                stale = cell.cell_contents
                if isinstance(stale, HTTPRoute) and stale is not route and stale.path == route.path:
                    stale.methods = route.methods
