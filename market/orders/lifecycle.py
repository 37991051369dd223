"""The order's life after acceptance: check-in, complete, paid, confirm payment, cancel, no-show; who may do each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.core import clock, events
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid
from market.core.geo import distance_km
from market.core.i18n import Phrase
from market.core.zone import short_local
from market.jobs.events import JobCancelled
from market.jobs.tables import Job
from market.orders.events import (
    NoShowDecided,
    NoShowObjected,
    NoShowRecorded,
    OrderCancelled,
    OrderCheckedIn,
    OrderCompleted,
    PaymentConfirmed,
    PaymentMarked,
)
from market.orders.rules import service_rules
from market.orders.schemas import CancelIn, CheckInIn, ConfirmPaymentIn, OrderOut, PaidIn
from market.orders.tables import NoShow, Order, OrderEvent, OrderStatus
from market.orders.views import get_order, load_order_for, order_facts
from market.stations.behalf import record_act
from market.stations.consent import check_walk_in_consent

__all__ = ["ACTS", "cancel_order", "cancel_orders_of_job", "check_in", "complete", "confirm_payment", "decide_no_show",
           "mark_paid", "object_to_no_show", "record_no_show"]


@dataclass(frozen=True)
class Act:
    """One thing that can happen to an order: from which states, to which, by which party (and staff for them when
    `staff`; `by` empty: staff only). Who may is decided by `policy.act_on_order`; its name in messages is the
    catalogue's `act.<name>`."""

    name: str
    allowed_from: frozenset[str]
    to: str
    by: frozenset[str]
    staff: bool = True

    @property
    def words(self) -> Phrase:
        """What the act is called in a message ("cannot {action}")."""
        return Phrase(f"act.{self.name}")


ACTS = {
    act.name: act for act in (
        Act("check_in", frozenset({"accepted"}), "checked_in", frozenset({"worker"})),
        Act("complete", frozenset({"accepted", "checked_in"}), "completed", frozenset({"employer"})),
        Act("paid", frozenset({"completed"}), "paid", frozenset({"employer"})),
        Act("confirm_payment", frozenset({"paid"}), "confirmed", frozenset({"worker"})),
        Act("cancel", frozenset({"accepted"}), "cancelled", frozenset({"worker", "employer"})),
        # A no-show, the worker's objection to it, and staff's decision (`by` empty: staff only).
        Act("no_show", frozenset({"accepted"}), "no_show", frozenset({"employer"})),
        Act("no_show_objection", frozenset({"no_show"}), "no_show", frozenset({"worker"}),
            staff=False),  # the worker's own word: not the employer's, not staff's
        Act("no_show_overturned", frozenset({"no_show"}), "accepted", frozenset()),
        Act("no_show_confirmed", frozenset({"no_show"}), "no_show", frozenset()),
    )
}


def _facts(order: dict[str, Any], viewer: CurrentUser, on_behalf_of: int | None = None) -> dict[str, Any]:
    """The facts every order event carries, from a row of `load_order_for`."""
    return {"order_id": order["id"], "job_id": order["job"], "worker_id": order["worker"],
            "employer_id": order["employer_id"], "title": order["job_title"], "starts_at": order["starts_at"],
            "worker_name": order["worker_name"], "actor_id": viewer.id, "on_behalf_of": on_behalf_of}


def _party_of(viewer: CurrentUser, order: dict[str, Any]) -> str:
    """What the viewer is to an order they may see: `worker`, `employer` or `staff`."""
    return policy.see_order(viewer, order_facts(order))


def _check_party(act: Act, order: dict[str, Any], viewer: CurrentUser) -> str:
    """The viewer's standing, if the act is theirs to do (or staff's for them); else 403 naming whose act it is."""
    return policy.act_on_order(viewer, order_facts(order), act.by, staff=act.staff)


def _check_state(act: Act, order: dict[str, Any]) -> None:
    if order["status"] not in act.allowed_from:
        raise Conflict("illegal_transition", status=Phrase(f"order_status.{order['status']}"), action=act.words,
                       current_status=order["status"])


