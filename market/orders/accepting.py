"""Accepting a job: exact under concurrency — never past headcount, never a clash, never twice."""

from __future__ import annotations

from typing import Any

from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import lock_rows_for_update, write_transaction
from market.core.errors import Conflict, Invalid, NotFound
from market.core.events import record
from market.jobs.services import load_job
from market.jobs.tables import Job, JobStatus
from market.orders import idempotency
from market.orders.contract_refs import contract_of_order
from market.orders.events import AcceptedRows, OrderAccepted
from market.orders.pay import agreed_pay_fen, pay_due_at
from market.orders.schemas import AcceptIn, AcceptResult
from market.orders.tables import Order, OrderEvent, OrderStatus
from market.orders.views import get_order
from market.stations.behalf import record_act
from market.stations.consent import Evidence, check_walk_in_consent, record_evidence

__all__ = ["LIVE_STATUSES", "accept_job"]

LIVE_STATUSES = (OrderStatus.accepted, OrderStatus.checked_in)
"""Orders that still hold the worker's time."""


async def _worker_for(actor: CurrentUser, data: AcceptIn, job_id: int,
                      key: str | None) -> tuple[int, str, Evidence | None]:
    """Who the order is for and how they agreed; a walk-in's code is checked here and used up in the accept."""
    if actor.role == Role.worker:
        if data.worker_id not in (None, actor.id):
            raise Invalid.field("worker_id", "unknown_field")
        return actor.id, "app", None
    if data.worker_id is None:
        raise Invalid.field("worker_id", "required")
    if not await User.exists().where((User.id == data.worker_id) & (User.role == Role.worker)):
        if not await User.exists().where(User.id == data.worker_id):
            raise NotFound("worker_not_found")
        raise Invalid.field("worker_id", "not_a_worker")
    if data.consent == "app":
        raise Invalid.field("consent", "not_one_of", choices="staff_sms_code, staff_signature")
    retried = key is not None and await idempotency.recall(
        actor.id, key, idempotency.fingerprint("accept", job_id, data.worker_id)) is not None
    if retried:  # the first request's consent stands; its code is used up already
        return data.worker_id, data.consent, None
    evidence = await check_walk_in_consent(data.consent, data.worker_id, actor, purpose="accept", job_id=job_id,
                                           signature_png=data.signature_png, consent_code=data.consent_code)
    return data.worker_id, data.consent, evidence


async def _check_worker_is_free(worker_id: int, job: dict[str, Any]) -> None:
    """The worker has no order for this job and no live order overlapping it (one query: accepting is hot)."""
    overlapping = (Order.status.is_in(list(LIVE_STATUSES)) & (Order.starts_at < job["ends_at"])
                   & (Order.ends_at > job["starts_at"]))
    found = [row["job"] for row in await Order.select(Order.job).where(
        (Order.worker == worker_id) & ((Order.job == job["id"]) | overlapping))]
    if job["id"] in found:
        raise Conflict("already_accepted")
    if found:
        clash = await Job.select(Job.title).where(Job.id == found[0]).first()
        raise Conflict("schedule_clash", title=clash["title"] if clash else "")


async def _take_a_place(job: dict[str, Any]) -> int | None:
    """One conditional update takes a place; the new `filled`, or None when the job is full or closed."""
    taken = await Job.update({Job.filled: Job.filled + 1}).where(
        (Job.id == job["id"]) & (Job.status == JobStatus.open) & (Job.filled < Job.headcount)
    ).returning(Job.filled)
    return taken[0]["filled"] if taken else None


async def _record_order(job: dict[str, Any], worker_id: int, actor: CurrentUser, consent: str) -> dict[str, Any]:
    now = clock.now()
    order = Order(
        job=job["id"], worker=worker_id, status=OrderStatus.accepted, starts_at=job["starts_at"],
        ends_at=job["ends_at"], pay_due_at=pay_due_at(job["ends_at"], job["pay_due_hours"]),
        agreed_pay_fen=agreed_pay_fen(job["pay_amount_fen"], job["pay_unit"], job["starts_at"], job["ends_at"]),
        accepted_at=now, accepted_by=actor.id, consent_method=consent, updated_at=now,
    )
    await order.save()
    await OrderEvent(order=order.id, action="accept", to_status=OrderStatus.accepted, actor=actor.id,
                     on_behalf_of=worker_id if actor.id != worker_id else None, at=now).save()
    return order.to_dict()


async def _accept_in_transaction(job_id: int, worker_id: int, actor: CurrentUser, consent: str,
                                 evidence: Evidence | None, key: str | None) -> int:
    """The order's id (made now, or recalled for a retry)."""
    digest = idempotency.fingerprint("accept", job_id, worker_id)
    async with write_transaction():
        # one accept at a time per worker: its row locked on PostgreSQL (SQLite already has the write lock)
        worker = await lock_rows_for_update(User, User.id == worker_id, columns=[User.name])
        if key is not None and (stored := await idempotency.recall(actor.id, key, digest)) is not None:
            return int(stored["order_id"])
        if evidence is not None:
            evidence = await evidence.use()  # a refusal below rolls this back: the code stays usable
        job = await load_job(job_id)
        if job["status"] != JobStatus.open:
            raise Conflict("job_not_open")
        if job["starts_at"] <= clock.now():
            raise Conflict("job_started")
        await _check_worker_is_free(worker_id, job)
        filled = await _take_a_place(job)
        if filled is None:
            raise Conflict("job_full")
        order = await _record_order(job, worker_id, actor, consent)
        order_id = order["id"]
        if evidence is not None:
            await record_evidence(order_id, evidence)
            await record_act(worker_id, actor, "accept", evidence=evidence.proof, consent_id=evidence.consent_id,
                             order_id=order_id)
        record(OrderAccepted(
            order_id=order_id, job_id=job_id, worker_id=worker_id, employer_id=job["employer"], title=job["title"],
            starts_at=job["starts_at"], worker_name=worker[0]["name"] if worker else "", actor_id=actor.id,
            on_behalf_of=worker_id if actor.id != worker_id else None, address=job["address"],
            job_full=filled >= job["headcount"], rows=AcceptedRows(order=order, job=job)))
        if key is not None:
            await idempotency.remember(actor.id, key, digest, 201, {"order_id": order_id})
    return order_id


async def accept_job(job_id: int, actor: CurrentUser, data: AcceptIn, key: str | None) -> AcceptResult:
    """Take one place on the job for the worker (the caller, or the walk-in staff name), with its contract.

    The place, the order, its first event, the notifications and the idempotency record commit together; the
    contract is issued right after, outside the write lock, by the `OrderAccepted` subscriber (a retry finds the
    one issued the first time, or none yet if that is still pending: recovery issues it).
    """
    worker_id, consent, evidence = await _worker_for(actor, data, job_id, key)
    order_id = await _accept_in_transaction(job_id, worker_id, actor, consent, evidence, key)
    contract = await contract_of_order(order_id)
    return AcceptResult(order=await get_order(order_id, actor, contract), contract=contract)
