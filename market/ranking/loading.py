"""Reading what matching knows from the database: workers with their record (the reputation window) and bookings,
and open jobs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from market.accounts.tables import Role
from market.core import clock
from market.employers.tables import Employer
from market.jobs.tables import Job, JobStatus
from market.orders.tables import Order, OrderStatus
from market.reputation.records import worker_records
from market.reputation.reliability import Record
from market.reputation.rules import reputation_rules
from market.workers.tables import WorkerProfile as ProfileRow
from matching import HeldSkill, JobPosting, TimeSlot, WorkerProfile

__all__ = ["JOB_REACH_KM", "barred_employers", "employer_grades", "job_posting", "load_jobs", "load_worker_at",
           "load_workers",
           "order_parties"]

JOB_REACH_KM = 50.0
"""How far a job looks for workers at most; the worker's own travel radius is usually the tighter limit."""

_LIVE = [OrderStatus.accepted, OrderStatus.checked_in]


def _held(skills: Any) -> tuple[HeldSkill, ...]:
    return tuple(HeldSkill(str(s["name"]), float(s.get("years", 0)), bool(s.get("certified", False)))
                 for s in skills or [])


async def _bookings(ids: list[int] | None) -> dict[int, list[TimeSlot]]:
    """Live bookings (accepted or checked-in orders not yet over) of these workers (every worker when None)."""
    slots: dict[int, list[TimeSlot]] = defaultdict(list)
    query = Order.select(Order.worker, Order.starts_at, Order.ends_at).where(
        Order.status.is_in(_LIVE) & (Order.ends_at > clock.now()))
    if ids is not None:
        query = query.where(Order.worker.is_in(ids))
    for row in await query:
        slots[row["worker"]].append(TimeSlot(row["starts_at"], row["ends_at"]))
    return slots


def _rating(record: Record) -> tuple[float | None, int]:
    """What matching hears of the worker's stars: nothing below the minimum count (as the reputation shows)."""
    if record.ratings < reputation_rules().min_count:
        return None, 0
    return record.mean_stars, record.ratings


async def load_workers(ids: Iterable[int] | None = None) -> dict[int, WorkerProfile | None]:
    """Matchable workers (active, with a position) keyed by user id; with `ids`, the unmatchable ones map to None."""
    wanted = None if ids is None else list(set(ids))
    if wanted == []:
        return {}
    query = ProfileRow.select(
        ProfileRow.user, ProfileRow.user.name.as_alias("name"), ProfileRow.skills, ProfileRow.lat, ProfileRow.lon,
        ProfileRow.max_distance_km,
    ).where(ProfileRow.lat.is_not_null() & ProfileRow.lon.is_not_null()).where(
        ProfileRow.user.is_active == True,  # noqa: E712 (a column comparison, not a truth test)
        ProfileRow.user.role == Role.worker,
    ).output(load_json=True)
    if wanted is not None:
        query = query.where(ProfileRow.user.is_in(wanted))
    rows = await query
    records, bookings = await worker_records(wanted), await _bookings(wanted)
    found: dict[int, WorkerProfile | None] = dict.fromkeys(wanted or [])
    for row in rows:
        worker_id = row["user"]
        record = records.get(worker_id) or Record()
        rating, ratings = _rating(record)
        found[worker_id] = WorkerProfile(
            worker_id=worker_id, lat=row["lat"], lon=row["lon"], skills=_held(row["skills"]),
            max_distance_km=float(row["max_distance_km"]), display_name=row["name"],
            completed=record.completed, no_shows=record.no_shows, late_cancels=record.late_cancels, rating=rating,
            ratings=ratings,
            bookings=tuple(sorted(bookings.get(worker_id, []), key=lambda s: s.starts_at)),
        )
    return found


def job_posting(row: dict[str, Any], radius_km: float = JOB_REACH_KM, grade: str | None = None) -> JobPosting:
    """The matching view of a job row; `grade` is its employer's credit grade (it moves the job on the radar)."""
    return JobPosting(job_id=row["id"], lat=row["lat"], lon=row["lon"], skills=tuple(row["skills"]),
                      starts_at=row["starts_at"], ends_at=row["ends_at"], radius_km=radius_km, title=row["title"],
                      employer_grade=grade)


async def employer_grades(employer_ids: Iterable[int]) -> dict[int, str]:
    """Credit grades by employer user id."""
    ids = list(set(employer_ids))
    if not ids:
        return {}
    rows = await Employer.select(Employer.user, Employer.credit_grade).where(Employer.user.is_in(ids))
    return {row["user"]: row["credit_grade"] for row in rows}


async def barred_employers(employer_ids: Iterable[int]) -> set[int]:
    """The employers among these (user ids) barred from posting (`market.employers.barring`)."""
    ids = list(set(employer_ids))
    if not ids:
        return set()
    rows = await Employer.select(Employer.user).where(Employer.user.is_in(ids) & Employer.barred.eq(True))
    return {row["user"] for row in rows}


async def load_jobs(ids: Iterable[int] | None = None) -> dict[int, JobPosting | None]:
    """Open jobs that have not started and still have room, keyed by id; with `ids`, the others map to None."""
    wanted = None if ids is None else list(set(ids))
    if wanted == []:
        return {}
    query = Job.select(Job.id, Job.employer, Job.lat, Job.lon, Job.skills, Job.starts_at, Job.ends_at,
                       Job.title).where(
        (Job.status == JobStatus.open) & (Job.starts_at > clock.now()) & (Job.filled < Job.headcount)
    ).where(Job.employer.is_active == True).output(load_json=True)  # noqa: E712 (a column comparison)
    if wanted is not None:
        query = query.where(Job.id.is_in(wanted))
    found: dict[int, JobPosting | None] = dict.fromkeys(wanted or [])
    rows = await query
    grades = await employer_grades(row["employer"] for row in rows)
    barred = await barred_employers(row["employer"] for row in rows)
    for row in rows:
        if row["employer"] not in barred:  # a barred employer's open jobs leave the radar until unbarred
            found[row["id"]] = job_posting(row, grade=grades.get(row["employer"]))
    return found


async def order_parties(order_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """The workers and jobs of these orders: an order change touches both."""
    ids = list(set(order_ids))
    if not ids:
        return set(), set()
    rows = await Order.select(Order.worker, Order.job).where(Order.id.is_in(ids))
    return {r["worker"] for r in rows}, {r["job"] for r in rows}


async def load_worker_at(worker_id: int, lat: float | None, lon: float | None) -> WorkerProfile | None:
    """The worker as matching sees them, at the point given (else their home); None without skills or a point."""
    profile = (await load_workers([worker_id])).get(worker_id)
    if profile is None:
        row = await ProfileRow.select(ProfileRow.skills, ProfileRow.max_distance_km).where(
            ProfileRow.user == worker_id).output(load_json=True).first()
        if row is None or lat is None or lon is None:
            return None
        profile = WorkerProfile(worker_id=worker_id, lat=lat, lon=lon, skills=_held(row["skills"]),
                                max_distance_km=float(row["max_distance_km"]))
    if lat is not None and lon is not None:
        profile = replace(profile, lat=lat, lon=lon)
    return profile if profile.skills else None