async def _apply(act: Act, order_id: int, viewer: CurrentUser, columns: dict[Any, Any],
                 on_behalf_of: int | None = None, note: str = "", position: tuple[float, float] | None = None
                 ) -> dict[str, Any]:
    """Move the order from its current status to `act.to`, if nobody moved it first; record the event."""
    now = clock.now()
    moved = await Order.update({Order.status: act.to, Order.updated_at: now, **columns}).where(
        (Order.id == order_id) & Order.status.is_in(list(act.allowed_from))).returning(Order.id)
    if not moved:
        order = await load_order_for(order_id, viewer)
        _check_state(act, order)
    lat, lon = position if position else (None, None)
    from_status = next(iter(act.allowed_from)) if len(act.allowed_from) == 1 else ""
    await OrderEvent(order=order_id, action=act.name, from_status=from_status, to_status=act.to, actor=viewer.id,
                     on_behalf_of=on_behalf_of, at=now, lat=lat, lon=lon, note=note).save()
    return await load_order_for(order_id, viewer)


async def _prepare(act_name: str, order_id: int, viewer: CurrentUser) -> tuple[Act, dict[str, Any], str]:
    act = ACTS[act_name]
    order = await load_order_for(order_id, viewer)
    party = _check_party(act, order, viewer)
    _check_state(act, order)
    return act, order, party


def _behalf(party: str, order: dict[str, Any], side: str) -> int | None:
    """When staff act, the party they act for."""
    return (order["worker"] if side == "worker" else order["employer_id"]) if party == "staff" else None


async def check_in(order_id: int, viewer: CurrentUser, data: CheckInIn) -> OrderOut:
    """Record arrival at the site; refused outside the fence around the job or too early."""
    async with write_transaction():
        act, order, party = await _prepare("check_in", order_id, viewer)
        now = clock.now()
        rules = service_rules()
        if now < order["starts_at"] - timedelta(minutes=rules.check_in_opens_minutes):
            raise Conflict("check_in_too_early", minutes=rules.check_in_opens_minutes)
        if now > order["ends_at"]:
            raise Conflict("illegal_transition", status=Phrase("order_status.over"), action=act.words)
        metres = round(distance_km(data.lat, data.lon, order["job_lat"], order["job_lon"]) * 1000)
        fence = rules.check_in_fence_m
        if metres > fence:
            raise Conflict("outside_fence", distance_m=metres, fence_m=fence)
        columns = {Order.checked_in_at: now, Order.check_in_lat: data.lat, Order.check_in_lon: data.lon,
                   Order.check_in_distance_m: metres}
        behalf = _behalf(party, order, "worker")
        order = await _apply(act, order_id, viewer, columns, behalf, position=(data.lat, data.lon))
        events.record(OrderCheckedIn(**_facts(order, viewer, behalf)))
    return await get_order(order_id, viewer)


async def complete(order_id: int, viewer: CurrentUser, note: str) -> OrderOut:
    """The employer (or staff for them) confirms the work was done."""
    async with write_transaction():
        act, order, party = await _prepare("complete", order_id, viewer)
        if clock.now() < order["starts_at"]:
            # Work cannot be done before it starts; a worker who forgot to check in is still paid after the start.
            raise Conflict("complete_before_start", starts=short_local(order["starts_at"]),
                           starts_at=order["starts_at"].isoformat())
        behalf = _behalf(party, order, "employer")
        await _apply(act, order_id, viewer, {Order.completed_at: clock.now()}, behalf, note=note)
        events.record(OrderCompleted(**_facts(order, viewer, behalf)))
    return await get_order(order_id, viewer)


