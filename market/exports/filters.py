"""What an export is narrowed to: days in the market's zone (both ends included), and a district or station."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from market.core.errors import Invalid
from market.core.zone import market_zone

__all__ = ["MAX_DAYS", "Filters", "read_day"]

MAX_DAYS = 3 * 366
"""The longest span one export covers: three years (a city's year is about a million orders)."""


@dataclass(frozen=True)
class Filters:
    """An export's filters as the reader gave them; `None` means not narrowed."""

    day_from: date | None = None
    day_to: date | None = None
    district: str | None = None
    station_id: int | None = None

    def check(self, offered: frozenset[str]) -> None:
        """400 naming the field: an end before the start, too long a span, or a filter this export does not take."""
        if self.day_from and self.day_to and self.day_to < self.day_from:
            raise Invalid.field("to", "exports_to_before_from")
        if self.day_from and self.day_to and (self.day_to - self.day_from).days >= MAX_DAYS:
            raise Invalid.field("to", "exports_span_too_long", days=MAX_DAYS)
        for field, value in (("district", self.district), ("station_id", self.station_id)):
            if value is not None and field not in offered:
                raise Invalid.field(field, "exports_filter_not_offered")

    def since(self) -> datetime | None:
        """The first moment of `day_from` on the market's clocks, in UTC."""
        return _start_of(self.day_from) if self.day_from else None

    def before(self) -> datetime | None:
        """The first moment after `day_to` on the market's clocks, in UTC."""
        return _start_of(self.day_to + timedelta(days=1)) if self.day_to else None

    def as_record(self) -> dict[str, Any]:
        """The filters given, for the export log."""
        given = {"from": self.day_from and self.day_from.isoformat(), "to": self.day_to and self.day_to.isoformat(),
                 "district": self.district, "station_id": self.station_id}
        return {key: value for key, value in given.items() if value is not None}


def read_day(field: str, text: str | None) -> date | None:
    """The day a query parameter names (YYYY-MM-DD); 400 naming `field` when it names none."""
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise Invalid.field(field, "exports_day_format") from None


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=market_zone()).astimezone(UTC)
