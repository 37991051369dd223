"""Who hears about what: each domain event that someone must be told of becomes outbox messages, in the writer's
transaction (so a notice is never lost, and never sent for a change that rolled back)."""

from __future__ import annotations

from typing import Any

from market.accounts.events import AccountCodeIssued
from market.accounts.tables import Role, User
from market.cases.events import (
    CaseAssigned,
    CaseChanged,
    CaseClosed,
    CaseDueSoon,
    CaseEscalated,
    CaseReopened,
    ComplaintFiled,
    EmployerReplied,
)
from market.core.events import Phase, Subscriptions
from market.jobs.events import JobCancelled
from market.notifications import alert_notices, course_notices, credit_notices, wage_notices
from market.notifications.outbox import announce, announce_to_phone
from market.orders.events import (
    NoShowDecided,
    NoShowObjected,
    NoShowRecorded,
    OrderAccepted,
    OrderCancelled,
    OrderCheckedIn,
    OrderCompleted,
    PaymentConfirmed,
    PaymentMarked,
)
from market.reputation.events import RatingObjected
from market.stations.events import ConsentCodeIssued
from market.stations.services import staff_of_station_near
from market.stations.tables import StationStaff

__all__ = ["subscribe"]


async def _accepted(event: OrderAccepted) -> None:
    payload = {"order_id": event.order_id, "job_id": event.job_id, "title": event.title,
               "worker_id": event.worker_id, "worker_name": event.worker_name,
               "starts_at": event.starts_at.isoformat(), "address": event.address}
    await announce("order_accepted", [event.worker_id, event.employer_id], payload, key=str(event.order_id))
    if event.job_full:
        await announce("job_filled", [event.employer_id], {"job_id": event.job_id, "title": event.title},
                       key=str(event.job_id))


async def _checked_in(event: OrderCheckedIn) -> None:
    await announce("order_checked_in", [event.employer_id], event.about(), key=str(event.order_id))


async def _completed(event: OrderCompleted) -> None:
    await announce("order_completed", [event.worker_id], event.about(), key=str(event.order_id))


async def _paid(event: PaymentMarked) -> None:
    await announce("order_paid", [event.worker_id], {**event.about(), "amount_fen": event.amount_fen},
                   key=str(event.order_id))


async def _payment_confirmed(event: PaymentConfirmed) -> None:
    await announce("payment_confirmed", [event.employer_id], event.about(), key=str(event.order_id))


async def _cancelled(event: OrderCancelled) -> None:
    other = event.employer_id if event.side == "worker" else event.worker_id
    await announce("order_cancelled", [other], {**event.about(), "by": event.side, "late": event.late},
                   key=str(event.order_id))


async def _no_show(event: NoShowRecorded) -> None:
    told = [event.worker_id] + ([event.employer_id] if event.by_staff else [])
    due = event.objection_due_at.isoformat() if event.objection_due_at else ""
    await announce("order_no_show", told, {**event.about(), "objection_due_at": due}, key=str(event.order_id))


async def _objection(event: NoShowObjected) -> None:
    staff = await staff_of_station_near(*event.site)
    await announce("no_show_objection", [event.employer_id, *staff], {**event.about(), "note": event.note},
                   key=str(event.order_id))


async def _decided(event: NoShowDecided) -> None:
    name = "no_show_overturned" if event.upheld else "no_show_confirmed"
    await announce(name, [event.worker_id, event.employer_id], {**event.about(), "note": event.note},
                   key=str(event.order_id))


async def _rating_objection(event: RatingObjected) -> None:
    """Staff of the station nearest the job hear that a rating is disputed (as for a no-show objection)."""
    staff = await staff_of_station_near(*event.site) if event.site else []
    await announce("rating_objection", staff, {"order_id": event.order_id, "title": event.title,
                                               "stars": event.stars, "link": "#/s/objections"},
                   key=str(event.objection_id))


async def _job_cancelled(event: JobCancelled) -> None:
    await announce("job_cancelled", [event.employer_id], {"job_id": event.job_id, "title": event.title},
                   key=str(event.job_id))


