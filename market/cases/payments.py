"""The employer paying through a case: recorded on the order as its payment (`PaymentMarked`, as the order's own
paid act records it) and against the claimant, so the worker confirms it on the order as usual."""

from __future__ import annotations

from typing import Any

from market.accounts.auth import CurrentUser
from market.cases import trail
from market.cases.tables import Claimant
from market.core import clock
from market.core.errors import Conflict, Invalid
from market.core.events import record
from market.orders.events import PaymentMarked
from market.orders.tables import Order, OrderEvent, OrderStatus

__all__ = ["PAYABLE", "record_payment"]

PAYABLE = (OrderStatus.completed, OrderStatus.paid, OrderStatus.confirmed)
"""Orders a case payment can go on: completed (first payment) or paid already (a top-up of a short payment)."""


async def record_payment(case: dict[str, Any], claimants: list[dict[str, Any]], index: int, order_id: int,
                         amount_fen: int, viewer: CurrentUser, number: str) -> None:
    """Record `amount_fen` paid on one of the case's orders (inside the reply's write transaction)."""
    claimant = next((c for c in claimants if c["order"] == order_id), None)
    if claimant is None:
        raise Invalid.field(f"payments.{index}.order_id", "case_order_unknown")
    order = await Order.select().where(Order.id == order_id).first()
    assert order is not None
    if order["status"] not in PAYABLE:
        raise Conflict("case_payment_not_completed", title=claimant["order_title"])
    now, note = clock.now(), f"案件{number}付款"
    total = (order["paid_amount_fen"] or 0) + amount_fen if order["status"] != OrderStatus.completed else amount_fen
    status = OrderStatus.paid if order["status"] == OrderStatus.completed else order["status"]
    await Order.update({Order.status: status, Order.paid_at: order["paid_at"] or now, Order.paid_amount_fen: total,
                        Order.payment_note: note, Order.updated_at: now}).where(Order.id == order_id)
    await OrderEvent(order=order_id, action="paid", from_status=order["status"], to_status=status, actor=viewer.id,
                     at=now, note=note).save()
    await Claimant.update({Claimant.recovered_fen: Claimant.recovered_fen + amount_fen}).where(
        Claimant.id == claimant["id"])
    await trail.append(case["id"], "payment", viewer.id, {"complaint_id": claimant["id"], "order_id": order_id,
                                                          "worker_id": claimant["worker"], "amount_fen": amount_fen,
                                                          "paid_total_fen": total})
    record(PaymentMarked(order_id=order_id, job_id=order["job"], worker_id=order["worker"],
                         employer_id=case["employer"], title=claimant["order_title"], starts_at=order["starts_at"],
                         worker_name=claimant["worker_name"], actor_id=viewer.id, amount_fen=total,
                         agreed_fen=order["agreed_pay_fen"], note=note))
