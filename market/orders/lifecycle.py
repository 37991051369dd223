"""The order's life after acceptance: check-in, complete, paid, confirm payment, cancel, no-show; who may do each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.contracts.behalf import record_act
from market.contracts.consent import check_walk_in_consent
from market.contracts.services import cancel_contract_of_order
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid
from market.core.geo import distance_km
from market.jobs.tables import Job
from market.notifications.outbox import announce
from market.orders.rules import service_rules
from market.orders.schemas import CancelIn, CheckInIn, ConfirmPaymentIn, OrderOut, PaidIn
from market.orders.tables import NoShow, Order, OrderEvent, OrderStatus
from market.orders.views import get_order, load_order_for, order_facts
from market.ranking.changes import record_change
from market.settings import get_settings
from market.stations.services import staff_of_station_near

__all__ = ["ACTS", "cancel_order", "cancel_orders_of_job", "check_in", "complete", "confirm_payment", "decide_no_show",
           "mark_paid", "object_to_no_show", "record_no_show"]

_STATUS_NAMES = {
    "accepted": ("已接单", "accepted"), "checked_in": ("已签到", "checked in"), "completed": ("已完工", "completed"),
    "paid": ("已付款", "paid"), "confirmed": ("已确认收款", "payment confirmed"), "cancelled": ("已取消", "cancelled"),
    "no_show": ("未到岗", "a no-show"),
}


@dataclass(frozen=True)
class Act:
    """One thing that can happen to an order: from which states, to which, by which party (and staff for them when
    `staff`; `by` empty: staff only), and its name in messages. Who may is decided by `policy.act_on_order`."""

    name: str
    allowed_from: frozenset[str]
    to: str
    by: frozenset[str]
    zh: str
    en: str
    staff: bool = True


ACTS = {
    act.name: act for act in (
        Act("check_in", frozenset({"accepted"}), "checked_in", frozenset({"worker"}), "签到", "check in"),
        Act("complete", frozenset({"accepted", "checked_in"}), "completed", frozenset({"employer"}), "确认完工",
            "mark it complete"),
        Act("paid", frozenset({"completed"}), "paid", frozenset({"employer"}), "登记付款", "mark it paid"),
        Act("confirm_payment", frozenset({"paid"}), "confirmed", frozenset({"worker"}), "确认收款",
            "confirm payment"),
        Act("cancel", frozenset({"accepted"}), "cancelled", frozenset({"worker", "employer"}), "取消", "cancel it"),
        # A no-show, the worker's objection to it, and staff's decision (`by` empty: staff only).
        Act("no_show", frozenset({"accepted"}), "no_show", frozenset({"employer"}), "登记未到岗",
            "record a no-show"),
        Act("no_show_objection", frozenset({"no_show"}), "no_show", frozenset({"worker"}), "对未到岗提出异议",
            "object to the no-show", staff=False),  # the worker's own word: not the employer's, not staff's
        Act("no_show_overturned", frozenset({"no_show"}), "accepted", frozenset(), "撤销未到岗登记",
            "remove the no-show"),
        Act("no_show_confirmed", frozenset({"no_show"}), "no_show", frozenset(), "维持未到岗登记",
            "keep the no-show"),
    )
}


def _local(at: Any) -> str:
    """A time as people at the market read it (month-day hour:minute in the market's zone)."""
    return f"{at.astimezone(get_settings().zone):%m-%d %H:%M}"


def _about(order: dict[str, Any]) -> dict[str, Any]:
    """What a notification about the order needs to say which order it is."""
    return {"order_id": order["id"], "title": order["job_title"], "starts_at": order["starts_at"].isoformat(),
            "worker_id": order["worker"], "worker_name": order["worker_name"]}


def _party_of(viewer: CurrentUser, order: dict[str, Any]) -> str:
    """What the viewer is to an order they may see: `worker`, `employer` or `staff`."""
    return policy.see_order(viewer, order_facts(order))


def _check_party(act: Act, order: dict[str, Any], viewer: CurrentUser) -> str:
    """The viewer's standing, if the act is theirs to do (or staff's for them); else 403 naming whose act it is."""
    return policy.act_on_order(viewer, order_facts(order), act.by, staff=act.staff)


def _check_state(act: Act, order: dict[str, Any]) -> None:
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
        _check_state(act, order)
    await record_change("order", order_id)
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
            raise Conflict("illegal_transition", status="已结束", status_en="over", action=act.zh, action_en=act.en)
        metres = round(distance_km(data.lat, data.lon, order["job_lat"], order["job_lon"]) * 1000)
        fence = rules.check_in_fence_m
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
        if clock.now() < order["starts_at"]:
            # Work cannot be done before it starts; a worker who forgot to check in is still paid after the start.
            raise Conflict("complete_before_start", starts=_local(order["starts_at"]),
                           starts_at=order["starts_at"].isoformat())
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
            raise Conflict("no_show_too_early", minutes=rules.no_show_grace_minutes, opens=_local(opens))
        if await _no_show_of(order_id) is not None:  # one overturned before: the worker did come
            raise Conflict("no_show_overturned")
        note = note.strip()
        await _apply(act, order_id, viewer, {}, _behalf(party, order, "employer"), note=note)
        due = now + timedelta(hours=rules.no_show_objection_hours)
        await NoShow(order=order_id, recorded_at=now, recorded_by=viewer.id, note=note, objection_due_at=due).save()
        told = [order["worker"]] + ([order["employer_id"]] if party == "staff" else [])
        await announce("order_no_show", told, {**_about(order), "objection_due_at": due.isoformat()},
                       key=str(order_id))
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
            raise Conflict("no_show_objection_closed", due=_local(record["objection_due_at"]))
        filed = await NoShow.update({NoShow.objected_at: now, NoShow.objection_note: note}).where(
            (NoShow.order == order_id) & NoShow.objected_at.is_null()).returning(NoShow.id)
        if not filed:
            raise Conflict("no_show_objection_filed")
        await _apply(act, order_id, viewer, {}, note=note)
        staff = await staff_of_station_near(order["job_lat"], order["job_lon"])
        await announce("no_show_objection", [order["employer_id"], *staff], {**_about(order), "note": note},
                       key=str(order_id))
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
        await announce(act.name, [order["worker"], order["employer_id"]], {**_about(order), "note": note},
                       key=str(order_id))
    return await get_order(order_id, viewer)
