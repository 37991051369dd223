"""One job as its reader needs it: how far it is, how to get there, and (for a worker) why it suits them."""

from __future__ import annotations

from dataclasses import replace

import msgspec

from market.accounts.auth import CurrentUser
from market.accounts.tables import Role
from market.core.geo import distance_km
from market.jobs.schemas import JobOut
from market.jobs.services import get_job
from market.places.navigation import navigation
from market.ranking.loading import JOB_REACH_KM, job_posting, load_worker_at
from market.reputation.pay_record import pay_record
from market.workers.tables import WorkerProfile
from matching.oracle import pair_score
from matching.scoring import EMPLOYER_GRADE_ADJUSTMENT

__all__ = ["read_job"]


async def _worker_home(worker_id: int) -> tuple[float, float] | None:
    row = await WorkerProfile.select(WorkerProfile.lat, WorkerProfile.lon).where(
        WorkerProfile.user == worker_id).first()
    return (row["lat"], row["lon"]) if row and row["lat"] is not None else None


async def read_job(job_id: int, viewer: CurrentUser, lat: float | None, lon: float | None) -> JobOut:
    """The job with `navigation` and the employer's pay record; `distance_km` from (lat, lon) when given (the
    phone's position), else from a worker's home; for a worker whose trades fit it, the radar's `score`,
    `matched_skills` and `breakdown`."""
    job = await get_job(job_id)
    job = msgspec.structs.replace(job, navigation=navigation(job.location.lat, job.location.lon,
                                                             job.location.address),
                                  employer_record=await pay_record(job.employer.id))
    if viewer.role != Role.worker:
        if lat is None or lon is None:
            return job
        return msgspec.structs.replace(job, distance_km=round(distance_km(lat, lon, job.location.lat,
                                                                          job.location.lon), 2))
    point = (lat, lon) if lat is not None and lon is not None else await _worker_home(viewer.id)
    if point is None:
        return job
    job = msgspec.structs.replace(job, distance_km=round(distance_km(*point, job.location.lat, job.location.lon), 2))
    worker = await load_worker_at(viewer.id, point[0], point[1])
    if worker is None:
        return job
    row = {"id": job.id, "lat": job.location.lat, "lon": job.location.lon, "skills": job.skills,
           "starts_at": job.starts_at, "ends_at": job.ends_at, "title": job.title}
    # The radar's rule for one pair, without the worker's own radius (they opened the job: say why it fits anyway).
    fit = pair_score(replace(worker, max_distance_km=JOB_REACH_KM, bookings=()), job_posting(row))
    if fit is None:
        return job
    score, _, matched, breakdown = fit
    grade = EMPLOYER_GRADE_ADJUSTMENT.get(job.employer.credit_grade, 0.0)
    return msgspec.structs.replace(job, score=round(min(1.0, max(0.0, score + grade)), 4),
                                   matched_skills=[(r, h, round(s, 4)) for r, h, s in matched],
                                   breakdown={**breakdown, "employer_grade": grade})
