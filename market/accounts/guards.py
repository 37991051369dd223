"""Guards named for who may pass: `requires_role("employer", "staff")` and friends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from market.accounts.policy import allowed_roles
from market.core.errors import Forbidden, NotAuthenticated
from market.core.i18n import Listing, Phrase

__all__ = ["requires_employer", "requires_role", "requires_staff", "requires_worker"]

Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], None]


def requires_role(*roles: str) -> Guard:
    """A guard that lets through only users with one of `roles` (admins count as staff)."""
    allowed = allowed_roles(roles)

    def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        user = connection.scope.get("user")
        if user is None:
            # Only requests the auth middleware lets through unauthenticated get here: OPTIONS (a preflight
            # carries no credentials and only learns the allowed methods) passes, anything else must log in.
            if connection.scope.get("method") == "OPTIONS":
                return
            raise NotAuthenticated("not_authenticated")
        if user.role not in allowed:
            raise Forbidden("role_required", roles=Listing(Phrase(f"roles.{r}") for r in roles))

    return guard


requires_worker = requires_role("worker")
requires_employer = requires_role("employer")
requires_staff = requires_role("staff")
