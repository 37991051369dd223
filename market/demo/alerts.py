"""The demo employer's pool (熟手): every demo worker who finished a job for them, so the pool screen is not empty."""

from __future__ import annotations

from market.accounts.tables import User
from market.alerts.pool import WORKED_TOGETHER, add_to_pool
from market.demo.city_logins import DEMO_EMPLOYER
from market.orders.tables import Order

__all__ = ["seed_pool"]


async def seed_pool() -> int:
    """Put the demo employer's finished workers in their pool (through the pool's own service); how many."""
    employer = await User.select(User.id).where(User.phone == DEMO_EMPLOYER.phone).first()
    if employer is None:
        return 0
    rows = await Order.select(Order.worker).where(
        Order.status.is_in(list(WORKED_TOGETHER)) & (Order.job.employer == employer["id"]))  # type: ignore[union-attr]
    workers = sorted({row["worker"] for row in rows})
    for worker in workers:
        await add_to_pool(employer["id"], worker)
    return len(workers)