async def _consent_code(event: ConsentCodeIssued) -> None:
    await announce(event.notice, [event.worker_id], event.payload, key=str(event.code_id))


async def _station_staff(station_id: int | None) -> list[int]:
    if station_id is None:
        return []
    return [r["user"] for r in await StationStaff.select(StationStaff.user).where(StationStaff.station == station_id)]


async def _handlers(event: CaseChanged) -> list[int]:
    """Who handles a case: its owner, or while it has none the staff of its station."""
    return [event.owner_id] if event.owner_id is not None else await _station_staff(event.station_id)


def _case(event: CaseChanged, **more: Any) -> dict[str, Any]:
    return {"case_id": event.case_id, "link": event.link, **more}


async def _complaint_filed(event: ComplaintFiled) -> None:
    told = [event.worker_id, event.employer_id, *await _handlers(event)]
    await announce("case_filed", told, _case(event, title=event.title, amount_fen=event.amount_fen,
                                             worker_id=event.worker_id), key=str(event.complaint_id))


async def _case_assigned(event: CaseAssigned) -> None:
    await announce("case_assigned", await _handlers(event), _case(event), key=f"{event.case_id}:{event.occurrence}")


async def _case_due_soon(event: CaseDueSoon) -> None:
    await announce("case_due_soon", await _handlers(event), _case(event, state=event.state, due_at=event.due_at),
                   key=f"{event.case_id}:{event.occurrence}")


async def _case_escalated(event: CaseEscalated) -> None:
    bureau = [r["id"] for r in await User.select(User.id).where(User.role == Role.supervisor)]
    await announce("case_escalated", [*bureau, *await _handlers(event)],
                   _case(event, reason=event.reason, supervision=event.supervision),
                   key=f"{event.case_id}:{event.occurrence}")


async def _case_closed(event: CaseClosed) -> None:
    await announce("case_closed", event.claimant_ids, _case(event, outcome=event.outcome,
                                                            amount_fen=event.recovered_fen),
                   key=f"{event.case_id}:{event.occurrence}")


async def _case_reopened(event: CaseReopened) -> None:
    await announce("case_reopened", await _handlers(event), _case(event), key=f"{event.case_id}:{event.occurrence}")


async def _employer_replied(event: EmployerReplied) -> None:
    await announce("case_replied", [*await _handlers(event), *event.claimant_ids],
                   _case(event, amount_fen=event.paid_fen), key=f"{event.case_id}:{event.occurrence}")


async def _account_code(event: AccountCodeIssued) -> None:
    await announce_to_phone(f"account_code_{event.purpose}", event.phone, event.payload, key=str(event.code_id))


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the outbox's subscribers (all in the writer's transaction)."""
    table: tuple[tuple[type[Any], Any], ...] = ((OrderAccepted, _accepted), (OrderCheckedIn, _checked_in),
                                (OrderCompleted, _completed), (PaymentMarked, _paid),
                                (PaymentConfirmed, _payment_confirmed), (OrderCancelled, _cancelled),
                                (NoShowRecorded, _no_show), (NoShowObjected, _objection), (NoShowDecided, _decided),
                                (RatingObjected, _rating_objection),
                                (JobCancelled, _job_cancelled), (ConsentCodeIssued, _consent_code),
                                (ComplaintFiled, _complaint_filed), (CaseAssigned, _case_assigned),
                                (CaseDueSoon, _case_due_soon), (CaseEscalated, _case_escalated),
                                (CaseClosed, _case_closed), (CaseReopened, _case_reopened),
                                (EmployerReplied, _employer_replied), (AccountCodeIssued, _account_code))
    for event_type, handler in table:
        label = "outbox." + handler.__name__.lstrip("_")
        subscriptions.subscribe(event_type, handler, phase=Phase.in_transaction, name=label)
    wage_notices.subscribe(subscriptions)
    alert_notices.subscribe(subscriptions)
    credit_notices.subscribe(subscriptions)
    course_notices.subscribe(subscriptions)
