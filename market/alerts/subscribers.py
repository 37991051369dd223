"""The alerts package hears of new jobs: a posted job gets its tiers planned, in the posting's transaction."""

from __future__ import annotations

from market.alerts.sending import plan_tiers
from market.core.events import Phase, Subscriptions
from market.jobs.events import JobPosted

__all__ = ["subscribe"]


async def _posted(event: JobPosted) -> None:
    await plan_tiers(event.job_id)


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the planner (in the writer's transaction: a job is never posted without its tiers)."""
    subscriptions.subscribe(JobPosted, _posted, phase=Phase.in_transaction, name="alerts.plan_tiers")
