"""Creating station staff, supervisor (labour bureau) and admin accounts (from the command line)."""

from __future__ import annotations

from market.accounts.services import create_user
from market.accounts.tables import Role
from market.core.database import write_transaction
from market.core.errors import Invalid
from market.stations.tables import Station, StationStaff

__all__ = ["create_staff"]


async def create_staff(*, phone: str, name: str, password: str, station_id: int | None,
                       role: Role = Role.staff) -> int:
    """A new staff, supervisor or admin user (`role`); staff are assigned to a station when one is named, the
    others belong to none. Returns the user id."""
    if role not in (Role.staff, Role.supervisor, Role.admin):
        raise Invalid.field("role", "bad_value")
    if station_id is not None and role != Role.staff:
        raise Invalid.field("station", "bad_value")
    async with write_transaction():
        if station_id is not None and not await Station.exists().where(Station.id == station_id):
            raise Invalid.field("station", "bad_value")
        user = await create_user(phone=phone, name=name, role=role, password=password)
        if station_id is not None:
            await StationStaff(station=station_id, user=user.id).save()
    return int(user.id)
