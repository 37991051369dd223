"""The figures hear every job and order change and mark the job to be recounted, in the writer's transaction."""

from __future__ import annotations

from market.core.events import Phase, Subscriptions
from market.jobs.events import JobCancelled, JobPosted, JobsImported
from market.orders.events import OrderChanged
from market.stats.rollup import mark_stale_jobs

__all__ = ["subscribe"]


async def _order_changed(event: OrderChanged) -> None:
    await mark_stale_jobs([event.job_id])


async def _job_changed(event: JobPosted | JobCancelled) -> None:
    await mark_stale_jobs([event.job_id])


async def _jobs_imported(event: JobsImported) -> None:
    await mark_stale_jobs(event.job_ids)


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the figures' subscribers (in the transaction: a change and its stale mark commit together)."""
    subscriptions.subscribe(OrderChanged, _order_changed, phase=Phase.in_transaction, name="stats.order_changed")
    subscriptions.subscribe(JobPosted, _job_changed, phase=Phase.in_transaction, name="stats.job_posted")
    subscriptions.subscribe(JobCancelled, _job_changed, phase=Phase.in_transaction, name="stats.job_cancelled")
    subscriptions.subscribe(JobsImported, _jobs_imported, phase=Phase.in_transaction, name="stats.jobs_imported")
