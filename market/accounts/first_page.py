"""What a sign-in may carry besides the token: the first page the person's home screen shows, so a phone on a slow
network draws it without a second round trip after the login answer.

A higher layer provides each role's page at start-up (ranking: a worker's radar, `market.ranking.subscribers`);
accounts never import it. A role with no page provided gets none.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar.datastructures import State

from market.accounts.auth import CurrentUser

__all__ = ["FirstPage", "first_page", "provide_first_page"]

FirstPage = Callable[[State, CurrentUser], Awaitable[Any]]
"""Given the app's state and who just signed in, the answer their home screen would fetch first."""

_pages: dict[str, FirstPage] = {}


def provide_first_page(role: str, page: FirstPage) -> None:
    """Install the first page of `role`'s home screen (called once at start-up)."""
    _pages[role] = page


async def first_page(state: State, user: CurrentUser) -> Any | None:
    """The signed-in person's first page, or None when their role's home has none provided."""
    page = _pages.get(user.role)
    return None if page is None else await page(state, user)
