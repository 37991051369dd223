"""The market's figures over the daily rollup: counts, rates and the series the console charts (docs/figures.md)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from piccolo.query.functions.aggregate import Sum

from market.stats.counting import MIN_CASES, count, ratio
from market.stats.params import Window
from market.stats.schemas import Figure, Period
from market.stats.sites import StationSite
from market.stats.tables import DayFigures, JobFigures

__all__ = ["SUMS", "area_stations", "day_sums", "series", "sum_figures", "time_to_fill"]

SUMS = ("jobs", "jobs_cancelled", "places", "filled_before_start", "jobs_filled", "deals", "orders_cancelled",
        "came_due", "no_shows", "contracts", "agreed_fen", "paid", "paid_fen", "paid_on_time")


def area_stations(window: Window, stations: list[StationSite]) -> list[int] | None:
    """The station ids the window is limited to (None: the whole city)."""
    if window.station_id is not None:
        return [window.station_id]
    if window.district is not None:
        return [s.id for s in stations if s.district == window.district]
    return None


def _in_window(table: type[DayFigures] | type[JobFigures], window: Window) -> Any:
    condition = (table.day >= window.first.isoformat()) & (table.day <= window.last.isoformat())
    if window.station_id is not None:
        condition &= table.station == window.station_id
    elif window.district is not None:
        condition &= table.district == window.district
    return condition


async def day_sums(window: Window) -> dict[str, dict[str, int]]:
    """The rollup's sums per local day of the window."""
    columns = [Sum(getattr(DayFigures, name)).as_alias(name) for name in SUMS]
    rows = await DayFigures.select(DayFigures.day, *columns).where(_in_window(DayFigures, window)).group_by(
        DayFigures.day)
    return {r["day"]: {name: int(r[name] or 0) for name in SUMS} for r in rows}


def sum_figures(sums: dict[str, int]) -> dict[str, Figure]:
    """The figures made of the rollup's sums (see docs/figures.md for each key)."""
    return {
        "jobs_posted": count("jobs_posted", sums["jobs"]),
        "jobs_cancelled": count("jobs_cancelled", sums["jobs_cancelled"]),
        "places_offered": count("places_offered", sums["places"]),
        "deals": count("deals", sums["deals"]),
        "fill_rate": ratio("fill_rate", sums["filled_before_start"], sums["places"]),
        "no_show_rate": ratio("no_show_rate", sums["no_shows"], sums["came_due"]),
        "contracts_issued": count("contracts_issued", sums["contracts"]),
        "wages_agreed_fen": count("wages_agreed_fen", sums["agreed_fen"], "fen"),
        "wages_paid_fen": count("wages_paid_fen", sums["paid_fen"], "fen"),
        "pay_on_time": ratio("pay_on_time", sums["paid_on_time"], sums["paid"]),
    }


def _period_start(day: date, interval: str) -> date:
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def series(window: Window, by_day: dict[str, dict[str, int]]) -> list[Period]:
    """Every day, week (from Monday) or month touching the window, in order, empty ones included."""
    buckets: dict[date, dict[str, int]] = {}
    day = window.first
    while day <= window.last:
        buckets.setdefault(_period_start(day, window.interval), dict.fromkeys(SUMS, 0))
        day += timedelta(days=1)
    for text, sums in by_day.items():
        bucket = buckets[_period_start(date.fromisoformat(text), window.interval)]
        for name in SUMS:
            bucket[name] += sums[name]
    return [Period(start=start, figures=sum_figures(sums)) for start, sums in sorted(buckets.items())]


async def _rank(condition: Any, rank: int) -> int | None:
    row = await JobFigures.select(JobFigures.seconds_to_fill).where(condition).order_by(
        JobFigures.seconds_to_fill).offset(rank - 1).limit(1).first()
    return row["seconds_to_fill"] if row else None


async def time_to_fill(window: Window) -> dict[str, Figure]:
    """Median and 90th percentile (nearest rank) of hours from posting to the last place taken, over the jobs
    of the window whose every place was taken."""
    condition = _in_window(JobFigures, window) & JobFigures.seconds_to_fill.is_not_null() & (
        JobFigures.cancelled == False)  # noqa: E712 (a SQL condition)
    n = await JobFigures.count().where(condition)
    found: dict[str, Figure] = {}
    for key, share in (("time_to_fill_median_hours", 0.5), ("time_to_fill_p90_hours", 0.9)):
        rank = -(-n * int(share * 10) // 10)  # ceil(n * share), in integers
        if n < MIN_CASES:
            found[key] = Figure(key=key, value=None, unit="hours", n=n, too_few=True)
            continue
        seconds = await _rank(condition, max(1, rank))
        found[key] = Figure(key=key, value=round(seconds / 3600, 1) if seconds is not None else None, unit="hours",
                            n=n)
    return found

