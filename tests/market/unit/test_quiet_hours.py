"""Quiet hours on the market's clocks (Asia/Shanghai by default): inside or not, and when they end, over midnight."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from market.alerts.quiet_hours import parse_clock, quiet_until


def _beijing(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment given in Beijing time."""
    return datetime(2026, 12, day, hour, minute, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_overnight_hours_end_the_next_morning_or_this_morning():
    assert quiet_until(_beijing(10, 23), "22:00", "07:00") == _beijing(11, 7)
    assert quiet_until(_beijing(11, 3, 30), "22:00", "07:00") == _beijing(11, 7)
    assert quiet_until(_beijing(11, 7), "22:00", "07:00") is None, "they end at 07:00 sharp"
    assert quiet_until(_beijing(10, 21, 59), "22:00", "07:00") is None


def test_daytime_hours_and_none():
    assert quiet_until(_beijing(10, 12, 30), "12:00", "14:00") == _beijing(10, 14)
    assert quiet_until(_beijing(10, 14), "12:00", "14:00") is None
    assert quiet_until(_beijing(10, 12), "", "") is None
    assert quiet_until(_beijing(10, 12), "12:00", "12:00") is None


def test_only_real_times_of_day_are_read():
    assert parse_clock("07:05") is not None
    assert [parse_clock(text) for text in ("24:00", "7:05", "07:60", "ab:cd", "")] == [None] * 5
