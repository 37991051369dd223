"""The back office's accounts: create staff and supervisors, assign a station, reset a password, close and reopen
any account with the reason recorded.

A password reset gives a one-time temporary password, shown once to the admin and never stored in the clear nor
logged; the user must change it at their next login (`users.must_change_password`: every route but changing it,
`/api/auth/me` and logging out answers 403 `password_change_required`). An SMS code to the phone is not used for
staff accounts: they see other people's data, and a text to a lost or swapped SIM must not open them
(`market.accounts.services.CODE_ROLES`). Closing an account ends its sessions at once (its token version moves on).
"""

from __future__ import annotations

import secrets
from typing import Any

from market.accounts.events import AccountChanged, AccountDeactivated, AccountReactivated
from market.accounts.services import CODE_ROLES
from market.accounts.tables import Role, User
from market.backoffice import log
from market.backoffice.schemas import AdminUserOut, StaffCreate, StaffCreated, TemporaryPassword
from market.core.database import lock_rows_for_update, write_transaction
from market.core.errors import Conflict, Invalid, NotFound
from market.core.events import record
from market.core.passwords import hash_password_off_loop
from market.core.schemas import Page
from market.employers.tables import Employer
from market.stations.staff import create_staff
from market.stations.tables import Station, StationStaff

__all__ = ["assign_station", "create_account", "get_user", "list_users", "reset_password", "set_active",
           "temporary_password"]

_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
_DIGITS = "23456789"


def temporary_password() -> str:
    """A fresh password of 12 characters from the system's secure random source: letters and digits, none that
    read alike (0/O, 1/l/I), so it can be read out over the phone."""
    while True:
        text = "".join(secrets.choice(_ALPHABET + _DIGITS) for _ in range(12))
        if any(c in _DIGITS for c in text) and any(c in _ALPHABET for c in text):
            return text


