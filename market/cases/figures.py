"""Closure figures, computed from the cases' events and the calendar (docs/wage-protection.md, "Figures").

Over the cases received in [since, until) that the caller reaches:
- received: those cases; closed: those now closed, in follow-up or archived (办结, not reopened since);
- closed on time (按时办结): closed, never reopened, and no state before the closure lasted longer than its
  clock in working days — replayed from the trail's state changes, so a corrected calendar corrects the figure;
- on-time rate (按时办结率) = closed on time / closed; closure rate (动态办结率) = closed / received;
- recovered: the claimants' recovered amounts; median days to close: working days from receipt to closure;
- resolved confirmed by claimant: complaints whose claimant answered 已解决 themselves (not staff by phone).
"""

from __future__ import annotations

import statistics
from datetime import datetime
from typing import Any

from market.accounts.auth import CurrentUser
from market.cases import clocks
from market.cases.listing import reachable
from market.cases.schemas import FigureRow, Figures
from market.cases.tables import CaseEvent, CaseStatus, Claimant, WageCase
from market.cases.views import names_of
from market.core.workdays import Overrides
from market.stations.tables import Station

__all__ = ["case_figures", "on_time"]

_DONE = (CaseStatus.closed, CaseStatus.follow_up, CaseStatus.archived)
_DAY = 86400.0


def on_time(case: dict[str, Any], changes: list[tuple[datetime, str]], overrides: Overrides) -> bool:
    """Closed, never reopened, and every state before the closure within its clock; `changes` are the case's
    (moment, new state) in order."""
    if case["status"] not in _DONE or case["reopened"]:
        return False
    limits = clocks.limits()
    entered, state = case["opened_at"], CaseStatus.received.value
    for moment, new_state in changes:
        clocked = state in (CaseStatus.received, CaseStatus.assigned, CaseStatus.handling)
        if clocked and clocks.working_seconds(entered, moment, overrides) > limits[state] * _DAY:
            return False
        if new_state == CaseStatus.closed:
            return True
        entered, state = moment, new_state
    return True


async def _changes(case_ids: list[int]) -> dict[int, list[tuple[datetime, str]]]:
    found: dict[int, list[tuple[datetime, str]]] = {}
    if not case_ids:
        return found
    rows = await CaseEvent.select(CaseEvent.case, CaseEvent.at, CaseEvent.record).where(
        CaseEvent.case.is_in(case_ids) & (CaseEvent.kind == "state")).order_by(CaseEvent.seq).output(load_json=True)
    for row in rows:
        found.setdefault(row["case"], []).append((row["at"], row["record"]["details"]["to"]))
    return found


def _row(key: int | None, name: str, cases: list[dict[str, Any]]) -> FigureRow:
    return FigureRow(id=key, name=name, received=len(cases), closed=sum(c["done"] for c in cases),
                     closed_on_time=sum(c["on_time"] for c in cases), recovered_fen=sum(c["recovered"] for c in cases))


def _grouped(cases: list[dict[str, Any]], column: str) -> dict[int | None, list[dict[str, Any]]]:
    groups: dict[int | None, list[dict[str, Any]]] = {}
    for case in cases:
        groups.setdefault(case[column], []).append(case)
    return groups


async def case_figures(viewer: CurrentUser, since: datetime | None, until: datetime | None) -> Figures:
    """The figures over the cases the viewer reaches (staff: their station's; the bureau and admins: all)."""
    query = WageCase.select()
    for condition in (await reachable(viewer), WageCase.opened_at >= since if since else None,
                      WageCase.opened_at < until if until else None):
        if condition is not None:
            query = query.where(condition)
    cases = await query
    ids = [c["id"] for c in cases]
    claimants = await Claimant.select().where(Claimant.case.is_in(ids)) if ids else []
    changes, overrides = await _changes(ids), await clocks.calendar_overrides()
    recovered: dict[int, int] = {}
    claimed = sum(c["amount_fen"] for c in claimants)
    for claimant in claimants:
        recovered[claimant["case"]] = recovered.get(claimant["case"], 0) + claimant["recovered_fen"]
    for case in cases:
        case["done"] = case["status"] in _DONE
        case["on_time"] = on_time(case, changes.get(case["id"], []), overrides)
        case["recovered"] = recovered.get(case["id"], 0)
    closed = [c for c in cases if c["done"]]
    days = [clocks.working_seconds(c["opened_at"], c["closed_at"], overrides) / _DAY for c in closed if c["closed_at"]]
    by_outcome: dict[str, int] = {}
    for case in closed:
        by_outcome[case["outcome"]] = by_outcome.get(case["outcome"], 0) + 1
    stations = {r["id"]: r["name"] for r in await Station.select(Station.id, Station.name)}
    employers = _grouped(cases, "employer")
    names = await names_of(employers)
    by_employer = sorted((_row(key, names.get(key, ("", ""))[0] if key else "", group)
                          for key, group in employers.items()), key=lambda r: (-r.received, r.id or 0))[:20]
    on_time_count = sum(c["on_time"] for c in cases)
    return Figures(
        since=since, until=until, received=len(cases), closed=len(closed), closed_on_time=on_time_count,
        on_time_rate=round(on_time_count / len(closed), 4) if closed else None,
        closure_rate=round(len(closed) / len(cases), 4) if cases else None, claimed_fen=claimed,
        recovered_fen=sum(recovered.values()),
        median_days_to_close=round(statistics.median(days), 1) if days else None,
        resolved_confirmed_by_claimant=sum(1 for c in claimants if c["follow_up_resolved"] and
                                           c["follow_up_by"] == "claimant"),
        reopened=sum(1 for c in cases if c["reopened"]), by_outcome=by_outcome,
        by_station=[_row(key, stations.get(key, "") if key else "", group)
                    for key, group in sorted(_grouped(cases, "station").items(), key=lambda kv: kv[0] or 0)],
        by_employer=by_employer)
