"""The working-day corrections: the back office's table, and the overrides every count of working days uses.

Each process keeps the table in memory (it holds a few dozen rows) and reads it again when it is older than
`workday_refresh_s`, so a correction made in another process counts there within that interval; a correction made
in this process counts here as soon as it commits.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from market.core import clock
from market.core.database import after_commit, write_transaction
from market.core.errors import NotFound
from market.core.workdays import Overrides, is_working_day, known_by_the_calendar
from market.settings import get_settings
from market.wages.tables import WorkdayOverride

__all__ = ["Correction", "add_correction", "forget_overrides", "list_corrections", "overrides", "remove_correction"]

_cache: tuple[float, dict[date, bool]] | None = None


@dataclass(frozen=True)
class Correction:
    """One correction as the back office sees it, with what the official calendar says of the same day."""

    day: date
    is_working_day: bool
    note: str
    changed_by: int
    changed_at: str
    official: bool | None
    """The package's answer without the correction (None: the package has no calendar for that year)."""


def forget_overrides() -> None:
    """Drop this process's copy of the corrections: the next count reads them again."""
    global _cache
    _cache = None


async def overrides() -> Overrides:
    """The corrections every count of working days uses, at most `workday_refresh_s` old."""
    global _cache
    if _cache is not None and time.monotonic() - _cache[0] < get_settings().workday_refresh_s:
        return _cache[1]
    rows = await WorkdayOverride.select(WorkdayOverride.day, WorkdayOverride.is_working_day)
    _cache = (time.monotonic(), {row["day"]: bool(row["is_working_day"]) for row in rows})
    return _cache[1]


def _correction(row: dict[str, object]) -> Correction:
    day = row["day"]
    assert isinstance(day, date)
    changed_at = row["changed_at"]
    return Correction(day=day, is_working_day=bool(row["is_working_day"]), note=str(row["note"]),
                      changed_by=int(row["changed_by"]),  # type: ignore[call-overload]
                      changed_at=changed_at.isoformat() if hasattr(changed_at, "isoformat") else str(changed_at),
                      official=is_working_day(day) if known_by_the_calendar(day) else None)


async def list_corrections(year: int | None, limit: int, offset: int) -> tuple[list[Correction], int]:
    """The corrections (of one year, if given), newest day first, and how many there are."""
    where = (WorkdayOverride.day >= date(year, 1, 1)) & (WorkdayOverride.day <= date(year, 12, 31)) if year else None
    query = WorkdayOverride.select().order_by(WorkdayOverride.day, ascending=False).limit(limit).offset(offset)
    count = WorkdayOverride.count()
    if where is not None:
        query, count = query.where(where), count.where(where)
    return [_correction(row) for row in await query], await count


async def add_correction(day: date, working: bool, note: str, by: int) -> Correction:
    """Say that `day` is (or is not) a working day, replacing an earlier correction of the same day."""
    async with write_transaction():
        await WorkdayOverride.delete().where(WorkdayOverride.day == day)
        await WorkdayOverride.insert(WorkdayOverride(day=day, is_working_day=working, note=note, changed_by=by,
                                                     changed_at=clock.now()))
        after_commit(forget_overrides)
    row = await WorkdayOverride.select().where(WorkdayOverride.day == day).first()
    assert row is not None
    return _correction(row)


async def remove_correction(day: date) -> None:
    """Drop the correction of `day` (the official calendar counts again); 404 when there is none."""
    async with write_transaction():
        gone = await WorkdayOverride.delete().where(WorkdayOverride.day == day).returning(WorkdayOverride.id)
        if not gone:
            raise NotFound("workday_override_not_found")
        after_commit(forget_overrides)
