"""Creating station staff and admin accounts (from the command line)."""

from __future__ import annotations

from market.accounts.services import create_user
from market.accounts.tables import Role
from market.core.database import write_transaction
from market.core.errors import Invalid
from market.stations.tables import Station, StationStaff

__all__ = ["create_staff"]


async def create_staff(*, phone: str, name: str, password: str, station_id: int | None, admin: bool) -> int:
    """A new staff (or admin) user, assigned to a station when one is named; returns the user id."""
    async with write_transaction():
        if station_id is not None and not await Station.exists().where(Station.id == station_id):
            raise Invalid.field("station", "bad_value")
        user = await create_user(phone=phone, name=name, role=Role.admin if admin else Role.staff, password=password)
        if station_id is not None:
            await StationStaff(station=station_id, user=user.id).save()
    return int(user.id)
