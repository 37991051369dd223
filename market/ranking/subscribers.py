"""What matching must re-read: every change to a job, an order or a worker's profile adds a change row in the
writer's transaction, which every app process polls (`market.ranking.state`)."""

from __future__ import annotations

from market.accounts.events import ProfileChanged, ProfilesImported
from market.core.events import Phase, Subscriptions
from market.jobs.events import JobCancelled, JobPosted, JobsHeld, JobsImported
from market.orders.events import OrderChanged
from market.ranking.changes import record_change, record_changes

__all__ = ["subscribe"]


async def _job(event: JobPosted | JobCancelled) -> None:
    await record_change("job", event.job_id)


async def _order(event: OrderChanged) -> None:
    await record_change("order", event.order_id)  # the worker's bookings and the job's filled count


async def _profile(event: ProfileChanged) -> None:
    if event.role == "worker":
        await record_change("worker", event.user_id)


async def _imported_profiles(event: ProfilesImported) -> None:
    if event.role == "worker":
        await record_changes("worker", event.user_ids)


async def _imported_jobs(event: JobsImported | JobsHeld) -> None:
    await record_changes("job", event.job_ids)


def subscribe(subscriptions: Subscriptions) -> None:
    """Register matching's subscribers (all in the writer's transaction)."""
    subscriptions.subscribe(JobPosted, _job, phase=Phase.in_transaction, name="matching_changes.job")
    subscriptions.subscribe(JobCancelled, _job, phase=Phase.in_transaction, name="matching_changes.job")
    subscriptions.subscribe(OrderChanged, _order, phase=Phase.in_transaction, name="matching_changes.order")
    subscriptions.subscribe(ProfileChanged, _profile, phase=Phase.in_transaction, name="matching_changes.worker")
    subscriptions.subscribe(ProfilesImported, _imported_profiles, phase=Phase.in_transaction,
                            name="matching_changes.worker")
    subscriptions.subscribe(JobsImported, _imported_jobs, phase=Phase.in_transaction, name="matching_changes.job")
    subscriptions.subscribe(JobsHeld, _imported_jobs, phase=Phase.in_transaction, name="matching_changes.job")
