"""What orders do when a job changes: a cancelled job's orders not yet started are cancelled with it."""

from __future__ import annotations

from market.core.events import Phase, Subscriptions
from market.jobs.events import JobCancelled
from market.orders.lifecycle import cancel_orders_of_job

__all__ = ["subscribe"]


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the orders' subscribers (in the job's transaction)."""
    subscriptions.subscribe(JobCancelled, cancel_orders_of_job, phase=Phase.in_transaction,
                            name="orders.cancel_orders_of_job")
