"""What matching must re-read: every change to a job, an order or a worker's profile adds a change row in the
writer's transaction, which every app process polls (`market.ranking.state`)."""

from __future__ import annotations

from typing import Any

from litestar.datastructures import State

from market.accounts.auth import CurrentUser
from market.accounts.events import (
    AccountChanged,
    AccountDeactivated,
    AccountReactivated,
    ProfileChanged,
    ProfilesImported,
)
from market.accounts.first_page import provide_first_page
from market.accounts.tables import Role
from market.core.events import Phase, Subscriptions
from market.employers.events import EmployerBarred, EmployerUnbarred
from market.jobs.events import JobCancelled, JobPosted, JobsHeld, JobsImported
from market.jobs.listing import JobFilter
from market.jobs.tables import Job, JobStatus
from market.orders.events import OrderChanged
from market.ranking.changes import record_change, record_changes
from market.ranking.services import browse_jobs
from market.ranking.state import live_matching
from market.reputation.events import RatingGiven, RatingObjectionDecided

__all__ = ["subscribe"]


async def _job(event: JobPosted | JobCancelled) -> None:
    await record_change("job", event.job_id)


async def _order(event: OrderChanged) -> None:
    await record_change("order", event.order_id)  # the worker's bookings and the job's filled count


async def _profile(event: ProfileChanged) -> None:
    if event.role in ("worker", "employer"):
        await record_change(event.role, event.user_id)


async def _account(event: AccountChanged) -> None:
    await record_change("account", event.user_id)


async def _imported_profiles(event: ProfilesImported) -> None:
    if event.role == "worker":
        await record_changes("worker", event.user_ids)


async def _imported_jobs(event: JobsImported | JobsHeld) -> None:
    await record_changes("job", event.job_ids)


async def _radar_first_page(state: State, worker: CurrentUser) -> Any:
    """The worker's radar as the phone asks for it first (`GET /api/jobs?limit=20`), answered with the login."""
    everything = JobFilter(lat=None, lon=None, radius_km=None, skill=None, q=None, mine=False)
    return await browse_jobs(live_matching(state), worker, everything, 20, 0)


async def _rating(event: RatingGiven | RatingObjectionDecided) -> None:
    await record_change("worker", event.worker_id)  # the worker's ratings (reputation) moved


async def _employer_jobs(event: EmployerBarred | EmployerUnbarred) -> None:
    """A barred employer's open jobs leave the radar; unbarred, they come back."""
    rows = await Job.select(Job.id).where((Job.employer == event.employer_id) & (Job.status == JobStatus.open))
    await record_changes("job", [row["id"] for row in rows])


async def _account_closed(event: AccountDeactivated | AccountReactivated) -> None:
    """A closed worker account leaves the candidates; a closed employer's open jobs leave the radar; every process
    forgets the user row its logins were checked against."""
    await record_change("account", event.user_id)
    if event.role == "worker":
        await record_change("worker", event.user_id)
    elif event.role == "employer":
        rows = await Job.select(Job.id).where((Job.employer == event.user_id) & (Job.status == JobStatus.open))
        await record_changes("job", [row["id"] for row in rows])


def subscribe(subscriptions: Subscriptions) -> None:
    """Register matching's subscribers (all in the writer's transaction), and the worker's first page at login."""
    provide_first_page(Role.worker, _radar_first_page)
    subscriptions.subscribe(JobPosted, _job, phase=Phase.in_transaction, name="matching_changes.job")
    subscriptions.subscribe(JobCancelled, _job, phase=Phase.in_transaction, name="matching_changes.job")
    subscriptions.subscribe(OrderChanged, _order, phase=Phase.in_transaction, name="matching_changes.order")
    subscriptions.subscribe(ProfileChanged, _profile, phase=Phase.in_transaction, name="matching_changes.worker")
    subscriptions.subscribe(AccountChanged, _account, phase=Phase.in_transaction, name="matching_changes.account")
    subscriptions.subscribe(ProfilesImported, _imported_profiles, phase=Phase.in_transaction,
                            name="matching_changes.worker")
    subscriptions.subscribe(JobsImported, _imported_jobs, phase=Phase.in_transaction, name="matching_changes.job")
    subscriptions.subscribe(RatingGiven, _rating, phase=Phase.in_transaction, name="matching_changes.rating")
    subscriptions.subscribe(RatingObjectionDecided, _rating, phase=Phase.in_transaction,
                            name="matching_changes.rating")
    subscriptions.subscribe(EmployerBarred, _employer_jobs, phase=Phase.in_transaction, name="matching_changes.barred")
    subscriptions.subscribe(EmployerUnbarred, _employer_jobs, phase=Phase.in_transaction,
                            name="matching_changes.barred")
    subscriptions.subscribe(AccountDeactivated, _account_closed, phase=Phase.in_transaction,
                            name="matching_changes.account_closed")
    subscriptions.subscribe(AccountReactivated, _account_closed, phase=Phase.in_transaction,
                            name="matching_changes.account_closed")
    subscriptions.subscribe(JobsHeld, _imported_jobs, phase=Phase.in_transaction, name="matching_changes.job")
