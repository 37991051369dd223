"""Quiet hours on the market's clocks: whether a moment falls in them, and when they end."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from market.core.zone import local

__all__ = ["parse_clock", "quiet_until"]


def parse_clock(text: str) -> time | None:
    """`HH:MM` (00:00–23:59) as a time of day; None when it is not one."""
    if len(text) != 5 or text[2] != ":" or not (text[:2].isdigit() and text[3:].isdigit()):
        return None
    hour, minute = int(text[:2]), int(text[3:])
    return time(hour, minute) if hour < 24 and minute < 60 else None


def quiet_until(at: datetime, starts: str, ends: str) -> datetime | None:
    """When the quiet hours `starts`–`ends` (market time, `HH:MM`) around `at` end, or None if `at` is outside
    them (or there are none). Hours may run over midnight (22:00–07:00); equal ends mean none."""
    begin, finish = parse_clock(starts), parse_clock(ends)
    if begin is None or finish is None or begin == finish:
        return None
    here = local(at)
    now = here.time()
    overnight = begin > finish
    inside = (begin <= now or now < finish) if overnight else (begin <= now < finish)
    if not inside:
        return None
    end_day = here.date() + timedelta(days=1) if overnight and now >= begin else here.date()
    return datetime.combine(end_day, finish, tzinfo=here.tzinfo)
