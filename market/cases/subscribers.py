"""A red wage warning opens a case by itself (or joins the employer's open case for the period), in the same
transaction as the warning, with each unpaid order's worker as a claimant; the case goes to the bureau's level.
A case closed as recovered in full takes its orders off the warning board (staff saw the money paid)."""

from __future__ import annotations

from market.cases import records
from market.cases.complaints import Filing, file_into_case, order_row
from market.cases.events import CaseClosed
from market.cases.tables import Claimant, Outcome, WageCase
from market.core.events import Phase, Subscriptions
from market.wages.events import WarningRaised
from market.wages.watch import settle_orders

__all__ = ["open_case_for_red_warning", "settle_recovered_orders", "subscribe"]

_NOTE = "红色预警自动立案"


async def open_case_for_red_warning(event: WarningRaised) -> None:
    """At red: each order of the warning becomes a claimant (unless already in a case not archived)."""
    if event.level != "red" or await WageCase.exists().where(WageCase.warning_id == event.warning_id):
        return
    for order_id in event.order_ids:
        held = await Claimant.select(Claimant.case).where(
            (Claimant.order == order_id) & (Claimant.case.status != "archived")).first()  # type: ignore[union-attr]
        if held is not None:
            case_id = held["case"]
        else:
            order = await order_row(order_id)
            owed = order["agreed_pay_fen"] - (order["paid_amount_fen"] or 0)
            case, _, _ = await file_into_case(order, Filing("unpaid", max(owed, 0), _NOTE, "warning", None))
            case_id = case["id"]
        await WageCase.update({WageCase.warning_id: event.warning_id}).where(
            (WageCase.id == case_id) & WageCase.warning_id.is_null())
        await records.escalate(await records.lock(case_id), None, "red_warning")


async def settle_recovered_orders(event: CaseClosed) -> None:
    """Recovered in full: the claimants' orders leave the warning board, which closes a warning left with none.

    Only this outcome: a partial recovery still owes, and a withdrawn or unfounded complaint says nothing about
    whether the pay came (the warning then waits for the worker's confirmation, as before)."""
    if event.outcome != Outcome.recovered_full:
        return
    orders = await Claimant.select(Claimant.order).where(Claimant.case == event.case_id)
    await settle_orders([row["order"] for row in orders], "recovered")


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the cases package's subscribers."""
    subscriptions.subscribe(WarningRaised, open_case_for_red_warning, phase=Phase.in_transaction,
                            name="cases.open_case_for_red_warning")
    subscriptions.subscribe(CaseClosed, settle_recovered_orders, phase=Phase.in_transaction,
                            name="cases.settle_recovered_orders")
