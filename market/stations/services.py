"""Finding stations near a point, and which station a staff member works at."""

from __future__ import annotations

from market.core.geo import distance_km
from market.core.schemas import Page
from market.stations.schemas import StationOut
from market.stations.tables import Station, StationStaff

__all__ = ["list_stations", "staff_of_station", "staff_of_station_near", "station_near", "station_of_staff"]


async def list_stations(lat: float | None, lon: float | None, limit: int, offset: int) -> Page[StationOut]:
    """Open stations nearest first when a point is given, else by name (a closed one is no longer listed). A city
    has tens of them: sorted in memory."""
    rows = await Station.select().where(Station.closed_at.is_null()).order_by(Station.name)
    stations = [
        StationOut(id=r["id"], name=r["name"], district=r["district"], address=r["address"], lat=r["lat"],
                   lon=r["lon"], hours=r["hours"], phone=r["phone"],
                   distance_km=round(distance_km(lat, lon, r["lat"], r["lon"]), 2) if lat is not None
                   and lon is not None else None)
        for r in rows
    ]
    if lat is not None and lon is not None:
        stations.sort(key=lambda s: s.distance_km or 0.0)
    return Page(items=stations[offset:offset + limit], total=len(stations), limit=limit, offset=offset)


async def station_of_staff(user_id: int) -> int | None:
    """The station a staff member works at, if any."""
    row = await StationStaff.select(StationStaff.station).where(StationStaff.user == user_id).first()
    return row["station"] if row else None


async def staff_of_station_near(lat: float, lon: float) -> list[int]:
    """The staff of the station nearest a point (none when the city has no station yet)."""
    stations = await Station.select(Station.id, Station.lat, Station.lon).where(Station.closed_at.is_null())
    if not stations:
        return []
    nearest = min(stations, key=lambda s: distance_km(lat, lon, s["lat"], s["lon"]))
    return [r["user"] for r in await StationStaff.select(StationStaff.user).where(
        StationStaff.station == nearest["id"])]


async def station_near(lat: float, lon: float) -> int | None:
    """The station that serves a site: the nearest one (None when the city has no station yet)."""
    stations = await Station.select(Station.id, Station.lat, Station.lon).where(Station.closed_at.is_null())
    if not stations:
        return None
    return int(min(stations, key=lambda s: distance_km(lat, lon, s["lat"], s["lon"]))["id"])


async def staff_of_station(station_id: int | None) -> list[int]:
    """The staff who work at a station (none for no station)."""
    if station_id is None:
        return []
    return [r["user"] for r in await StationStaff.select(StationStaff.user).where(StationStaff.station == station_id)]
