"""What the radar and the candidates read on every request, kept per process and dropped when the change feed
names it: the worker as matching sees them, the jobs they took, job and employer rows, a job's holders, skills,
and the user rows login tokens are checked against.

The poller (`market.ranking.state`) forgets every entity a change row names before any request reads the cache,
and a process polls at once after its own writes, so a change committed here shows in the next request, and one
committed by another process within `POLL_INTERVAL`. A fill that raced a poll is not kept (`generation`).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

__all__ = ["MAX_ENTRIES", "ReadCache"]

MAX_ENTRIES = 50_000
"""Above this many entries the cache starts again empty (a crude bound on memory: a few MB)."""


class ReadCache:
    """Values by (kind, id); `forget` drops those a change names, `clear` everything (after a rebuild)."""

    def __init__(self) -> None:
        """An empty cache."""
        self._values: dict[tuple[str, int], Any] = {}
        self._kept_until: dict[tuple[str, int], float] = {}
        self.generation = 0
        """Moves on every forget or clear: a read that began before it is not stored."""
        self.hits = 0
        self.misses = 0

    async def get(self, kind: str, entity_id: int, read: Callable[[], Awaitable[Any]],
                  max_age: float | None = None) -> Any:
        """The cached value, else `await read()` (kept unless a poll forgot something meanwhile); with `max_age`
        (seconds), read again after that long even if no change named it (a safety net)."""
        key = (kind, entity_id)
        if key in self._values and (max_age is None or time.monotonic() < self._kept_until.get(key, 0.0)):
            self.hits += 1
            return self._values[key]
        self.misses += 1
        began = self.generation
        value = await read()
        if self.generation == began:
            if len(self._values) >= MAX_ENTRIES:
                self._values.clear()
                self._kept_until.clear()
            self._values[key] = value
            if max_age is not None:
                self._kept_until[key] = time.monotonic() + max_age
        return value

    async def get_many(self, kind: str, entity_ids: Iterable[int],
                       read: Callable[[list[int]], Awaitable[dict[int, Any]]]) -> dict[int, Any]:
        """Values for many ids, the missing ones from one `await read(missing)` (an id it leaves out maps to None)."""
        wanted = list(dict.fromkeys(entity_ids))
        found = {i: self._values[(kind, i)] for i in wanted if (kind, i) in self._values}
        missing = [i for i in wanted if i not in found]
        self.hits += len(found)
        if missing:
            self.misses += len(missing)
            began = self.generation
            read_now = await read(missing)
            fresh = {i: read_now.get(i) for i in missing}
            if self.generation == began:
                if len(self._values) + len(fresh) >= MAX_ENTRIES:
                    self._values.clear()
                self._values.update({(kind, i): value for i, value in fresh.items()})
            found.update(fresh)
        return found

    def forget(self, kind: str, entity_ids: Iterable[int]) -> None:
        """Drop what is cached for these entities of `kind`."""
        self.generation += 1
        for entity_id in entity_ids:
            self._values.pop((kind, entity_id), None)

    def forget_kind(self, kind: str) -> None:
        """Drop every entry of `kind` (what depends on many entities at once, such as a ranking)."""
        self.generation += 1
        for key in [key for key in self._values if key[0] == kind]:
            del self._values[key]
            self._kept_until.pop(key, None)

    def clear(self) -> None:
        """Drop everything."""
        self.generation += 1
        self._values.clear()
        self._kept_until.clear()
