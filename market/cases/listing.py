"""The list of cases a caller sees (`policy.case_reach`), filtered, the overdue and escalated first."""

from __future__ import annotations

from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.cases import clocks
from market.cases.schemas import CaseOut
from market.cases.tables import CaseStatus, Claimant, WageCase
from market.cases.views import OPEN, caller_stations, case_outs
from market.core import clock
from market.core.schemas import Page

__all__ = ["list_cases", "reachable"]


async def reachable(viewer: CurrentUser) -> Any:
    """The condition on cases for what the viewer may see (None: every case)."""
    reach = policy.case_reach(viewer, await caller_stations(viewer))
    if reach.everything:
        return None
    if reach.station_ids:
        return WageCase.station.is_in(list(reach.station_ids))
    if reach.worker_id is not None:
        ids = [r["case"] for r in await Claimant.select(Claimant.case).where(Claimant.worker == reach.worker_id)]
        return WageCase.id.is_in(ids) if ids else WageCase.id.is_null()
    if reach.employer_id is not None:
        return WageCase.employer == reach.employer_id
    return WageCase.id.is_null()


def _order(row: dict[str, Any], overdue: bool) -> tuple[int, int, int, float]:
    """Overdue first, then those at the bureau's level, open before closed before archived, oldest state first."""
    stage = 0 if row["status"] in OPEN else 2 if row["status"] == CaseStatus.archived else 1
    return (0 if overdue else 1, stage, 0 if row["level"] == "supervisor" else 1, row["state_since"].timestamp())


async def list_cases(viewer: CurrentUser, status: str | None, overdue: bool | None, mine: bool,
                     employer_id: int | None, limit: int, offset: int) -> Page[CaseOut]:
    """The viewer's cases: a claimant's, an employer's, their station's for staff (`mine`: owned by them), all for
    the bureau and admins."""
    query = WageCase.select()
    for condition in (await reachable(viewer), WageCase.status == status if status else None,
                      WageCase.employer == employer_id if employer_id else None,
                      WageCase.owner == viewer.id if mine and viewer.is_staff else None):
        if condition is not None:
            query = query.where(condition)
    rows = await query
    overrides, now = await clocks.calendar_overrides(), clock.now()
    late = {}
    for row in rows:
        found = clocks.deadline(row["status"], row["state_since"], overrides)
        late[row["id"]] = bool(found and found.overdue(now))
    if overdue is not None:
        rows = [row for row in rows if late[row["id"]] is overdue]
    rows.sort(key=lambda row: _order(row, late[row["id"]]))
    return Page(items=await case_outs(rows[offset:offset + limit], viewer), total=len(rows), limit=limit,
                offset=offset)
