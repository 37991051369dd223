"""Reading cases: who may see which (`market.accounts.policy`), and the API shapes of a case and its complaints."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.cases import attachments, clocks, trail
from market.cases.schemas import (
    CaseDetail,
    CaseOut,
    CaseParty,
    ComplaintOut,
    DeadlineOut,
    FileOut,
    FollowUpOut,
    TrailEntry,
)
from market.cases.tables import CaseStatus, Claimant, WageCase
from market.core import clock
from market.core.errors import NotFound
from market.core.workdays import Overrides
from market.core.zone import local
from market.employers.tables import Employer
from market.settings import get_settings
from market.stations.services import station_of_staff
from market.stations.tables import Station

__all__ = [
    "OPEN",
    "caller_stations",
    "case_detail",
    "case_file",
    "case_link",
    "case_number",
    "case_outs",
    "claimants_of",
    "complaint_out",
    "facts_of",
    "get_case",
    "load_case",
    "load_for",
    "names_of",
]

OPEN = (CaseStatus.received, CaseStatus.assigned, CaseStatus.handling)
"""States in which a case is still being worked (a new complaint may join it)."""


def case_number(row: dict[str, Any]) -> str:
    """The number people quote: the year it was opened and its id (2026-000012)."""
    return f"{local(row['opened_at']).year}-{row['id']:06d}"


def case_link(case_id: int) -> str:
    """The case screen's address (the SMS after closure carries it)."""
    return f"{get_settings().public_url}/#/cases/{case_id}"


async def caller_stations(viewer: CurrentUser) -> frozenset[int]:
    """The stations whose cases a staff member handles (their own)."""
    if not viewer.is_staff:
        return frozenset()
    station = await station_of_staff(viewer.id)
    return frozenset({station}) if station is not None else frozenset()


async def load_case(case_id: int) -> dict[str, Any]:
    """The case row; 404 when there is none."""
    row = await WageCase.select().where(WageCase.id == case_id).first()
    if row is None:
        raise NotFound("case_not_found")
    return row


async def claimants_of(case_ids: Iterable[int]) -> list[dict[str, Any]]:
    """The complaints of these cases, with their order's title and pay-by time, oldest first."""
    ids = list(case_ids)
    if not ids:
        return []
    return await Claimant.select(
        *Claimant.all_columns(), Claimant.order.job.title.as_alias("order_title"),  # type: ignore[union-attr]
        Claimant.order.pay_due_at.as_alias("pay_due_at"), Claimant.worker.name.as_alias("worker_name"),
    ).where(Claimant.case.is_in(ids)).order_by(Claimant.id)


def facts_of(row: dict[str, Any], claimants: list[dict[str, Any]]) -> policy.CaseFacts:
    """What the policy needs to know about a case."""
    return policy.CaseFacts(claimant_ids=frozenset(c["worker"] for c in claimants), employer_id=row["employer"],
                            station_id=row["station"])


async def load_for(case_id: int, viewer: CurrentUser, act: str) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    """The case row, its complaints and the viewer's standing, if `act` is theirs (404 / 403 otherwise)."""
    row = await load_case(case_id)
    claimants = await claimants_of([case_id])
    standing = policy.act_on_case(viewer, facts_of(row, claimants), act, await caller_stations(viewer))
    return row, claimants, standing


async def names_of(user_ids: Iterable[int | None]) -> dict[int, tuple[str, str]]:
    """Names and roles of users (an employer by its business name)."""
    ids = [i for i in set(user_ids) if i is not None]
    if not ids:
        return {}
    found = {r["id"]: (r["name"], r["role"]) for r in await User.select(User.id, User.name, User.role).where(
        User.id.is_in(ids))}
    for r in await Employer.select(Employer.user, Employer.name).where(Employer.user.is_in(ids)):
        if r["name"]:
            found[r["user"]] = (r["name"], "employer")
    return found


def complaint_out(row: dict[str, Any]) -> ComplaintOut:
    """The API shape of a row from `claimants_of`."""
    follow_up = None if row["follow_up_resolved"] is None else FollowUpOut(
        resolved=row["follow_up_resolved"], note=row["follow_up_note"], by=row["follow_up_by"],
        at=row["follow_up_at"])
    return ComplaintOut(
        id=row["id"], case_id=row["case"], order_id=row["order"], order_title=row["order_title"],
        pay_due_at=row["pay_due_at"], worker=CaseParty(id=row["worker"], name=row["worker_name"]), kind=row["kind"],
        amount_fen=row["amount_fen"], recovered_fen=row["recovered_fen"], note=row["note"], channel=row["channel"],
        filed_at=row["filed_at"], filed_by_staff=row["filed_by"] not in (None, row["worker"]), follow_up=follow_up)


