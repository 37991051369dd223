"""HTTP routes of the back office: admins manage stations, accounts, bars and trades; the admin log is read by
admins and the labour bureau's supervisors."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal

from litestar import Controller, get, patch, post
from litestar.params import FromQuery, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role
from market.backoffice import accounts, employers, log, stations, trades
from market.backoffice.schemas import (
    AdminStationOut,
    AdminUserOut,
    BarOut,
    LogEntryOut,
    Reason,
    StaffCreate,
    StaffCreated,
    StationCreate,
    StationPatch,
    TemporaryPassword,
    TradeAdd,
    TradeOut,
    UserPatch,
)
from market.core import zone
from market.core.schemas import Limit, Offset, Page, PathId, QueryId
from market.core.text import LINE_PATTERN

__all__ = ["AdminController", "AdminLogController"]

RoleName = Literal["worker", "employer", "staff", "supervisor", "admin"]
Search = Annotated[str | None, QueryParameter(max_length=50, pattern=LINE_PATTERN)]


class AdminController(Controller):
    """The back office (admins only): stations, staff and user accounts, employers' bars, trades."""

    path = "/api/admin"
    tags = ["admin"]
    guards = [requires_role("admin")]

    @get("/stations", operation_id="AdminListStations")
    async def list_stations(self, limit: Limit = 50, offset: Offset = 0) -> Page[AdminStationOut]:
        """Every station, open and closed, by name."""
        return await stations.list_stations(limit, offset)

    @post("/stations", operation_id="AdminCreateStation", status_code=HTTP_201_CREATED)
    async def create_station(self, data: JSONBody[StationCreate], request: AuthedRequest) -> AdminStationOut:
        """A new station; its address and position must not disagree (409 `address_far_from_position`)."""
        return await stations.create_station(data, request.user.id)

    @get("/stations/{station_id:int}", operation_id="AdminGetStation")
    async def get_station(self, station_id: PathId) -> AdminStationOut:
        """One station."""
        return await stations.get_station(station_id)

    @patch("/stations/{station_id:int}", operation_id="AdminChangeStation")
    async def change_station(self, station_id: PathId, data: JSONBody[StationPatch],
                             request: AuthedRequest) -> AdminStationOut:
        """Change its name, place, district, hours or phone; close it or open it again (`open`, with a reason)."""
        return await stations.change_station(station_id, data, request.user.id)

    @get("/users", operation_id="AdminListUsers")
    async def list_users(self, role: FromQuery[RoleName | None] = None, q: Search = None,
                         active: FromQuery[bool | None] = None, limit: Limit = 50,
                         offset: Offset = 0) -> Page[AdminUserOut]:
        """Accounts newest first, by role, name or phone, open or closed."""
        return await accounts.list_users(role, q, active, limit, offset)

    @post("/users", operation_id="AdminCreateStaff", status_code=HTTP_201_CREATED)
    async def create_user(self, data: JSONBody[StaffCreate], request: AuthedRequest) -> StaffCreated:
        """A station staff member or a bureau supervisor, with a temporary password shown this once."""
        return await accounts.create_account(data, request.user.id)

    @get("/users/{user_id:int}", operation_id="AdminGetUser")
    async def get_user(self, user_id: PathId) -> AdminUserOut:
        """One account."""
        return await accounts.get_user(user_id)

    @patch("/users/{user_id:int}", operation_id="AdminAssignStation")
    async def assign(self, user_id: PathId, data: JSONBody[UserPatch], request: AuthedRequest) -> AdminUserOut:
        """Assign a staff member to a station, or to none."""
        return await accounts.assign_station(user_id, data.station_id, request.user.id)

    @post("/users/{user_id:int}/deactivate", operation_id="AdminDeactivateUser", status_code=HTTP_200_OK)
    async def deactivate(self, user_id: PathId, data: JSONBody[Reason], request: AuthedRequest) -> AdminUserOut:
        """Close an account, with the reason: it cannot sign in and its sessions end now."""
        return await accounts.set_active(user_id, False, data.reason, request.user.id)

    @post("/users/{user_id:int}/reactivate", operation_id="AdminReactivateUser", status_code=HTTP_200_OK)
    async def reactivate(self, user_id: PathId, data: JSONBody[Reason], request: AuthedRequest) -> AdminUserOut:
        """Open a closed account again, with the reason."""
        return await accounts.set_active(user_id, True, data.reason, request.user.id)

    @post("/users/{user_id:int}/reset-password", operation_id="AdminResetPassword", status_code=HTTP_200_OK)
    async def reset_password(self, user_id: PathId, request: AuthedRequest) -> TemporaryPassword:
        """A staff, supervisor or admin account gets a temporary password (shown once); it must be changed at the
        next login."""
        return await accounts.reset_password(user_id, request.user.id)

    @post("/employers/{employer_id:int}/bar", operation_id="AdminBarEmployer", status_code=HTTP_200_OK)
    async def bar(self, employer_id: PathId, data: JSONBody[Reason], request: AuthedRequest) -> BarOut:
        """Bar the employer from posting, with the reason; their open jobs leave the radar."""
        return await employers.bar(employer_id, True, data.reason, request.user.id)

    @post("/employers/{employer_id:int}/unbar", operation_id="AdminUnbarEmployer", status_code=HTTP_200_OK)
    async def unbar(self, employer_id: PathId, data: JSONBody[Reason], request: AuthedRequest) -> BarOut:
        """Let the employer post again, with the reason; their open jobs come back to the radar."""
        return await employers.bar(employer_id, False, data.reason, request.user.id)

    @get("/trades", operation_id="AdminListTrades")
    async def list_trades(self, q: Search = None, limit: Limit = 100, offset: Offset = 0) -> Page[TradeOut]:
        """The trades taxonomy in use, with synonyms and what the back office added."""
        found = await trades.list_trades(q)
        return Page(items=found[offset:offset + limit], total=len(found), limit=limit, offset=offset)

    @post("/trades", operation_id="AdminAddTrade", status_code=HTTP_201_CREATED)
    async def add_trade(self, data: JSONBody[TradeAdd], request: AuthedRequest) -> TradeOut:
        """Add a synonym to a trade, or a new trade; the matcher uses it without a restart."""
        return await trades.add_trade(data, request.user.id)


