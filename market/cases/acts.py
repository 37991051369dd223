"""The acts on a case after filing: assign, notes, letters, close, reopen, escalate, the employer's reply and the
claimants' follow-up. Each is authorised by `market.accounts.policy.act_on_case`, runs in one write transaction
with the case locked, appends to the trail, and is safe to retry: with an Idempotency-Key the first answer is
replayed; without one, an act that would change nothing (the same owner, a level already reached, the same
answer) changes nothing, and one the state forbids (closing a closed case) is 409.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.cases import attachments, letters, records, trail
from market.cases.complaints import store_attachments
from market.cases.events import CaseAssigned, CaseClosed, CaseEscalated, CaseReopened, EmployerReplied
from market.cases.letter_loading import letter_facts
from market.cases.payments import record_payment
from market.cases.schemas import (
    AssignIn,
    CaseDetail,
    CloseIn,
    EscalateIn,
    FollowUpIn,
    LetterIn,
    NoteIn,
    ReopenIn,
    ReplyIn,
)
from market.cases.tables import CaseStatus, Claimant, Outcome, WageCase
from market.cases.views import (
    OPEN,
    caller_stations,
    case_detail,
    case_number,
    claimants_of,
    facts_of,
    load_for,
)
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid
from market.core.events import record
from market.core.i18n import Phrase
from market.orders import idempotency
from market.stations.services import station_of_staff

__all__ = ["add_note", "assign", "close", "escalate", "follow_up", "issue_letter", "reopen", "reply"]

Body = Callable[[dict[str, Any], list[dict[str, Any]], str], Awaitable[None]]
_CLOSED = (CaseStatus.closed, CaseStatus.follow_up, CaseStatus.archived)


async def _run(case_id: int, viewer: CurrentUser, act: str, key: str | None, parts: tuple[Any, ...],
               body: Body) -> CaseDetail:
    """Authorise, then run `body(case, claimants, standing)` once in a write transaction (replayed for a key)."""
    await load_for(case_id, viewer, act)  # 404 / 403 before anything is written
    digest = idempotency.fingerprint("case", act, case_id, *parts)
    async with write_transaction():
        row = await records.lock(case_id)
        claimants = await claimants_of([case_id])
        standing = policy.act_on_case(viewer, facts_of(row, claimants), act, await caller_stations(viewer))
        if not (key and await idempotency.recall(viewer.id, key, digest) is not None):
            await body(row, claimants, standing)
            if key:
                await idempotency.remember(viewer.id, key, digest, 200, {"case_id": case_id})
    return await case_detail(case_id, viewer, standing)


def _open(row: dict[str, Any]) -> None:
    if row["status"] not in OPEN:
        raise Conflict("case_not_open", status=Phrase(f"case_status.{row['status']}"))


async def _start_handling(row: dict[str, Any], actor_id: int | None, reason: str) -> dict[str, Any]:
    """The first act of handling (a note, a letter, the employer's reply) moves an assigned case to handling."""
    if row["status"] == CaseStatus.assigned:
        return await records.change_state(row, CaseStatus.handling, actor_id, reason)
    return row


async def assign(case_id: int, viewer: CurrentUser, data: AssignIn, key: str | None) -> CaseDetail:
    """Give the case an owner (交办): a staff member; the case goes to their station."""
    async def body(row: dict[str, Any], claimants: list[dict[str, Any]], standing: str) -> None:
        _open(row)
        owner = await User.select(User.id, User.role).where(User.id == data.owner_id).first()
        if owner is None or owner["role"] not in policy.STAFF_ROLES:
            raise Invalid.field("owner_id", "case_owner_not_staff")
        if row["owner"] == data.owner_id:
            return
        station = await station_of_staff(data.owner_id) or row["station"]
        await WageCase.update({WageCase.owner: data.owner_id, WageCase.station: station}).where(
            WageCase.id == case_id)
        await trail.append(case_id, "assigned", viewer.id, {"owner_id": data.owner_id, "station_id": station,
                                                            "previous_owner_id": row["owner"], "note": data.note})
        row = await records.lock(case_id)
        if row["status"] == CaseStatus.received:
            row = await records.change_state(row, CaseStatus.assigned, viewer.id, "assigned")
        record(CaseAssigned(**await records.facts(row)))
    return await _run(case_id, viewer, "assign", key, (data.owner_id, data.note), body)


async def add_note(case_id: int, viewer: CurrentUser, data: NoteIn, key: str | None) -> CaseDetail:
    """A note on the file, with its photos or PDFs."""
    files = store_attachments(data.attachments)

    async def body(row: dict[str, Any], claimants: list[dict[str, Any]], standing: str) -> None:
        await trail.append(case_id, "note", viewer.id, {"text": data.text, "files": list(files)})
        await _start_handling(row, viewer.id, "note")
    return await _run(case_id, viewer, "notes", key, (data.text, tuple(f["sha256"] for f in files)), body)


async def issue_letter(case_id: int, viewer: CurrentUser, data: LetterIn, key: str | None) -> CaseDetail:
    """Issue a reminder (提醒函) or supervision letter (督办函): the PDF is kept with the case and in the trail."""
    async def body(row: dict[str, Any], claimants: list[dict[str, Any]], standing: str) -> None:
        _open(row)
        facts = await letter_facts(row, claimants, data.kind)
        stored = attachments.store(letters.render_letter(data.kind, facts), "application/pdf",
                                   f"{data.kind}-{case_number(row)}.pdf")
        await trail.append(case_id, "letter", viewer.id, {"letter": data.kind, "note": data.note,
                                                          "files": [stored.details()]})
        await _start_handling(row, viewer.id, "letter")
    return await _run(case_id, viewer, "letters", key, (data.kind, data.note), body)


async def _set_recovered(data: CloseIn, claimants: list[dict[str, Any]]) -> None:
    by_id = {c["id"]: c for c in claimants}
    for index, entry in enumerate(data.recovered):
        if entry.complaint_id not in by_id:
            raise Invalid.field(f"recovered.{index}.complaint_id", "case_complaint_unknown")
        by_id[entry.complaint_id]["recovered_fen"] = entry.amount_fen
    if data.outcome == Outcome.recovered_full:
        named = {entry.complaint_id for entry in data.recovered}
        for claimant in claimants:
            if claimant["id"] not in named:
                claimant["recovered_fen"] = max(claimant["recovered_fen"], claimant["amount_fen"])
            elif claimant["recovered_fen"] < claimant["amount_fen"]:
                raise Invalid.field("recovered", "case_recovered_short")
    if data.outcome == Outcome.recovered_partial and not sum(c["recovered_fen"] for c in claimants):
        raise Invalid.field("recovered", "case_recovered_needed")
    for claimant in claimants:
        await Claimant.update({Claimant.recovered_fen: claimant["recovered_fen"], Claimant.follow_up_resolved: None,
                               Claimant.follow_up_note: "", Claimant.follow_up_by: "", Claimant.follow_up_at: None}
                              ).where(Claimant.id == claimant["id"])


async def close(case_id: int, viewer: CurrentUser, data: CloseIn, key: str | None) -> CaseDetail:
    """Close the case (办结) with its outcome; each claimant is asked to confirm it is solved. Not twice."""
    async def body(row: dict[str, Any], claimants: list[dict[str, Any]], standing: str) -> None:
        if row["status"] in _CLOSED:
            raise Conflict("case_already_closed")
        await _set_recovered(data, claimants)
        recovered = sum(c["recovered_fen"] for c in claimants)
        row = await records.change_state(
            row, CaseStatus.closed, viewer.id, data.outcome,
            {WageCase.outcome: data.outcome, WageCase.outcome_note: data.note, WageCase.closed_at: clock.now()},
            outcome=data.outcome, note=data.note, recovered_fen=recovered)
        record(CaseClosed(**await records.facts(row), outcome=data.outcome, recovered_fen=recovered))
    parts = (data.outcome, data.note, tuple((r.complaint_id, r.amount_fen) for r in data.recovered))
    return await _run(case_id, viewer, "close", key, parts, body)


async def _back_to_handling(row: dict[str, Any], actor_id: int | None, reason: str, note: str,
                            by_claimant: bool) -> None:
    row = await records.change_state(row, CaseStatus.handling, actor_id, reason,
                                     {WageCase.reopened: True, WageCase.outcome: "", WageCase.closed_at: None},
                                     note=note)
    record(CaseReopened(**await records.facts(row), by_claimant=by_claimant))


async def reopen(case_id: int, viewer: CurrentUser, data: ReopenIn, key: str | None) -> CaseDetail:
    """Back to handling after closure; the case no longer counts as closed on time."""
    async def body(row: dict[str, Any], claimants: list[dict[str, Any]], standing: str) -> None:
        if row["status"] not in _CLOSED:
            raise Conflict("case_not_closed")
        await _back_to_handling(row, viewer.id, "reopened", data.note, by_claimant=False)
    return await _run(case_id, viewer, "reopen", key, (data.note,), body)


async def escalate(case_id: int, viewer: CurrentUser, data: EscalateIn, key: str | None) -> CaseDetail:
    """Up to the labour bureau; the bureau may take the case up (提级督办) or flag it (挂牌督办)."""
    async def body(row: dict[str, Any], claimants: list[dict[str, Any]], standing: str) -> None:
        _open(row)
        if data.action == "escalate":
            await records.escalate(row, viewer.id, "staff" if standing == "staff" else "supervisor", data.note)
            return
        policy.act_on_case(viewer, facts_of(row, claimants), "supervise", await caller_stations(viewer))
        supervision = "taken_up" if data.action == "take_up" else "flagged"
        if row["supervision"] == supervision:
            return
        await WageCase.update({WageCase.supervision: supervision, WageCase.level: "supervisor"}).where(
            WageCase.id == case_id)
        await trail.append(case_id, "supervised", viewer.id, {"supervision": supervision, "note": data.note})
        record(CaseEscalated(**await records.facts(await records.lock(case_id)), reason="supervisor",
                             supervision=supervision))
    return await _run(case_id, viewer, "escalate", key, (data.action, data.note), body)


async def reply(case_id: int, viewer: CurrentUser, data: ReplyIn, key: str | None) -> CaseDetail:
    """The employer answers in writing and may pay: each payment is recorded on its order and for its claimant."""
    files = store_attachments(data.attachments)

    async def body(row: dict[str, Any], claimants: list[dict[str, Any]], standing: str) -> None:
        _open(row)
        await trail.append(case_id, "reply", viewer.id, {"text": data.text, "files": list(files)})
        for index, payment in enumerate(data.payments):
            await record_payment(row, claimants, index, payment.order_id, payment.amount_fen, viewer,
                                 case_number(row))
        row = await _start_handling(row, viewer.id, "employer_reply")
        record(EmployerReplied(**await records.facts(row), paid_fen=sum(p.amount_fen for p in data.payments)))
    parts = (data.text, tuple((p.order_id, p.amount_fen) for p in data.payments))
    return await _run(case_id, viewer, "reply", key, parts, body)


def _answered_for(standing: str, viewer: CurrentUser, data: FollowUpIn,
                  claimants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Whose follow-up this answer is: a claimant's own complaints (or the one named), or the one staff name."""
    if standing == "worker":
        own = [c for c in claimants if c["worker"] == viewer.id]
        chosen = [c for c in own if data.complaint_id in (None, c["id"])]
    elif data.complaint_id is None:
        raise Invalid.field("complaint_id", "required")
    else:
        chosen = [c for c in claimants if c["id"] == data.complaint_id]
    if not chosen:
        raise Invalid.field("complaint_id", "case_complaint_unknown")
    return chosen


async def follow_up(case_id: int, viewer: CurrentUser, data: FollowUpIn, key: str | None) -> CaseDetail:
    """已解决 / 未解决 after closure: 未解决 reopens the case; when every claimant says 已解决 it is archived."""
    async def body(row: dict[str, Any], claimants: list[dict[str, Any]], standing: str) -> None:
        if row["status"] not in (CaseStatus.closed, CaseStatus.follow_up):
            raise Conflict("case_not_in_follow_up")
        by = "claimant" if standing == "worker" else "staff"
        for claimant in _answered_for(standing, viewer, data, claimants):
            if claimant["follow_up_resolved"] is data.resolved and claimant["follow_up_note"] == data.note:
                continue
            await Claimant.update({Claimant.follow_up_resolved: data.resolved, Claimant.follow_up_note: data.note,
                                   Claimant.follow_up_by: by, Claimant.follow_up_at: clock.now()}).where(
                Claimant.id == claimant["id"])
            claimant["follow_up_resolved"] = data.resolved
            await trail.append(case_id, "follow_up", viewer.id, {
                "complaint_id": claimant["id"], "worker_id": claimant["worker"], "resolved": data.resolved,
                "note": data.note, "by": by})
        if not data.resolved:
            await _back_to_handling(row, viewer.id, "claimant_unresolved", data.note, by_claimant=True)
        elif all(c["follow_up_resolved"] for c in claimants):
            await records.change_state(row, CaseStatus.archived, viewer.id, "all_resolved")
    return await _run(case_id, viewer, "follow_up", key, (data.resolved, data.note, data.complaint_id), body)
