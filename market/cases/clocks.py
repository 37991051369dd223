"""Each state's clock, in working time: computed from when the case entered its state and the official calendar.

Working time runs only on working days (`market.core.workdays`, with the back office's corrections): a state of
`n` working days is due once `n` × 24 hours of working-day time have passed since it was entered (received Friday
10:00 with one day: due Monday 10:00). Nothing is stored but the moment of the state change, so a corrected
calendar moves every deadline with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from market.core.workdays import Overrides, is_working_day
from market.core.zone import local, market_zone
from market.settings import get_settings
from market.wages.calendar import overrides

__all__ = ["CLOCKED", "Deadline", "after_working_time", "calendar_overrides", "deadline", "limits", "working_seconds"]

CLOCKED = ("received", "assigned", "handling", "closed", "follow_up")
"""States with a clock; an archived case has none."""
_DAY = 86400.0
_SEARCH_DAYS = 400


def limits() -> dict[str, int]:
    """Working days each state may last (settings `case_*_days`)."""
    settings = get_settings()
    return {"received": settings.case_received_days, "assigned": settings.case_assigned_days,
            "handling": settings.case_handling_days, "closed": settings.case_closed_days,
            "follow_up": settings.case_follow_up_days}


async def calendar_overrides() -> Overrides:
    """The back office's corrections to the official calendar (`market.wages.calendar`, cached per process and
    re-read shortly after another process changes them): the one place cases ask for them."""
    return await overrides()


def _day_bounds(day: datetime) -> tuple[datetime, datetime]:
    start = datetime.combine(day.date(), time(0), tzinfo=market_zone())
    return start, datetime.combine(day.date() + timedelta(days=1), time(0), tzinfo=market_zone())


def working_seconds(start: datetime, end: datetime, overrides: Overrides) -> float:
    """Seconds of working-day time between two moments (0 when `end` is not later)."""
    total, cursor = 0.0, local(start)
    while cursor < end:
        day_start, day_end = _day_bounds(cursor)
        if is_working_day(day_start.date(), overrides):
            total += (min(end, day_end) - max(cursor, day_start)).total_seconds()
        cursor = day_end
    return max(total, 0.0)


def after_working_time(start: datetime, seconds: float, overrides: Overrides) -> datetime:
    """The moment `seconds` of working-day time have passed since `start`."""
    left, cursor = seconds, local(start)
    for _ in range(_SEARCH_DAYS + int(seconds // _DAY) * 2):
        day_start, day_end = _day_bounds(cursor)
        if is_working_day(day_start.date(), overrides):
            available = (day_end - cursor).total_seconds()
            if left <= available:
                return (cursor + timedelta(seconds=left)).astimezone(UTC)
            left -= available
        cursor = day_end
    raise ValueError("no working days found: the overrides mark every day off")


@dataclass(frozen=True)
class Deadline:
    """A state's clock: when it started, when the owner is reminded, when it is due, and how long it is."""

    state: str
    since: datetime
    remind_at: datetime
    due_at: datetime
    working_days: int

    def overdue(self, now: datetime) -> bool:
        """Past the state's time."""
        return now >= self.due_at


def deadline(state: str, since: datetime, overrides: Overrides) -> Deadline | None:
    """The clock of a case that entered `state` at `since` (None for a state without one)."""
    days = limits().get(state)
    if days is None:
        return None
    share = get_settings().case_reminder_percent / 100
    return Deadline(state, since, after_working_time(since, days * _DAY * min(share, 1.0), overrides),
                    after_working_time(since, days * _DAY, overrides), days)
