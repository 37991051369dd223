"""The console's question, checked: a period of local days, an interval, and optionally a district or a station."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from market.core import clock
from market.core.errors import FieldProblem, Invalid
from market.core.zone import local
from market.stats.sites import StationSite

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "Interval", "Window", "read_window"]

Interval = Literal["day", "week", "month"]
DEFAULT_DAYS = 30
"""Without `from`, the period is the 30 days up to `to` (today by default)."""
MAX_DAYS = 1100
"""The longest period asked for at once: three years."""


@dataclass(frozen=True)
class Window:
    """What to count: the local days [first, last], grouped by `interval`, in one district or at one station."""

    first: date
    last: date
    interval: Interval
    district: str | None
    station_id: int | None


def _day(text: str | None, field: str, problems: list[FieldProblem]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        problems.append(FieldProblem(field, "stats_date_format", {}))
        return None


def _station(text: str | None, stations: list[StationSite], problems: list[FieldProblem]) -> int | None:
    if not text:
        return None
    if not text.strip().isdigit():
        problems.append(FieldProblem("station_id", "stats_station_id", {}))
        return None
    if int(text) not in {s.id for s in stations}:
        problems.append(FieldProblem("station_id", "stats_station_unknown", {}))
        return None
    return int(text)


def read_window(since: str | None, until: str | None, interval: str | None, district: str | None,
                station_id: str | None, stations: list[StationSite], *, ahead: bool = False) -> Window:
    """The checked window, or `Invalid` naming every field that is wrong (nothing is computed then). Without `from`
    and `to`, the 30 days up to today, or (`ahead`, the supply grid) the 30 days from today on."""
    problems: list[FieldProblem] = []
    first, last = _day(since, "from", problems), _day(until, "to", problems)
    kind = (interval or "day").strip()
    if kind not in ("day", "week", "month"):
        problems.append(FieldProblem("interval", "stats_interval", {}))
    area = (district or "").strip() or None
    if area is not None and area not in {s.district for s in stations}:
        problems.append(FieldProblem("district", "stats_district_unknown", {}))
    station = _station(station_id, stations, problems)
    if not problems:
        today = local(clock.now()).date()
        if ahead and first is None and last is None:
            first = today
        if first is not None and last is None and ahead:
            last = first + timedelta(days=DEFAULT_DAYS - 1)
        last = last or today
        first = first or last - timedelta(days=DEFAULT_DAYS - 1)
        if last < first:
            problems.append(FieldProblem("to", "stats_range_order", {}))
        elif (last - first).days + 1 > MAX_DAYS:
            problems.append(FieldProblem("to", "stats_range_too_long", {"days": MAX_DAYS}))
    if problems:
        raise Invalid("validation_failed", problems)
    assert first is not None
    assert last is not None
    return Window(first, last, kind, area, station)  # type: ignore[arg-type]