def _deadline(row: dict[str, Any], overrides: Overrides, now: datetime) -> DeadlineOut | None:
    found = clocks.deadline(row["status"], row["state_since"], overrides)
    if found is None:
        return None
    return DeadlineOut(state=found.state, since=found.since, remind_at=found.remind_at, due_at=found.due_at,
                       working_days=found.working_days, overdue=found.overdue(now))


def _case_out(row: dict[str, Any], claimants: list[dict[str, Any]], viewer: CurrentUser,
              names: dict[int, tuple[str, str]], stations: dict[int, str], overrides: Overrides) -> dict[str, Any]:
    deadline = _deadline(row, overrides, clock.now())
    shown = [c for c in claimants if c["worker"] == viewer.id] if viewer.role == "worker" else claimants

    def party(user: int | None) -> CaseParty | None:
        return None if user is None else CaseParty(id=user, name=names.get(user, ("", ""))[0])

    station = None if row["station"] is None else CaseParty(id=row["station"], name=stations.get(row["station"], ""))
    return {
        "id": row["id"], "number": case_number(row), "status": row["status"], "outcome": row["outcome"],
        "outcome_note": row["outcome_note"], "employer": party(row["employer"]), "station": station,
        "owner": party(row["owner"]), "level": row["level"], "supervision": row["supervision"],
        "source": row["source"], "warning_id": row["warning_id"], "period": row["period"],
        "opened_at": row["opened_at"], "state_since": row["state_since"], "closed_at": row["closed_at"],
        "reopened": row["reopened"], "overdue": bool(deadline and deadline.overdue), "deadline": deadline,
        "claimed_fen": sum(c["amount_fen"] for c in claimants),
        "recovered_fen": sum(c["recovered_fen"] for c in claimants), "claimant_count": len(claimants),
        "claimants": [complaint_out(c) for c in shown], "link": case_link(row["id"])}


async def _station_names(ids: Iterable[int | None]) -> dict[int, str]:
    wanted = [i for i in set(ids) if i is not None]
    if not wanted:
        return {}
    return {r["id"]: r["name"] for r in await Station.select(Station.id, Station.name).where(Station.id.is_in(wanted))}


async def case_outs(rows: list[dict[str, Any]], viewer: CurrentUser) -> list[CaseOut]:
    """The API shapes of case rows, in their order."""
    claimants = await claimants_of(r["id"] for r in rows)
    by_case: dict[int, list[dict[str, Any]]] = {}
    for claimant in claimants:
        by_case.setdefault(claimant["case"], []).append(claimant)
    names = await names_of([r["employer"] for r in rows] + [r["owner"] for r in rows])
    stations = await _station_names(r["station"] for r in rows)
    overrides = await clocks.calendar_overrides()
    return [CaseOut(**_case_out(r, by_case.get(r["id"], []), viewer, names, stations, overrides)) for r in rows]


def _shown(event: trail.TrailEvent, viewer: CurrentUser, standing: str) -> dict[str, Any]:
    """A worker reads another claimant's filing, payment or answer without its details (names, amounts)."""
    about = event.details.get("worker_id")
    if standing == "worker" and about is not None and about != viewer.id:
        return {}
    return event.details


async def case_detail(case_id: int, viewer: CurrentUser, standing: str) -> CaseDetail:
    """One case with its trail (checked) and files."""
    row = await load_case(case_id)
    out = (await case_outs([row], viewer))[0]
    events = await trail.load(case_id)
    names = await names_of(e.actor_id for e in events)
    entries, files = [], {}
    for event in events:
        details = _shown(event, viewer, standing)
        name, role = names.get(event.actor_id, ("", "platform")) if event.actor_id is not None else ("", "platform")
        entries.append(TrailEntry(seq=event.seq, kind=event.kind, at=event.at, details=details, hash=event.hash,
                                  actor=None if event.actor_id is None else CaseParty(id=event.actor_id, name=name),
                                  actor_role=role))
        for stored in details.get("files", []):
            files[stored["sha256"]] = FileOut(url=f"/api/cases/{case_id}/files/{stored['sha256']}", **stored)
    return CaseDetail(**{f: getattr(out, f) for f in out.__struct_fields__}, trail=entries,
                      trail_intact=trail.check(events).ok, files=list(files.values()))


async def get_case(case_id: int, viewer: CurrentUser) -> CaseDetail:
    """One case for whoever may see it (`policy.see_case`): its claimants, clock and trail."""
    _, _, standing = await load_for(case_id, viewer, "see")
    return await case_detail(case_id, viewer, standing)


async def case_file(case_id: int, sha256: str, viewer: CurrentUser) -> tuple[FileOut, bytes]:
    """An attachment or letter of the case, for whoever may see the case; 404 for a hash the case never named."""
    detail = await get_case(case_id, viewer)
    found = next((f for f in detail.files if f.sha256 == sha256), None)
    if found is None:
        raise NotFound("attachment_not_found")
    return found, attachments.read(sha256)
