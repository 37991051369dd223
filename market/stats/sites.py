"""Where a job or a worker counts: the station that serves a point (the nearest), its district, and a skill's trade."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from market.core.geo import distance_km
from market.core.zone import local, market_zone
from market.stations.tables import Station
from matching.resolve import resolve_skill

__all__ = ["StationSite", "day_bounds", "day_of", "load_stations", "nearest", "trade_of"]


@dataclass(frozen=True)
class StationSite:
    """A station's id, district and position."""

    id: int
    district: str
    lat: float
    lon: float


async def load_stations() -> list[StationSite]:
    """Every station, with its district and position."""
    rows = await Station.select(Station.id, Station.district, Station.lat, Station.lon).order_by(Station.id)
    return [StationSite(r["id"], r["district"] or "", r["lat"], r["lon"]) for r in rows]


def nearest(stations: list[StationSite], lat: float | None, lon: float | None) -> StationSite | None:
    """The station serving a point: the nearest (None without stations or without a point)."""
    if not stations or lat is None or lon is None:
        return None
    return min(stations, key=lambda s: distance_km(lat, lon, s.lat, s.lon))


@lru_cache(maxsize=8192)
def trade_of(skill: str) -> str:
    """The trade code a skill names in the taxonomy, or "" when it names none."""
    return resolve_skill(skill).code or ""


def day_of(at: datetime) -> str:
    """The market's local day of a moment, `YYYY-MM-DD`."""
    return local(at).date().isoformat()


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The moments [start of `first`, end of `last`) on the market's clocks."""
    zone = market_zone()
    return (datetime.combine(first, time(), zone), datetime.combine(last + timedelta(days=1), time(), zone))
