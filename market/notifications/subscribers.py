"""Who hears about what: each domain event that someone must be told of becomes outbox messages, in the writer's
transaction (so a notice is never lost, and never sent for a change that rolled back)."""

from __future__ import annotations

from typing import Any

from market.accounts.events import AccountCodeIssued
from market.core.events import Phase, Subscriptions
from market.jobs.events import JobCancelled
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
from market.stations.events import ConsentCodeIssued
from market.stations.services import staff_of_station_near

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


async def _job_cancelled(event: JobCancelled) -> None:
    await announce("job_cancelled", [event.employer_id], {"job_id": event.job_id, "title": event.title},
                   key=str(event.job_id))


async def _consent_code(event: ConsentCodeIssued) -> None:
    await announce(event.notice, [event.worker_id], event.payload, key=str(event.code_id))


async def _account_code(event: AccountCodeIssued) -> None:
    await announce_to_phone(f"account_code_{event.purpose}", event.phone, event.payload, key=str(event.code_id))


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the outbox's subscribers (all in the writer's transaction)."""
    table: tuple[tuple[type[Any], Any], ...] = ((OrderAccepted, _accepted), (OrderCheckedIn, _checked_in),
                                (OrderCompleted, _completed), (PaymentMarked, _paid),
                                (PaymentConfirmed, _payment_confirmed), (OrderCancelled, _cancelled),
                                (NoShowRecorded, _no_show), (NoShowObjected, _objection), (NoShowDecided, _decided),
                                (JobCancelled, _job_cancelled), (ConsentCodeIssued, _consent_code),
                                (AccountCodeIssued, _account_code))
    for event_type, handler in table:
        label = "outbox." + handler.__name__.lstrip("_")
        subscriptions.subscribe(event_type, handler, phase=Phase.in_transaction, name=label)
