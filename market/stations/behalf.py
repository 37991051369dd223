"""Staff acting for a worker: who may (walk-ins of their station), and the append-only record of every such act.

A station may act for a worker it registered, or who gave it standing consent with a code texted to their own
phone. Staff who belong to no station hold such consent personally. Admins read every record; staff the records
of their station (or, with no station, their own).
"""

from __future__ import annotations

from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core import clock
from market.core.errors import NotFound
from market.core.schemas import Page
from market.stations.schemas import OnBehalfActOut
from market.stations.services import station_of_staff
from market.stations.walk_in_tables import OnBehalfAct, WalkInConsent

__all__ = ["grant_consent", "list_acts", "record_act", "require_standing_consent", "standing_consent", "station_of"]


async def station_of(staff: CurrentUser) -> int | None:
    """The station the staff member works at, if any."""
    return await station_of_staff(staff.id)


def _held_by(station_id: int | None, staff_id: int) -> Any:
    if station_id is not None:
        return WalkInConsent.station == station_id
    return WalkInConsent.station.is_null() & (WalkInConsent.staff == staff_id)


async def standing_consent(worker_id: int, staff: CurrentUser) -> int | None:
    """The id of the consent that lets this staff member's station act for the worker, or None."""
    row = await WalkInConsent.select(WalkInConsent.id).where(
        (WalkInConsent.worker == worker_id) & _held_by(await station_of(staff), staff.id)).first()
    return row["id"] if row else None


async def require_standing_consent(worker_id: int, staff: CurrentUser) -> int:
    """The consent's id; 403 `not_a_walk_in` when the worker registered themselves and never gave the station one."""
    consent = await standing_consent(worker_id, staff)
    policy.act_for_worker(staff, consent_held=consent is not None)
    assert consent is not None
    return consent


async def grant_consent(worker_id: int, staff_id: int, station_id: int | None, how: str, evidence: str) -> int:
    """Record a standing consent (inside the caller's transaction) unless the station holds one; its id."""
    row = await WalkInConsent.select(WalkInConsent.id).where(
        (WalkInConsent.worker == worker_id) & _held_by(station_id, staff_id)).first()
    if row is not None:
        return int(row["id"])
    consent = WalkInConsent(worker=worker_id, station=station_id, staff=staff_id, how=how, evidence=evidence,
                            at=clock.now())
    await consent.save()
    return int(consent.id)


async def record_act(worker_id: int, staff: CurrentUser, act: str, *, evidence: str = "",
                     consent_id: int | None = None, order_id: int | None = None, fields: str = "") -> None:
    """Append one on-behalf act to the record (inside the act's own transaction)."""
    await OnBehalfAct(worker=worker_id, staff=staff.id, station=await station_of(staff), act=act, order=order_id,
                      fields=fields, evidence=evidence, consent=consent_id, at=clock.now()).save()


async def list_acts(worker_id: int, viewer: CurrentUser, limit: int, offset: int) -> Page[OnBehalfActOut]:
    """What staff did for the worker, newest first: all of it for an admin, their station's for staff."""
    if not await User.exists().where((User.id == worker_id) & (User.role == Role.worker)):
        raise NotFound("user_not_found")
    condition: Any = OnBehalfAct.worker == worker_id
    if not policy.reaches_all_stations(viewer):
        station = await station_of(viewer)
        condition &= (OnBehalfAct.station == station) if station is not None else (
            OnBehalfAct.station.is_null() & (OnBehalfAct.staff == viewer.id))
    rows = await OnBehalfAct.select(
        *OnBehalfAct.all_columns(), OnBehalfAct.staff.name.as_alias("staff_name"),  # type: ignore[union-attr]
        OnBehalfAct.consent.how.as_alias("consent_how")).where(condition).order_by(  # type: ignore[union-attr]
        OnBehalfAct.id, ascending=False).limit(limit).offset(offset)
    items = [OnBehalfActOut(id=r["id"], act=r["act"], staff_id=r["staff"], staff_name=r["staff_name"],
                            station_id=r["station"], order_id=r["order"],
                            fields=[f for f in r["fields"].split(",") if f], evidence=r["evidence"],
                            consent_id=r["consent"], consent_how=r["consent_how"], at=r["at"]) for r in rows]
    return Page(items=items, total=await OnBehalfAct.count().where(condition), limit=limit, offset=offset)
