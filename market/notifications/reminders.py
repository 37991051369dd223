"""Time-based notices about shifts, found by scanning for what is due (nothing depends on a job queued weeks earlier).

Each notice is announced with a key naming the order and the notice, so scanning again never repeats one. The
shift reminder goes to the worker two hours before the start; a missing check-in, 30 minutes after it, to both
parties. Wages past their pay-by time are watched by `market.wages` (graded warnings, told through
`market.notifications.wage_notices`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from market.core import clock
from market.core.database import write_transaction
from market.notifications.outbox import announce
from market.orders.tables import Order, OrderStatus

__all__ = ["MISSING_CHECK_IN_AFTER", "SHIFT_REMINDER_BEFORE", "scan_due_notices"]

SHIFT_REMINDER_BEFORE = timedelta(hours=2)
MISSING_CHECK_IN_AFTER = timedelta(minutes=30)


def _columns() -> list[Any]:
    return [Order.id, Order.worker, Order.starts_at, Order.agreed_pay_fen,
            Order.job.title.as_alias("title"), Order.job.address.as_alias("address"),  # type: ignore[union-attr]
            Order.job.employer.as_alias("employer")]  # type: ignore[union-attr]


def _payload(row: dict[str, Any]) -> dict[str, Any]:
    return {"order_id": row["id"], "title": row["title"], "starts_at": row["starts_at"].isoformat(),
            "address": row["address"], "amount_fen": row["agreed_pay_fen"], "worker_id": row["worker"]}


async def _shift_notices(now: datetime) -> int:
    soon = await Order.select(*_columns()).where((Order.status == OrderStatus.accepted) & (
        Order.starts_at > now) & (Order.starts_at <= now + SHIFT_REMINDER_BEFORE))
    for row in soon:
        await announce("shift_reminder", [row["worker"]], _payload(row), key=str(row["id"]))
    missing = await Order.select(*_columns()).where((Order.status == OrderStatus.accepted) & (
        Order.starts_at <= now - MISSING_CHECK_IN_AFTER) & (Order.starts_at > now - timedelta(days=1)))
    for row in missing:
        await announce("missing_check_in", [row["worker"], row["employer"]], _payload(row), key=str(row["id"]))
    return len(soon) + len(missing)


async def scan_due_notices() -> int:
    """Announce every shift reminder and missing check-in that is due now; safe to run as often as wanted."""
    async with write_transaction():
        return await _shift_notices(clock.now())
