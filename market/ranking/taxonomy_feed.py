"""The trades taxonomy each process matches with: the shipped one plus the additions the back office stores,
picked up by polling, as matching changes are.

The back office (a higher layer) installs the source of additions at start-up (`provide_additions`); every process
then asks it for the additions' version at most every `POLL_INTERVAL` (at once after a write of its own,
`mark_stale`) and, when it moved, installs the additions into the matching library; the matching state is rebuilt,
since skill texts already read were resolved against the old taxonomy.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

from market.core import clock
from matching import Addition, install_additions

__all__ = ["POLL_INTERVAL", "AdditionsSource", "mark_stale", "provide_additions", "refresh_taxonomy"]

POLL_INTERVAL = timedelta(seconds=1)
"""A process asks for the additions' version at most this often (matching's own pace)."""

AdditionsSource = tuple[Callable[[], Awaitable[str]], Callable[[], Awaitable[Sequence[Addition]]]]
"""(the additions' version: a text that changes with every addition, the additions in the order they were made)."""

_source: list[AdditionsSource] = []
_seen: dict[str, object] = {"version": "", "at": None}


def provide_additions(version: Callable[[], Awaitable[str]],
                      additions: Callable[[], Awaitable[Sequence[Addition]]]) -> None:
    """Install where the additions come from (the back office does, at start-up)."""
    _source[:] = [(version, additions)]


def mark_stale() -> None:
    """This process added to the taxonomy: the next `refresh_taxonomy` reads the additions at once."""
    _seen["at"] = _seen["version"] = None


async def refresh_taxonomy() -> bool:
    """Install the additions if their version moved since this process last looked (looking at most every
    `POLL_INTERVAL`); True when the taxonomy in use changed."""
    if not _source:
        return False
    now = clock.now()
    last = _seen["at"]
    if isinstance(last, datetime) and timedelta(0) <= now - last < POLL_INTERVAL:
        return False
    _seen["at"] = now
    version_of, additions_of = _source[0]
    version = await version_of()
    if version == _seen["version"]:
        return False
    install_additions(list(await additions_of()))
    _seen["version"] = version
    return True

