"""Supply and demand by trade and district (求人倍率): places wanted over workers who hold the trade and whose
travel range reaches the district. `job_seeker_ratios` is the public function other packages reuse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from piccolo.query.functions.aggregate import Count, Max, Sum

from market.stats.counting import ratio
from market.stats.schemas import TradeSupply
from market.stats.sites import StationSite, load_stations, trade_of
from market.stats.tables import DayFigures
from market.workers.tables import WorkerProfile
from matching.geo import local_km_many
from matching.taxonomy import load_taxonomy

__all__ = ["Seekers", "job_seeker_ratios", "load_seekers", "places_by_trade_and_district"]


@dataclass(frozen=True)
class Seekers:
    """The city's seekers (workers with a home and at least one trade): the station nearest each home, the trades
    each holds, and which stations each one's travel range reaches."""

    home_station: np.ndarray
    """Index into `stations` per worker (-1 without stations)."""
    trades: list[frozenset[str]]
    reaches: np.ndarray
    """Workers × stations, True where the station is within the worker's `max_distance_km`."""
    stations: list[StationSite]
    codes: tuple[str, ...] = ()
    """The trades any seeker holds, the columns of `holds`."""
    holds: np.ndarray | None = None
    """Workers × `codes`, True where the worker holds the trade."""


_cache: dict[str, Any] = {}


def _skill_trade(skill: Any) -> str:
    """A profile's skill (`{name, years, certified}`, or a bare name) as a trade code."""
    return trade_of(str(skill.get("name", "") if isinstance(skill, dict) else skill))


async def load_seekers(stations: list[StationSite]) -> Seekers:
    """The seekers, recomputed only when a profile or the stations changed since the last call."""
    stamp = await WorkerProfile.select(Count(WorkerProfile.id).as_alias("n"),
                                       Max(WorkerProfile.updated_at).as_alias("last")).first()
    key = (tuple(stamp.values()) if stamp else (), tuple(stations))
    if _cache.get("key") == key:
        return _cache["seekers"]  # type: ignore[no-any-return]
    rows = await WorkerProfile.select(WorkerProfile.skills, WorkerProfile.lat, WorkerProfile.lon,
                                      WorkerProfile.max_distance_km).where(WorkerProfile.lat.is_not_null()).output(
        load_json=True)
    rows = [r for r in rows if r["skills"]]
    trades = [frozenset(t for t in (_skill_trade(skill) for skill in r["skills"]) if t) for r in rows]
    size = (len(rows), len(stations))
    distances = np.zeros(size)
    if rows and stations:
        lats = np.array([r["lat"] for r in rows])
        lons = np.array([r["lon"] for r in rows])
        distances = np.column_stack([local_km_many(s.lat, s.lon, lats, lons) for s in stations])
    ranges = np.array([r["max_distance_km"] for r in rows], dtype=float).reshape(-1, 1)
    codes = tuple(sorted(set().union(*trades))) if trades else ()
    holds = np.zeros((len(rows), len(codes)), dtype=bool)
    column = {code: i for i, code in enumerate(codes)}
    for row, held in enumerate(trades):
        holds[row, [column[c] for c in held]] = True
    homes = distances.argmin(axis=1) if stations and rows else np.full(len(rows), -1)
    seekers = Seekers(codes=codes, holds=holds, home_station=homes,
                      trades=trades, reaches=distances <= ranges if stations else np.zeros(size, dtype=bool),
                      stations=stations)
    _cache.update(key=key, seekers=seekers)
    return seekers


def _workers_by_trade_and_district(seekers: Seekers, station_id: int | None) -> dict[tuple[str, str], int]:
    columns: dict[str, list[int]] = {}
    for index, station in enumerate(seekers.stations):
        if station_id is None or station.id == station_id:
            columns.setdefault(station.district, []).append(index)
    found: dict[tuple[str, str], int] = {}
    if not seekers.trades or seekers.holds is None:
        return found
    for district, indexes in columns.items():
        reached = np.atleast_1d(np.asarray(seekers.reaches[:, indexes]).any(axis=1))
        counts = seekers.holds[reached].sum(axis=0)
        for code, held in zip(seekers.codes, counts.tolist(), strict=True):
            if held:
                found[(code, district)] = int(held)
    return found


async def places_by_trade_and_district(first: date, last: date, station_id: int | None) -> dict[tuple[str, str], int]:
    """Places offered on jobs starting in [first, last] (not cancelled), by trade and district."""
    query = DayFigures.select(DayFigures.trade, DayFigures.district, Sum(DayFigures.places).as_alias("places")).where(
        (DayFigures.day >= first.isoformat()) & (DayFigures.day <= last.isoformat()))
    if station_id is not None:
        query = query.where(DayFigures.station == station_id)
    rows = await query.group_by(DayFigures.trade, DayFigures.district)
    return {(r["trade"], r["district"]): int(r["places"] or 0) for r in rows}


async def job_seeker_ratios(first: date, last: date, district: str | None = None,
                            station_id: int | None = None) -> list[TradeSupply]:
    """求人倍率 by trade and district over the jobs starting in [first, last]: places wanted, workers holding the
    trade within range (today's profiles), and places per worker (too few under `MIN_CASES` workers). Call
    `market.stats.rollup.refresh_stale()` first when the figures must include the latest changes."""
    stations = await load_stations()
    places = await places_by_trade_and_district(first, last, station_id)
    workers = _workers_by_trade_and_district(await load_seekers(stations), station_id)
    taxonomy = load_taxonomy()
    items = []
    for trade, area in sorted(set(places) | set(workers)):
        if not trade or (district is not None and area != district) or trade not in taxonomy.index:
            continue
        wanted, held = places.get((trade, area), 0), workers.get((trade, area), 0)
        named = taxonomy.get(trade)
        items.append(TradeSupply(trade=trade, trade_zh=named.zh, trade_en=named.en, district=area,
                                 places_wanted=wanted, workers=held,
                                 ratio=ratio("job_seeker_ratio", wanted, held, unit="ratio", digits=2)))
    return sorted(items, key=lambda i: (-i.places_wanted, i.trade, i.district))

