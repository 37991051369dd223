"""The market's time zone, decided once (the `LINGGONG_TIMEZONE` setting): local times are made only here."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from market.core.i18n import translate
from market.core.messages import MESSAGES
from market.settings import get_settings

__all__ = ["local", "market_zone", "short_local", "utc_offset", "zone_label"]


def market_zone() -> ZoneInfo:
    """The zone the market's people live in: where typed times are read and times are shown."""
    return get_settings().zone


def local(at: datetime) -> datetime:
    """`at` on the market's clocks (a naive `at` is taken as UTC, as the database stores it)."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(market_zone())


def short_local(at: datetime | str) -> str:
    """Month-day hour:minute on the market's clocks, as notifications and messages say it: `12-01 08:00`."""
    moment = datetime.fromisoformat(at) if isinstance(at, str) else at
    return f"{local(moment):%m-%d %H:%M}"


def utc_offset(at: datetime) -> str:
    """The market's offset from UTC at `at`, for people: `UTC+8`, `UTC+5:45`, `UTC-4`."""
    offset = local(at).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign, minutes = ("+" if minutes >= 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def zone_label(language: str) -> str:
    """The zone's name for people: its catalogue name where it has one (`北京时间`), else its IANA name."""
    name = get_settings().timezone
    code = f"zone.{name}"
    return translate(code, language) if code in MESSAGES else name
