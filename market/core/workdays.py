"""Working days as the official Chinese calendar has them: holidays off, make-up working days (调休) on.

The days come from the `chinesecalendar` package, which knows the years the State Council has published (it is
released once a year). A table of corrections kept by the back office (`overrides`: a date and whether it is a
working day) wins over the package; a year the package does not know yet falls back to Monday–Friday until the
release or an override covers it. Days are counted on the market's clocks (`market.core.zone`), and every count is
computed from the dates it is asked about, so a corrected calendar never leaves a stored counter wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

import chinese_calendar

from market.core.zone import local

__all__ = ["Overrides", "add_working_days", "is_working_day", "known_by_the_calendar", "working_days_between"]

Overrides = Mapping[date, bool]
"""Corrections to the calendar: a date and whether it is a working day."""

_NONE: Overrides = {}
_LONGEST_BREAK = 40
"""More calendar days than any run of days off (the Spring Festival week plus weekends): a search bound."""


def known_by_the_calendar(day: date) -> bool:
    """Whether the package has the official days of `day`'s year."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def is_working_day(day: date, overrides: Overrides = _NONE) -> bool:
    """Whether `day` is a working day: an override, else the official calendar, else Monday to Friday."""
    if day in overrides:
        return overrides[day]
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def working_days_between(start: datetime, end: datetime, overrides: Overrides = _NONE) -> int:
    """How many working days have ended since `start` by `end`: the working days after `start`'s local date up to
    and including `end`'s (0 when `end` is on the same local day or earlier)."""
    first, last = local(start).date(), local(end).date()
    count, day = 0, first + timedelta(days=1)
    while day <= last:
        count += is_working_day(day, overrides)
        day += timedelta(days=1)
    return count


def add_working_days(start: datetime, days: int, overrides: Overrides = _NONE) -> datetime:
    """The moment `days` working days after `start`: the same local time on the `days`-th working day after it
    (0: `start` itself)."""
    moment, left = local(start), days
    for _ in range(days * 7 + _LONGEST_BREAK):
        if left <= 0:
            return moment
        moment += timedelta(days=1)
        left -= is_working_day(moment.date(), overrides)
    raise ValueError(f"no {days} working days found after {start.isoformat()}: the overrides mark every day off")
