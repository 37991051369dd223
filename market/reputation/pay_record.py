"""An employer's pay record as anyone reading one of their jobs may see it: deals over the last 12 months and the
share paid by the pay-by time, shown only from a minimum number of deals (below it: a new employer)."""

from __future__ import annotations

from datetime import timedelta

from market.core import clock
from market.jobs.schemas import EmployerPayRecord
from market.orders.tables import Order
from market.reputation.rules import DONE_STATUSES
from market.settings import get_settings

__all__ = ["PAY_RECORD_DAYS", "PAY_RECORD_MONTHS", "pay_record"]

PAY_RECORD_MONTHS = 12
"""The window the credit grade counts over (docs/credit.md), so the record and the grade speak of the same deals."""
PAY_RECORD_DAYS = 365


async def pay_record(employer_id: int) -> EmployerPayRecord:
    """Deals (completed orders) in the window and how they were paid; the figures only from `credit_min_deals`
    deals (the same minimum before anyone leaves grade B), else `new` with no figures at all."""
    minimum = get_settings().credit_min_deals
    now = clock.now()
    rows = await Order.select(Order.paid_at, Order.pay_due_at).where(
        (Order.job.employer == employer_id) & Order.status.is_in(list(DONE_STATUSES))  # type: ignore[union-attr]
        & (Order.completed_at >= now - timedelta(days=PAY_RECORD_DAYS)))
    if len(rows) < max(minimum, 1):
        return EmployerPayRecord(window_months=PAY_RECORD_MONTHS, min_deals=minimum, new=True)
    on_time = sum(1 for r in rows if r["paid_at"] is not None and r["paid_at"] <= r["pay_due_at"])
    late = sum(1 for r in rows if r["paid_at"] is not None and r["paid_at"] > r["pay_due_at"])
    overdue = sum(1 for r in rows if r["paid_at"] is None and r["pay_due_at"] < now)
    due = on_time + late + overdue  # deals whose pay-by time has come (the rest are still within it)
    return EmployerPayRecord(window_months=PAY_RECORD_MONTHS, min_deals=minimum, new=False, deals=len(rows),
                             paid_on_time_percent=round(100 * on_time / due) if due else None,
                             paid_late=late, unpaid_overdue=overdue)