async def _rows(condition: Any, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    query = User.select(User.id, User.phone, User.name, User.role, User.is_active, User.must_change_password,
                        User.created_at).where(condition).order_by(User.id, ascending=False)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    rows = await query
    ids = [row["id"] for row in rows]
    stations = {r["user"]: r for r in await StationStaff.select(
        StationStaff.user, StationStaff.station, StationStaff.station.name.as_alias("station_name"),  # type: ignore[union-attr]
    ).where(StationStaff.user.is_in(ids))} if ids else {}
    employers = [row["id"] for row in rows if row["role"] == Role.employer]
    barred = {r["user"]: r["barred"] for r in await Employer.select(Employer.user, Employer.barred).where(
        Employer.user.is_in(employers))} if employers else {}
    for row in rows:
        row["barred"] = bool(barred.get(row["id"])) if row["role"] == Role.employer else None
        link = stations.get(row["id"])
        row["station_id"], row["station_name"] = (link["station"], link["station_name"]) if link else (None, None)
    return rows


def _out(row: dict[str, Any]) -> AdminUserOut:
    return AdminUserOut(id=row["id"], phone=row["phone"], name=row["name"], role=row["role"],
                        active=row["is_active"], must_change_password=row["must_change_password"],
                        station_id=row["station_id"], station_name=row["station_name"],
                        created_at=row["created_at"], barred=row["barred"])


async def list_users(role: str | None, q: str | None, active: bool | None, limit: int,
                     offset: int) -> Page[AdminUserOut]:
    """Accounts newest first, of one `role`, whose name or phone holds `q`, open or closed."""
    condition: Any = User.id > 0
    if role:
        condition &= User.role == role
    if q:
        condition &= User.name.ilike(f"%{q}%") | User.phone.like(f"%{q}%")
    if active is not None:
        condition &= User.is_active == active
    rows = await _rows(condition, limit, offset)
    return Page(items=[_out(row) for row in rows], total=await User.count().where(condition), limit=limit,
                offset=offset)


async def get_user(user_id: int) -> AdminUserOut:
    """One account; 404 `user_not_found`."""
    rows = await _rows(User.id == user_id)
    if not rows:
        raise NotFound("user_not_found")
    return _out(rows[0])


async def _open_station(station_id: int) -> None:
    row = await Station.select(Station.closed_at).where(Station.id == station_id).first()
    if row is None:
        raise Invalid.field("station_id", "bad_value")
    if row["closed_at"] is not None:
        raise Invalid.field("station_id", "station_closed_field")


async def create_account(data: StaffCreate, admin_id: int) -> StaffCreated:
    """A staff member (at a station, when named) or a supervisor, through the same service as `linggong
    create-staff`, with a temporary password they must change at their first login; logged (without it)."""
    if data.role == "supervisor" and data.station_id is not None:
        raise Invalid.field("station_id", "station_staff_only")
    password = temporary_password()
    async with write_transaction():
        if data.station_id is not None:
            await _open_station(data.station_id)
        user_id = await create_staff(phone=data.phone, name=data.name, password=password,
                                     station_id=data.station_id, role=Role(data.role))
        await User.update({User.must_change_password: True}).where(User.id == user_id)
        await log.append("staff_created", admin_id, ("user", user_id),
                         {"role": data.role, "station_id": data.station_id})
    return StaffCreated(user=await get_user(user_id), temporary_password=password)


async def _target(user_id: int, admin_id: int) -> dict[str, Any]:
    rows = await lock_rows_for_update(User, User.id == user_id, columns=[User.id, User.role, User.is_active])
    if not rows:
        raise NotFound("user_not_found")
    if user_id == admin_id:
        raise Conflict("not_on_yourself", [])
    return rows[0]


async def assign_station(user_id: int, station_id: int | None, admin_id: int) -> AdminUserOut:
    """Put a staff member at a station (or at none); logged with where from and where to."""
    async with write_transaction():
        user = await _target(user_id, admin_id)
        if user["role"] != Role.staff:
            raise Invalid.field("station_id", "station_staff_only")
        before = await StationStaff.select(StationStaff.station).where(StationStaff.user == user_id).first()
        if station_id is not None:
            await _open_station(station_id)
        await StationStaff.delete().where(StationStaff.user == user_id)
        if station_id is not None:
            await StationStaff(station=station_id, user=user_id).save()
        await log.append("staff_assigned", admin_id, ("user", user_id),
                         {"from": before["station"] if before else None, "to": station_id})
    return await get_user(user_id)


async def set_active(user_id: int, active: bool, reason: str, admin_id: int) -> AdminUserOut:
    """Close an account (its sessions end now; a worker leaves the candidates, an employer's jobs the radar) or
    open it again, with the reason logged. 409 when it is so already, or when an admin would close their own."""
    reason = reason.strip()
    if not reason:
        raise Invalid.field("reason", "blank")
    async with write_transaction():
        user = await _target(user_id, admin_id)
        if bool(user["is_active"]) == active:
            raise Conflict("account_already_active" if active else "account_already_closed", [])
        columns: dict[Any, Any] = {User.is_active: active}
        if not active:
            columns[User.token_version] = User.token_version + 1
        await User.update(columns).where(User.id == user_id)
        event = AccountReactivated if active else AccountDeactivated
        record(event(user_id=user_id, role=user["role"], reason=reason, actor_id=admin_id))
        await log.append("user_reactivated" if active else "user_deactivated", admin_id, ("user", user_id),
                         {"role": user["role"], "reason": reason})
    return await get_user(user_id)


async def reset_password(user_id: int, admin_id: int) -> TemporaryPassword:
    """A staff, supervisor or admin account gets a temporary password (answered once, logged without it); every
    session it had ends and it must change the password at its next login. Workers and employers reset their own
    by SMS code: 409 `reset_by_sms_code`."""
    password = temporary_password()
    password_hash = await hash_password_off_loop(password)
    async with write_transaction():
        user = await _target(user_id, admin_id)
        if user["role"] in CODE_ROLES:
            raise Conflict("reset_by_sms_code", [])
        await User.update({User.password_hash: password_hash, User.must_change_password: True,
                           User.token_version: User.token_version + 1}).where(User.id == user_id)
        record(AccountChanged(user_id=user_id))  # every process forgets the sessions it trusted
        await log.append("password_reset", admin_id, ("user", user_id), {"role": user["role"]})
    return TemporaryPassword(user_id=user_id, temporary_password=password)
