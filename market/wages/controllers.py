"""HTTP routes of the pay-by watch: the warning board, and the back office's working-day corrections."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from litestar import Controller, delete, get, post
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role
from market.core.schemas import Limit, Offset, Page, QueryId
from market.wages import calendar
from market.wages.board import list_warnings
from market.wages.schemas import WarningRecord, Workday, WorkdayCreate

__all__ = ["WarningController", "WorkdayController"]

LevelName = Literal["blue", "yellow", "red"]


class WarningController(Controller):
    """The blue/yellow/red board: staff see their station's warnings, the bureau and admins all, an employer the
    warnings about them."""

    path = "/api/warnings"
    tags = ["wages"]
    guards = [requires_role("staff", "supervisor", "employer")]

    @get("/", operation_id="ListWarnings")
    async def list_all(self, request: AuthedRequest, level: FromQuery[LevelName | None] = None,
                       station_id: QueryId = None, limit: Limit = 20, offset: Offset = 0) -> Page[WarningRecord]:
        """Open warnings, red first, then yellow and blue, each oldest first."""
        return await list_warnings(request.user, level, station_id, limit, offset)


def _workday(correction: calendar.Correction) -> Workday:
    return Workday(day=correction.day, is_working_day=correction.is_working_day, note=correction.note,
                   changed_by=correction.changed_by, changed_at=correction.changed_at, official=correction.official)


class WorkdayController(Controller):
    """The back office corrects the official calendar: make-up days, local holidays, a year the package lacks."""

    path = "/api/admin/workdays"
    tags = ["admin"]
    guards = [requires_role("admin")]

    @get("/", operation_id="ListWorkdayCorrections")
    async def list_all(self, year: Annotated[int | None, QueryParameter(ge=2000, le=2100)] = None,
                       limit: Limit = 50, offset: Offset = 0) -> Page[Workday]:
        """The corrections, newest day first (of one `year`, if given)."""
        items, total = await calendar.list_corrections(year, limit, offset)
        return Page(items=[_workday(item) for item in items], total=total, limit=limit, offset=offset)

    @post("/", operation_id="AddWorkdayCorrection", status_code=HTTP_201_CREATED)
    async def add(self, data: JSONBody[WorkdayCreate], request: AuthedRequest) -> Workday:
        """Say a day is or is not a working day (replaces an earlier correction of that day)."""
        return _workday(await calendar.add_correction(data.day, data.is_working_day, data.note, request.user.id))

    @delete("/{day:date}", operation_id="RemoveWorkdayCorrection", status_code=HTTP_204_NO_CONTENT)
    async def remove(self, day: FromPath[date]) -> None:
        """Drop a correction: the official calendar counts for that day again."""
        await calendar.remove_correction(day)