def _day_start(day: date | None, *, end: bool = False) -> datetime | None:
    if day is None:
        return None
    return datetime.combine(day + timedelta(days=1 if end else 0), time(), tzinfo=zone.market_zone())


class AdminLogController(Controller):
    """The admin log: every back-office act, for admins and the labour bureau's supervisors to read."""

    path = "/api/admin/log"
    tags = ["admin"]
    guards = [requires_role("admin", "supervisor")]

    @get("/", operation_id="ReadAdminLog")
    async def read(self, kind: Annotated[str | None, QueryParameter(max_length=40, pattern=r"^[a-z_]+$")] = None,
                   actor_id: QueryId = None, since: FromQuery[date | None] = None,
                   until: FromQuery[date | None] = None, limit: Limit = 50, offset: Offset = 0) -> Page[LogEntryOut]:
        """Entries newest first; of one `kind`, by one `actor_id`, on the market's days `since`..`until`."""
        wanted = log.LogFilter(kind=kind, actor_id=actor_id, since=_day_start(since),
                               until=_day_start(until, end=True))
        rows, total = await log.read(wanted, limit, offset)
        items = [LogEntryOut(seq=r["record"]["seq"], kind=r["record"]["kind"], actor_id=r["record"]["actor"],
                             actor_name=r["actor_name"], subject_kind=r["record"]["subject"]["kind"],
                             subject_id=r["record"]["subject"]["id"],
                             at=datetime.fromisoformat(r["record"]["at"].replace("Z", "+00:00")),
                             details=r["record"]["details"], hash=r["record"]["hash"]) for r in rows]
        return Page(items=items, total=total, limit=limit, offset=offset)
