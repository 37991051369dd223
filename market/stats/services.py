"""The console's two questions: the market's figures for a period and area, and the trade × district grid."""

from __future__ import annotations

import asyncio

from market.accounts.auth import CurrentUser
from market.core import clock
from market.stats import live_figures, market_figures
from market.stats.counting import MIN_CASES
from market.stats.market_figures import SUMS
from market.stats.params import read_window
from market.stats.rollup import refresh_stale
from market.stats.schemas import Stats, Trades
from market.stats.sites import load_stations
from market.stats.supply import job_seeker_ratios, load_seekers

__all__ = ["market_stats", "trade_stats"]


async def market_stats(viewer: CurrentUser, since: str | None, until: str | None, interval: str | None,
                       district: str | None, station_id: str | None) -> Stats:
    """Every figure of docs/figures.md over the window, with its series by interval (stale days rebuilt first)."""
    stations = await load_stations()
    window = read_window(since, until, interval, district, station_id, stations)
    await refresh_stale()
    computed_at = clock.now()
    area = market_figures.area_stations(window, stations)
    by_day, filling, seekers, verified = await asyncio.gather(  # independent reads, at once
        market_figures.day_sums(window), market_figures.time_to_fill(window), load_seekers(stations),
        live_figures.contracts_verified(window, area))
    warnings, cases, grades = await asyncio.gather(
        live_figures.warning_figures(window, area), live_figures.case_figures_of(viewer, window, area),
        live_figures.employer_grades())
    totals = {name: sum(day[name] for day in by_day.values()) for name in SUMS}
    figures = {**market_figures.sum_figures(totals), **filling,
               "seekers": live_figures.seeker_count(seekers, area), "contracts_verified": verified}
    return Stats(computed_at=computed_at, from_=window.first, to=window.last, interval=window.interval,
                 district=window.district, station_id=window.station_id, min_cases=MIN_CASES, figures=figures,
                 series=market_figures.series(window, by_day), warnings=warnings, cases=cases, employers=grades)


async def trade_stats(since: str | None, until: str | None, district: str | None,
                      station_id: str | None) -> Trades:
    """Places wanted, workers holding the trade within range and 求人倍率, by trade and district."""
    stations = await load_stations()
    window = read_window(since, until, None, district, station_id, stations, ahead=True)
    await refresh_stale()
    computed_at = clock.now()
    items = await job_seeker_ratios(window.first, window.last, window.district, window.station_id)
    return Trades(computed_at=computed_at, from_=window.first, to=window.last, district=window.district,
                  station_id=window.station_id, districts=sorted({s.district for s in stations if s.district}),
                  items=items)
