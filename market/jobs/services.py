"""Posting, reading, listing and cancelling jobs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Forbidden, Invalid, NotFound
from market.core.events import record
from market.employers.services import ensure_employer
from market.employers.tables import Employer
from market.jobs.events import JobCancelled, JobPosted
from market.jobs.holding import count_open_jobs
from market.jobs.listing import job_out
from market.jobs.schemas import JobCreate, JobOut
from market.jobs.tables import Job, JobStatus
from market.places.consistency import check_location
from market.settings import get_settings

__all__ = ["cancel_job", "create_job", "get_job", "load_job"]

MAX_DAYS_AHEAD = 90
MAX_DURATION_DAYS = 31


def _check_times(data: JobCreate) -> None:
    now = clock.now()
    if data.starts_at <= now:
        raise Invalid.field("starts_at", "starts_in_past")
    if data.starts_at > now + timedelta(days=MAX_DAYS_AHEAD):
        raise Invalid.field("starts_at", "too_far_ahead", days=MAX_DAYS_AHEAD)
    if data.ends_at <= data.starts_at:
        raise Invalid.field("ends_at", "ends_before_start")
    if data.ends_at - data.starts_at > timedelta(days=MAX_DURATION_DAYS):
        raise Invalid.field("ends_at", "too_long_duration", days=MAX_DURATION_DAYS)


def _clean_skills(skills: list[str]) -> list[str]:
    cleaned: list[str] = []
    for index, name in enumerate(skills):
        name = name.strip()
        if not name:
            raise Invalid.field(f"skills[{index}]", "blank")
        if name in cleaned:
            raise Invalid.field(f"skills[{index}]", "duplicate_skill", name=name)
        cleaned.append(name)
    return cleaned


async def _employer_for(data: JobCreate, poster: CurrentUser) -> int:
    if not poster.is_staff:
        return poster.id
    if data.employer_id is None:
        raise Invalid.field("employer_id", "required")
    if not await User.exists().where((User.id == data.employer_id) & (User.role == Role.employer)):
        raise Invalid.field("employer_id", "bad_value")
    return data.employer_id


async def _check_standing(employer_id: int) -> None:
    """Barred (失信, grade D, or by the back office): no posting; grade C (信用预警): a cap on open jobs."""
    row = await Employer.select(Employer.barred, Employer.credit_grade).where(Employer.user == employer_id).first()
    if row and row["barred"]:
        raise Forbidden("employer_barred")
    cap = get_settings().credit_c_open_jobs
    if row and row["credit_grade"] == "C" and await count_open_jobs(employer_id) >= cap:
        raise Conflict("credit_open_jobs_cap", cap=cap)


async def create_job(data: JobCreate, poster: CurrentUser) -> JobOut:
    """Post a job for the poster (an employer) or, by staff, for the named employer."""
    if data.employer_id is not None and not poster.is_staff:
        raise Invalid.field("employer_id", "unknown_field")
    title = data.title.strip()
    if len(title) < 2:
        raise Invalid.field("title", "too_short", min=2)
    skills = _clean_skills(data.skills)
    _check_times(data)
    employer_id = await _employer_for(data, poster)
    await check_location(data.location.lat, data.location.lon, data.location.address,
                         confirmed=data.location.confirm_far_position)
    await ensure_employer(employer_id)
    await _check_standing(employer_id)
    job = Job(
        employer=employer_id, posted_by=poster.id, title=title, description=data.description.strip(),
        skills=skills, address=data.location.address.strip(), lat=data.location.lat, lon=data.location.lon,
        starts_at=data.starts_at, ends_at=data.ends_at, headcount=data.headcount, filled=0,
        pay_amount_fen=data.pay.amount_fen, pay_unit=data.pay.unit, pay_due_hours=data.pay_due_hours,
        status=JobStatus.open, created_at=clock.now(),
    )
    async with write_transaction():
        await job.save()
        record(JobPosted(job_id=job.id, employer_id=employer_id, poster_id=poster.id,
                         channel="station" if poster.is_staff else "app"))
    return await get_job(job.id)


async def load_job(job_id: int) -> dict[str, Any]:
    """The job row as a dict, or NotFound."""
    row = await Job.select().where(Job.id == job_id).output(load_json=True).first()
    if row is None:
        raise NotFound("job_not_found")
    return row


async def get_job(job_id: int) -> JobOut:
    """One job with its employer's name and grade."""
    row = await load_job(job_id)
    employer = await Employer.select(Employer.user, Employer.name, Employer.credit_grade).where(
        Employer.user == row["employer"]).first()
    return job_out(row, {row["employer"]: employer} if employer else {})


async def cancel_job(job_id: int, actor: CurrentUser) -> JobOut:
    """Stop hiring: the job closes; its orders not yet started are cancelled by the employer (counted if late) by
    the orders package's subscriber to `JobCancelled`, in the same transaction."""
    async with write_transaction():
        job = await load_job(job_id)
        policy.manage_job(actor, policy.JobFacts(employer_id=job["employer"]))
        if job["status"] != JobStatus.open:
            raise Conflict("job_not_open")
        await Job.update({Job.status: JobStatus.cancelled, Job.cancelled_at: clock.now()}).where(Job.id == job_id)
        record(JobCancelled(job_id=job_id, employer_id=job["employer"], title=job["title"], actor=actor))
    return await get_job(job_id)