async def mark_paid(order_id: int, viewer: CurrentUser, data: PaidIn) -> OrderOut:
    """The employer records what they paid; a different amount than agreed needs a note."""
    async with write_transaction():
        act, order, party = await _prepare("paid", order_id, viewer)
        note = data.note.strip()
        if data.amount_fen != order["agreed_pay_fen"] and not note:
            raise Invalid.field("note", "amount_mismatch")
        columns = {Order.paid_at: clock.now(), Order.paid_amount_fen: data.amount_fen, Order.payment_note: note}
        behalf = _behalf(party, order, "employer")
        await _apply(act, order_id, viewer, columns, behalf, note=note)
        events.record(PaymentMarked(**_facts(order, viewer, behalf), amount_fen=data.amount_fen,
                             agreed_fen=order["agreed_pay_fen"], note=note))
    return await get_order(order_id, viewer)


async def confirm_payment(order_id: int, viewer: CurrentUser, data: ConfirmPaymentIn) -> OrderOut:
    """The worker (or staff for them, with the worker's consent) confirms the money arrived: the order is closed."""
    evidence = None
    seen = await load_order_for(order_id, viewer)
    if _party_of(viewer, seen) == "staff":
        if data.consent is None:
            raise Invalid.field("consent", "required")
        evidence = await check_walk_in_consent(data.consent, seen["worker"], viewer, purpose="confirm_payment",
                                               job_id=seen["job"], signature_png=data.signature_png,
                                               consent_code=data.consent_code)
    async with write_transaction():
        act, order, party = await _prepare("confirm_payment", order_id, viewer)
        if evidence is not None:
            evidence = await evidence.use()  # the code is used up only if the confirmation commits
        behalf = _behalf(party, order, "worker")
        await _apply(act, order_id, viewer, {Order.payment_confirmed_at: clock.now()}, behalf, note=data.note)
        if evidence is not None:
            await record_act(order["worker"], viewer, "confirm_payment", evidence=evidence.proof,
                             consent_id=evidence.consent_id, order_id=order_id)
        events.record(PaymentConfirmed(**_facts(order, viewer, behalf)))
    return await get_order(order_id, viewer)


def _is_late(side: str, starts_at: Any) -> bool:
    rules = service_rules()
    hours = rules.worker_cancel_notice_hours if side == "worker" else rules.employer_cancel_notice_hours
    return clock.now() > starts_at - timedelta(hours=hours)


async def _cancel_one(order: dict[str, Any], viewer: CurrentUser, side: str, reason: str) -> None:
    act = ACTS["cancel"]
    late = _is_late(side, order["starts_at"])
    columns = {Order.cancelled_at: clock.now(), Order.cancelled_by: viewer.id, Order.cancelled_by_role: side,
               Order.cancel_reason: reason, Order.cancel_late: late}
    behalf = (order["worker"] if side == "worker" else order["employer_id"]) if _party_of(
        viewer, order) == "staff" else None
    await _apply(act, order["id"], viewer, columns, behalf, note=reason)
    await Job.update({Job.filled: Job.filled - 1}).where((Job.id == order["job"]) & (Job.filled > 0))
    events.record(OrderCancelled(**_facts(order, viewer, behalf), side=side, late=late, reason=reason))


async def cancel_order(order_id: int, viewer: CurrentUser, data: CancelIn) -> OrderOut:
    """Cancel before the start; inside the free window the cancel is recorded as late against whoever cancels."""
    async with write_transaction():
        act, order, party = await _prepare("cancel", order_id, viewer)
        if party == "staff" and data.on_behalf_of is None:
            raise Invalid.field("on_behalf_of", "required")
        side = party if party != "staff" else str(data.on_behalf_of)
        if clock.now() >= order["starts_at"]:
            raise Conflict("illegal_transition", status=Phrase("order_status.started"), action=act.words,
                           current_status=order["status"])
        await _cancel_one(order, viewer, side, data.reason.strip())
    return await get_order(order_id, viewer)


async def cancel_orders_of_job(event: JobCancelled) -> None:
    """When a job is cancelled, cancel as its employer every order not yet started (in the same transaction)."""
    rows = await Order.select(Order.id).where((Order.job == event.job_id) & (Order.status == OrderStatus.accepted))
    for row in rows:
        order = await load_order_for(row["id"], event.actor)
        await _cancel_one(order, event.actor, "employer", "岗位已取消")


