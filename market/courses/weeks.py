"""Each trade's 求人倍率 week by week, stored once a week has ended, and the short trades read back from them.

A week is Monday to Sunday on the market's clocks. The first pass after a week ends records, for every trade and
district `market.stats.supply.job_seeker_ratios` knows, the places on jobs starting that week and the workers who
hold the trade within reach at that moment. Weeks are never back-filled (past seekers are not known), so a new
market has no short trade until it has `course_short_weeks` weeks on record.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from market.core import clock
from market.core.database import write_transaction
from market.core.zone import local
from market.courses.rule import Shortage, WeekFigure, monday_of, short_run
from market.courses.tables import TradeWeek
from market.settings import get_settings
from market.stats.rollup import refresh_stale
from market.stats.supply import job_seeker_ratios

__all__ = ["market_today", "record_week", "short_trades", "week_slot"]


def market_today() -> date:
    """Today on the market's clocks."""
    return local(clock.now()).date()


def week_slot(monday: date, trade: str, district: str) -> str:
    """The unique key of one trade's week in one district."""
    return f"{monday.isoformat()}:{trade}:{district}"


async def record_week(monday: date | None = None) -> int:
    """Store the figures of the week starting `monday` (by default the last ended week) unless already stored;
    how many rows were written. Idempotent: a second call, or a second worker, writes nothing."""
    monday = monday or monday_of(market_today()) - timedelta(weeks=1)
    if await TradeWeek.exists().where(TradeWeek.week == monday):
        return 0
    await refresh_stale()
    items = await job_seeker_ratios(monday, monday + timedelta(days=6))
    now = clock.now()
    rows = [TradeWeek(week=monday, trade=item.trade, district=item.district, places_wanted=item.places_wanted,
                      workers=item.workers, ratio=item.ratio.value, recorded_at=now,
                      slot=week_slot(monday, item.trade, item.district)) for item in items]
    if not rows:
        return 0
    async with write_transaction():
        made = await TradeWeek.insert(*rows).on_conflict(target=TradeWeek.slot, action="DO NOTHING").returning(
            TradeWeek.id)
    return len(made)


async def short_trades(today: date | None = None) -> dict[str, list[Shortage]]:
    """The short trades by district on `today` (default: the market's today), each with its latest week."""
    settings = get_settings()
    today = today or market_today()
    first = monday_of(today) - timedelta(weeks=settings.course_short_weeks)
    rows = await TradeWeek.select().where((TradeWeek.week >= first) & (TradeWeek.week < monday_of(today)))
    series: dict[tuple[str, str], list[WeekFigure]] = defaultdict(list)
    for row in rows:
        series[(row["trade"], row["district"])].append(
            WeekFigure(week=row["week"], places_wanted=row["places_wanted"], workers=row["workers"],
                       ratio=row["ratio"]))
    found: dict[str, list[Shortage]] = defaultdict(list)
    for (trade, district), weeks in sorted(series.items()):
        latest = short_run(weeks, today=today, threshold=settings.course_short_ratio,
                           weeks_needed=settings.course_short_weeks)
        if latest is not None:
            found[district].append(Shortage(trade, district, latest))
    return dict(found)
