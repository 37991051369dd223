"""The simulation's agenda: acts due at market times, run in (time, order scheduled) order — deterministic."""

from __future__ import annotations

import heapq
from collections.abc import Awaitable, Callable
from datetime import datetime

__all__ = ["Act", "Agenda"]

Act = Callable[[], Awaitable[object]]


class Agenda:
    """A priority queue of acts; ties keep the order they were scheduled in."""

    def __init__(self) -> None:
        """Empty."""
        self._heap: list[tuple[datetime, int, Act]] = []
        self._seq = 0

    def at(self, when: datetime, act: Act) -> None:
        """Run `act` when the clock reaches `when`."""
        self._seq += 1
        heapq.heappush(self._heap, (when, self._seq, act))

    def pop_due(self, until: datetime) -> tuple[datetime, Act] | None:
        """The next act due at or before `until`, or None."""
        if self._heap and self._heap[0][0] <= until:
            when, _, act = heapq.heappop(self._heap)
            return when, act
        return None

    def __len__(self) -> int:
        """Acts still waiting."""
        return len(self._heap)