async def _no_show_of(order_id: int) -> dict[str, Any] | None:
    return await NoShow.select().where(NoShow.order == order_id).first()


async def record_no_show(order_id: int, viewer: CurrentUser, note: str) -> OrderOut:
    """The employer (or staff for them) records that the worker never came: after the start plus the grace, and
    only while the worker has not checked in. The worker is told and may object within the objection window."""
    async with write_transaction():
        act = ACTS["no_show"]
        order = await load_order_for(order_id, viewer)
        party = _check_party(act, order, viewer)
        if order["status"] == "checked_in" or order["checked_in_at"] is not None:
            raise Conflict("no_show_checked_in")
        _check_state(act, order)
        rules, now = service_rules(), clock.now()
        opens = order["starts_at"] + timedelta(minutes=rules.no_show_grace_minutes)
        if now < opens:
            raise Conflict("no_show_too_early", minutes=rules.no_show_grace_minutes, opens=short_local(opens))
        if await _no_show_of(order_id) is not None:  # one overturned before: the worker did come
            raise Conflict("no_show_overturned")
        note = note.strip()
        behalf = _behalf(party, order, "employer")
        await _apply(act, order_id, viewer, {}, behalf, note=note)
        due = now + timedelta(hours=rules.no_show_objection_hours)
        await NoShow(order=order_id, recorded_at=now, recorded_by=viewer.id, note=note, objection_due_at=due).save()
        events.record(NoShowRecorded(**_facts(order, viewer, behalf), objection_due_at=due, by_staff=party == "staff"))
    return await get_order(order_id, viewer)


async def object_to_no_show(order_id: int, viewer: CurrentUser, note: str) -> OrderOut:
    """The order's worker objects to a recorded no-show, once, within the window; staff then decide."""
    async with write_transaction():
        act = ACTS["no_show_objection"]
        order = await load_order_for(order_id, viewer)
        _check_party(act, order, viewer)
        _check_state(act, order)
        note = note.strip()
        if not note:
            raise Invalid.field("note", "blank")
        record = await _no_show_of(order_id)
        assert record is not None  # a no_show order always has its record
        now = clock.now()
        if record["objected_at"] is not None:
            raise Conflict("no_show_objection_filed")
        if now > record["objection_due_at"]:
            raise Conflict("no_show_objection_closed", due=short_local(record["objection_due_at"]))
        filed = await NoShow.update({NoShow.objected_at: now, NoShow.objection_note: note}).where(
            (NoShow.order == order_id) & NoShow.objected_at.is_null()).returning(NoShow.id)
        if not filed:
            raise Conflict("no_show_objection_filed")
        await _apply(act, order_id, viewer, {}, note=note)
        events.record(NoShowObjected(**_facts(order, viewer), note=note, site=(order["job_lat"], order["job_lon"])))
    return await get_order(order_id, viewer)


async def decide_no_show(order_id: int, viewer: CurrentUser, upheld: bool, note: str) -> OrderOut:
    """Staff decide the worker's objection: upheld, the no-show is removed and the order is accepted again (the
    state it was recorded from); not upheld, the no-show stands. Both parties are told."""
    async with write_transaction():
        act = ACTS["no_show_overturned" if upheld else "no_show_confirmed"]
        order = await load_order_for(order_id, viewer)
        _check_party(act, order, viewer)
        _check_state(act, order)
        record = await _no_show_of(order_id)
        assert record is not None
        if record["objected_at"] is None:
            raise Conflict("no_show_no_objection")
        note = note.strip()
        decided = await NoShow.update({NoShow.decided_at: clock.now(), NoShow.decided_by: viewer.id,
                                       NoShow.upheld: upheld, NoShow.decision_note: note}).where(
            (NoShow.order == order_id) & NoShow.decided_at.is_null()).returning(NoShow.id)
        if not decided:
            raise Conflict("no_show_decided")
        await _apply(act, order_id, viewer, {}, note=note)
        events.record(NoShowDecided(**_facts(order, viewer), upheld=upheld, note=note))
    return await get_order(order_id, viewer)
