"""Time-based notices, found by scanning for what is due (nothing depends on a job queued weeks earlier).

Each notice is announced with a key naming the order and the notice, so scanning again never repeats one.
Wage warnings escalate: due (employer and worker), blue after 1 day (employer), yellow after 3 days (employer and
the staff of the station nearest the site), red after 7 days (employer and the supervisors). A scan sends an
order only the level it has reached: one found 8 days late hears red, not due, blue, yellow and red at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import write_transaction
from market.notifications.outbox import announce
from market.orders.tables import Order, OrderStatus
from market.stations.services import staff_of_station_near

__all__ = ["MISSING_CHECK_IN_AFTER", "SHIFT_REMINDER_BEFORE", "WAGE_STEPS", "scan_due_notices"]

SHIFT_REMINDER_BEFORE = timedelta(hours=2)
MISSING_CHECK_IN_AFTER = timedelta(minutes=30)
LOOK_BACK = timedelta(days=30)
_UNPAID = [OrderStatus.accepted, OrderStatus.checked_in, OrderStatus.completed]
WAGE_STEPS = [("payment_due", timedelta(0)), ("payment_overdue_blue", timedelta(days=1)),
              ("payment_overdue_yellow", timedelta(days=3)), ("payment_overdue_red", timedelta(days=7))]
"""The wage notices, each with how long after the pay was due it goes out."""


def _columns() -> list[Any]:
    return [Order.id, Order.worker, Order.starts_at, Order.pay_due_at, Order.agreed_pay_fen,
            Order.job.title.as_alias("title"), Order.job.address.as_alias("address"),  # type: ignore[union-attr]
            Order.job.lat.as_alias("lat"), Order.job.lon.as_alias("lon"),  # type: ignore[union-attr]
            Order.job.employer.as_alias("employer")]  # type: ignore[union-attr]


def _payload(row: dict[str, Any]) -> dict[str, Any]:
    return {"order_id": row["id"], "title": row["title"], "starts_at": row["starts_at"].isoformat(),
            "address": row["address"], "amount_fen": row["agreed_pay_fen"], "worker_id": row["worker"]}


async def _supervisors() -> list[int]:
    return [r["id"] for r in await User.select(User.id).where((User.role == Role.admin) & User.is_active.eq(True))]


async def _wage_recipients(step: str, row: dict[str, Any]) -> list[int]:
    if step == "payment_due":
        return [row["employer"], row["worker"]]
    if step == "payment_overdue_yellow":
        return [row["employer"], *await staff_of_station_near(row["lat"], row["lon"])]
    if step == "payment_overdue_red":
        return [row["employer"], *await _supervisors()]
    return [row["employer"]]


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


def _level_reached(pay_due_at: datetime, now: datetime) -> str:
    """The highest wage step an unpaid order has reached by `now` (the steps below it are history)."""
    return [step for step, after in WAGE_STEPS if pay_due_at <= now - after][-1]


async def _wage_notices(now: datetime) -> int:
    # An order found late (the scanner was down, or it was due long ago) hears only the level it has reached;
    # a level it already heard is never repeated, and the levels it skipped are not sent at all.
    oldest = WAGE_STEPS[-1][1] + LOOK_BACK
    rows = await Order.select(*_columns()).where(Order.status.is_in(_UNPAID) & (Order.pay_due_at <= now) & (
        Order.pay_due_at > now - oldest))
    count = 0
    for row in rows:
        step = _level_reached(row["pay_due_at"], now)
        after = dict(WAGE_STEPS)[step]
        if row["pay_due_at"] <= now - after - LOOK_BACK:
            continue
        await announce(step, await _wage_recipients(step, row), _payload(row), key=str(row["id"]))
        count += 1
    return count


async def scan_due_notices() -> int:
    """Announce every reminder and warning that is due now; safe to run as often as wanted."""
    now = clock.now()
    async with write_transaction():
        return await _shift_notices(now) + await _wage_notices(now)
