"""Holding an employer's open jobs while they may not hire (a D grade, 失信) and releasing them when it is lifted."""

from __future__ import annotations

from market.core import clock
from market.core.events import record
from market.jobs.events import JobsHeld
from market.jobs.tables import Job, JobStatus

__all__ = ["count_open_jobs", "hold_jobs", "release_jobs"]


async def count_open_jobs(employer_id: int) -> int:
    """The employer's jobs still open for hiring (not started, not cancelled or held)."""
    return await Job.count().where((Job.employer == employer_id) & (Job.status == JobStatus.open)
                                   & (Job.starts_at > clock.now()))


async def hold_jobs(employer_id: int) -> tuple[int, ...]:
    """Hold every open job of the employer (call inside a write transaction); the ids held."""
    rows = await Job.update({Job.status: JobStatus.held}).where(
        (Job.employer == employer_id) & (Job.status == JobStatus.open)).returning(Job.id)
    ids = tuple(row["id"] for row in rows)
    if ids:
        record(JobsHeld(job_ids=ids, employer_id=employer_id, held=True))
    return ids


async def release_jobs(employer_id: int) -> tuple[int, ...]:
    """Open again the employer's held jobs (call inside a write transaction); the ids released."""
    rows = await Job.update({Job.status: JobStatus.open}).where(
        (Job.employer == employer_id) & (Job.status == JobStatus.held)).returning(Job.id)
    ids = tuple(row["id"] for row in rows)
    if ids:
        record(JobsHeld(job_ids=ids, employer_id=employer_id, held=False))
    return ids
