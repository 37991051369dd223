"""The back office's stations: create one, change its hours, place or phone, close it and open it again.

A closed station leaves the public list (`GET /api/stations`) and the routing of new cases and warnings to the
nearest station; it is not deleted: its staff stay assigned (until an admin moves them) and keep reading its
history (cases, on-behalf acts), and it can be opened again.
"""

from __future__ import annotations

from typing import Any

import msgspec
from piccolo.query.functions.aggregate import Count

from market.backoffice import log
from market.backoffice.schemas import AdminStationOut, StationCreate, StationPatch
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid, NotFound
from market.core.schemas import Page
from market.places.consistency import check_location
from market.stations.tables import Station, StationStaff

__all__ = ["change_station", "create_station", "get_station", "list_stations"]


def _out(row: dict[str, Any], staff: int) -> AdminStationOut:
    return AdminStationOut(id=row["id"], name=row["name"], district=row["district"], address=row["address"],
                           lat=row["lat"], lon=row["lon"], hours=row["hours"], phone=row["phone"],
                           open=row["closed_at"] is None, closed_at=row["closed_at"], staff_count=staff)


async def _staff_counts(ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = await StationStaff.select(StationStaff.station, Count(StationStaff.id, alias="n")).where(
        StationStaff.station.is_in(ids)).group_by(StationStaff.station)
    return {row["station"]: row["n"] for row in rows}


async def list_stations(limit: int, offset: int) -> Page[AdminStationOut]:
    """Every station, open and closed, by name."""
    rows = await Station.select().order_by(Station.name).limit(limit).offset(offset)
    counts = await _staff_counts([row["id"] for row in rows])
    return Page(items=[_out(row, counts.get(row["id"], 0)) for row in rows], total=await Station.count(),
                limit=limit, offset=offset)


async def get_station(station_id: int) -> AdminStationOut:
    """One station; 404 `station_not_found`."""
    row = await Station.select().where(Station.id == station_id).first()
    if row is None:
        raise NotFound("station_not_found")
    return _out(row, (await _staff_counts([station_id])).get(station_id, 0))


async def create_station(data: StationCreate, admin_id: int) -> AdminStationOut:
    """A new open station, its place checked as every posted place is; logged."""
    place = data.location
    await check_location(place.lat, place.lon, place.address, confirmed=place.confirm_far_position)
    station = Station(name=data.name.strip(), district=data.district.strip(), address=place.address.strip(),
                      lat=place.lat, lon=place.lon, hours=data.hours.strip(), phone=data.phone.strip(),
                      created_at=clock.now())
    async with write_transaction():
        await station.save()
        await log.append("station_created", admin_id, ("station", station.id), {"name": station.name})
    return await get_station(station.id)


async def change_station(station_id: int, data: StationPatch, admin_id: int) -> AdminStationOut:
    """Apply the fields present; close or reopen with a reason. Every change is logged with what changed."""
    row = await Station.select().where(Station.id == station_id).first()
    if row is None:
        raise NotFound("station_not_found")
    columns: dict[Any, Any] = {}
    for name in ("name", "district", "hours", "phone"):
        value = getattr(data, name)
        if value is not msgspec.UNSET:
            columns[getattr(Station, name)] = value.strip()
    if not isinstance(data.location, msgspec.UnsetType):
        place = data.location
        await check_location(place.lat, place.lon, place.address, confirmed=place.confirm_far_position)
        columns |= {Station.address: place.address.strip(), Station.lat: place.lat, Station.lon: place.lon}
    kind = "station_changed"
    details: dict[str, Any] = {"fields": sorted(column._meta.name for column in columns)}
    if not isinstance(data.open, msgspec.UnsetType):
        if isinstance(data.reason, msgspec.UnsetType):
            raise Invalid.field("reason", "required")
        if data.open == (row["closed_at"] is None):
            raise Conflict("station_already_open" if data.open else "station_already_closed", [])
        columns[Station.closed_at] = None if data.open else clock.now()
        kind = "station_reopened" if data.open else "station_closed"
        details["reason"] = data.reason.strip()
    if not columns:
        raise Invalid.field("body", "nothing_to_change")
    async with write_transaction():
        await Station.update(columns).where(Station.id == station_id)
        await log.append(kind, admin_id, ("station", station_id), details)
    return await get_station(station_id)
