"""Reading the warning board: open warnings by level (red first), oldest first, within the caller's reach."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.core import clock
from market.core.database import batched_reads
from market.core.schemas import Page
from market.core.workdays import working_days_between
from market.employers.tables import Employer
from market.stations.services import station_of_staff
from market.stations.tables import Station
from market.wages.calendar import overrides
from market.wages.schemas import WarningLevelChange, WarningOrder, WarningParty, WarningRecord
from market.wages.tables import WageWarning, WageWarningLevel, WageWarningOrder

__all__ = ["employer_names", "list_warnings", "warnings_by_id"]


async def employer_names(ids: set[int]) -> dict[int, str]:
    """Each employer's name as their profile gives it (the account's name when the profile has none)."""
    if not ids:
        return {}
    names = {row["id"]: row["name"] for row in await User.select(User.id, User.name).where(User.id.is_in(list(ids)))}
    for row in await Employer.select(Employer.user, Employer.name).where(Employer.user.is_in(list(ids))):
        if row["name"]:
            names[row["user"]] = row["name"]
    return names


async def _caller_stations(caller: CurrentUser) -> list[int]:
    if policy.is_staff(caller) and not policy.reaches_all_stations(caller):
        station = await station_of_staff(caller.id)
        return [station] if station is not None else []
    return []


async def warnings_by_id(ids: list[int], *, phones: bool = False) -> list[WarningRecord]:
    """The warnings with these ids, in this order, with their orders, workers and history."""
    if not ids:
        return []
    days = await overrides()
    now = clock.now()
    async with batched_reads():
        rows = {row["id"]: row for row in await WageWarning.select().where(WageWarning.id.is_in(ids))}
        orders = await WageWarningOrder.select(
            *WageWarningOrder.all_columns(), WageWarningOrder.order.job.title.as_alias("title"),  # type: ignore[union-attr]
            WageWarningOrder.worker.name.as_alias("worker_name"),  # type: ignore[union-attr]
            WageWarningOrder.worker.phone.as_alias("worker_phone"),  # type: ignore[union-attr]
        ).where(WageWarningOrder.warning.is_in(ids)).order_by(WageWarningOrder.pay_due_at)
        history = await WageWarningLevel.select().where(WageWarningLevel.warning.is_in(ids)).order_by(
            WageWarningLevel.at)
        station_ids = [row["station"] for row in rows.values() if row["station"] is not None]
        stations = {row["id"]: row["name"] for row in await Station.select(Station.id, Station.name).where(
            Station.id.is_in(station_ids))} if station_ids else {}
    names = await employer_names({row["employer"] for row in rows.values()})
    by_warning: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for order in orders:
        by_warning[order["warning"]].append(order)
    levels: dict[int, list[WarningLevelChange]] = defaultdict(list)
    for change in history:
        levels[change["warning"]].append(WarningLevelChange(level=change["level"], reason=change["reason"],
                                                            at=change["at"]))
    out = []
    for warning_id in ids:
        row = rows.get(warning_id)
        if row is None:
            continue
        end = row["closed_at"] or now
        items = [WarningOrder(
            order_id=o["order"], title=o["title"], owed_fen=o["owed_fen"], claimed_fen=o["claimed_fen"],
            worker=WarningParty(id=o["worker"], name=o["worker_name"], phone=o["worker_phone"] if phones else None),
            pay_due_at=o["pay_due_at"],
            working_days_overdue=working_days_between(o["pay_due_at"], o["settled_at"] or end, days),
            disputed=o["disputed_at"] is not None, settled_at=o["settled_at"], settled_how=o["settled_how"])
            for o in by_warning[warning_id]]
        unsettled = [item for item in items if item.settled_at is None] or items
        workers = list({item.worker.id: item.worker for item in unsettled}.values())
        station = row["station"]
        out.append(WarningRecord(
            id=warning_id, level=row["level"], reason=row["reason"],
            employer=WarningParty(id=row["employer"], name=names.get(row["employer"], "")),
            station=WarningParty(id=station, name=stations.get(station, "")) if station is not None else None,
            workers=workers, orders=items, amount_fen=row["amount_fen"], worker_count=row["worker_count"],
            working_days_overdue=working_days_between(row["oldest_due_at"], end, days),
            oldest_due_at=row["oldest_due_at"], opened_at=row["opened_at"], closed_at=row["closed_at"],
            history=levels[warning_id]))
    return out


async def list_warnings(caller: CurrentUser, level: str | None, station_id: int | None, limit: int,
                        offset: int) -> Page[WarningRecord]:
    """The open warnings the caller's reach covers (`policy.warning_reach`), red first, then oldest first."""
    reach = policy.warning_reach(caller, await _caller_stations(caller))
    where: Any = WageWarning.closed_at.is_null() & (WageWarning.severity > 0)
    if not reach.everything:
        if reach.employer_id is not None:
            where &= WageWarning.employer == reach.employer_id
        elif reach.station_ids:
            where &= WageWarning.station.is_in(list(reach.station_ids))
        else:
            return Page(items=[], total=0, limit=limit, offset=offset)
    if level is not None:
        where &= WageWarning.level == level
    if station_id is not None:
        where &= WageWarning.station == station_id
    total = await WageWarning.count().where(where)
    page = await WageWarning.select(WageWarning.id).where(where).order_by(
        WageWarning.severity, ascending=False).order_by(WageWarning.oldest_due_at, WageWarning.id).limit(
        limit).offset(offset)
    items = await warnings_by_id([row["id"] for row in page], phones=policy.is_staff(caller))
    return Page(items=items, total=total, limit=limit, offset=offset)
