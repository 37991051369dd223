"""The order's life after acceptance: check-in, complete, paid, confirm payment, cancel — and who may do each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from market.accounts.auth import CurrentUser
from market.contracts.behalf import record_act
from market.contracts.consent import check_walk_in_consent
from market.contracts.services import cancel_contract_of_order
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Forbidden, Invalid
from market.core.geo import distance_km
from market.jobs.tables import Job
from market.notifications.outbox import announce
from market.orders.schemas import CancelIn, CheckInIn, ConfirmPaymentIn, OrderOut, PaidIn
from market.orders.tables import Order, OrderEvent, OrderStatus
from market.orders.views import get_order, load_order_for
from market.ranking.changes import record_change
from market.settings import get_settings

__all__ = ["ACTS", "cancel_order", "cancel_orders_of_job", "check_in", "complete", "confirm_payment", "mark_paid"]

CHECK_IN_OPENS_MINUTES = 60

_STATUS_NAMES = {
    "accepted": ("已接单", "accepted"), "checked_in": ("已签到", "checked in"), "completed": ("已完工", "completed"),
    "paid": ("已付款", "paid"), "confirmed": ("已确认收款", "payment confirmed"), "cancelled": ("已取消", "cancelled"),
}


@dataclass(frozen=True)
class Act:
    """One thing that can happen to an order: from which states, to which, by whom, and its name in messages."""

    name: str
    allowed_from: frozenset[str]
    to: str
    by: frozenset[str]
    zh: str
    en: str


ACTS = {
    act.name: act for act in (
        Act("check_in", frozenset({"accepted"}), "checked_in", frozenset({"worker"}), "签到", "check in"),
        Act("complete", frozenset({"accepted", "checked_in"}), "completed", frozenset({"employer"}), "确认完工",
            "mark it complete"),
        Act("paid", frozenset({"completed"}), "paid", frozenset({"employer"}), "登记付款", "mark it paid"),
        Act("confirm_payment", frozenset({"paid"}), "confirmed", frozenset({"worker"}), "确认收款",
            "confirm payment"),
        Act("cancel", frozenset({"accepted"}), "cancelled", frozenset({"worker", "employer"}), "取消", "cancel it"),
    )
}


def _about(order: dict[str, Any]) -> dict[str, Any]:
    """What a notification about the order needs to say which order it is."""
    return {"order_id": order["id"], "title": order["job_title"], "starts_at": order["starts_at"].isoformat(),
            "worker_id": order["worker"], "worker_name": order["worker_name"]}


def _party_of(viewer: CurrentUser, order: dict[str, Any]) -> str:
    if viewer.id == order["worker"]:
        return "worker"
    if viewer.id == order["employer_id"]:
        return "employer"
    return "staff"


def _check_allowed(act: Act, order: dict[str, Any], party: str) -> None:
    if party != "staff" and party not in act.by:
        raise Forbidden("forbidden")
    if order["status"] not in act.allowed_from:
        zh, en = _STATUS_NAMES[order["status"]]
        raise Conflict("illegal_transition", status=zh, status_en=en, action=act.zh, action_en=act.en,
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
        _check_allowed(act, order, "staff")
    await record_change("order", order_id)
    lat, lon = position if position else (None, None)
    await OrderEvent(order=order_id, action=act.name, to_status=act.to, actor=viewer.id, on_behalf_of=on_behalf_of,
                     at=now, lat=lat, lon=lon, note=note).save()
    return await load_order_for(order_id, viewer)


async def _prepare(act_name: str, order_id: int, viewer: CurrentUser) -> tuple[Act, dict[str, Any], str]:
    act = ACTS[act_name]
    order = await load_order_for(order_id, viewer)
    party = _party_of(viewer, order)
    _check_allowed(act, order, party)
    return act, order, party


def _behalf(party: str, order: dict[str, Any], side: str) -> int | None:
    """When staff act, the party they act for."""
    return (order["worker"] if side == "worker" else order["employer_id"]) if party == "staff" else None


async def check_in(order_id: int, viewer: CurrentUser, data: CheckInIn) -> OrderOut:
    """Record arrival at the site; refused outside the fence around the job or too early."""
    async with write_transaction():
        act, order, party = await _prepare("check_in", order_id, viewer)
        now = clock.now()
        if now < order["starts_at"] - timedelta(minutes=CHECK_IN_OPENS_MINUTES):
            raise Conflict("check_in_too_early", minutes=CHECK_IN_OPENS_MINUTES)
        if now > order["ends_at"]:
            raise Conflict("illegal_transition", status="已结束", status_en="over", action=act.zh, action_en=act.en)
        metres = round(distance_km(data.lat, data.lon, order["job_lat"], order["job_lon"]) * 1000)
        fence = get_settings().check_in_fence_m
        if metres > fence:
            raise Conflict("outside_fence", distance_m=metres, fence_m=fence)
        columns = {Order.checked_in_at: now, Order.check_in_lat: data.lat, Order.check_in_lon: data.lon,
                   Order.check_in_distance_m: metres}
        order = await _apply(act, order_id, viewer, columns, _behalf(party, order, "worker"),
                             position=(data.lat, data.lon))
        await announce("order_checked_in", [order["employer_id"]], _about(order), key=str(order_id))
    return await get_order(order_id, viewer)


async def complete(order_id: int, viewer: CurrentUser, note: str) -> OrderOut:
    """The employer (or staff for them) confirms the work was done."""
    async with write_transaction():
        act, order, party = await _prepare("complete", order_id, viewer)
        await _apply(act, order_id, viewer, {Order.completed_at: clock.now()}, _behalf(party, order, "employer"),
                     note=note)
        await announce("order_completed", [order["worker"]], _about(order), key=str(order_id))
    return await get_order(order_id, viewer)


async def mark_paid(order_id: int, viewer: CurrentUser, data: PaidIn) -> OrderOut:
    """The employer records what they paid; a different amount than agreed needs a note."""
    async with write_transaction():
        act, order, party = await _prepare("paid", order_id, viewer)
        note = data.note.strip()
        if data.amount_fen != order["agreed_pay_fen"] and not note:
            raise Invalid.field("note", "amount_mismatch")
        columns = {Order.paid_at: clock.now(), Order.paid_amount_fen: data.amount_fen, Order.payment_note: note}
        await _apply(act, order_id, viewer, columns, _behalf(party, order, "employer"), note=note)
        await announce("order_paid", [order["worker"]], {**_about(order), "amount_fen": data.amount_fen},
                       key=str(order_id))
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
        await _apply(act, order_id, viewer, {Order.payment_confirmed_at: clock.now()},
                     _behalf(party, order, "worker"), note=data.note)
        if evidence is not None:
            await record_act(order["worker"], viewer, "confirm_payment", evidence=evidence.proof,
                             consent_id=evidence.consent_id, order_id=order_id)
        await announce("payment_confirmed", [order["employer_id"]], _about(order), key=str(order_id))
    return await get_order(order_id, viewer)


def _is_late(side: str, starts_at: Any) -> bool:
    settings = get_settings()
    hours = settings.worker_free_cancel_hours if side == "worker" else settings.employer_free_cancel_hours
    return clock.now() > starts_at - timedelta(hours=hours)


async def _cancel_one(order: dict[str, Any], viewer: CurrentUser, side: str, reason: str) -> None:
    act = ACTS["cancel"]
    late = _is_late(side, order["starts_at"])
    columns = {Order.cancelled_at: clock.now(), Order.cancelled_by: viewer.id, Order.cancelled_by_role: side,
               Order.cancel_reason: reason, Order.cancel_late: late}
    behalf = (order["worker"] if side == "worker" else order["employer_id"]) if viewer.id not in (
        order["worker"], order["employer_id"]) else None
    await _apply(act, order["id"], viewer, columns, behalf, note=reason)
    await cancel_contract_of_order(order["id"], f"{side}:{viewer.id}", reason or "cancelled")
    await Job.update({Job.filled: Job.filled - 1}).where((Job.id == order["job"]) & (Job.filled > 0))
    other = order["employer_id"] if side == "worker" else order["worker"]
    await announce("order_cancelled", [other], {**_about(order), "by": side, "late": late}, key=str(order["id"]))


async def cancel_order(order_id: int, viewer: CurrentUser, data: CancelIn) -> OrderOut:
    """Cancel before the start; inside the free window the cancel is recorded as late against whoever cancels."""
    async with write_transaction():
        act, order, party = await _prepare("cancel", order_id, viewer)
        if party == "staff" and data.on_behalf_of is None:
            raise Invalid.field("on_behalf_of", "required")
        side = party if party != "staff" else str(data.on_behalf_of)
        if clock.now() >= order["starts_at"]:
            raise Conflict("illegal_transition", status="已开工", status_en="started", action=act.zh,
                           action_en=act.en, current_status=order["status"])
        await _cancel_one(order, viewer, side, data.reason.strip())
    return await get_order(order_id, viewer)


async def cancel_orders_of_job(job: dict[str, Any], viewer: CurrentUser) -> None:
    """Cancel, as the employer, every order of `job` not yet started (inside the caller's transaction)."""
    rows = await Order.select(Order.id).where((Order.job == job["id"]) & (Order.status == OrderStatus.accepted))
    for row in rows:
        order = await load_order_for(row["id"], viewer)
        await _cancel_one(order, viewer, "employer", "岗位已取消")
