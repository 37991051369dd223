"""Who hears of a job in each tier: its employer's pool, then its best-ranked candidates, then the rest in range.

Ranking is matching's own (`WorkerIndex.rank_candidates`, the rule behind `GET /api/jobs/{id}/candidates`). Given
the process's live matching state (`LiveMatching`: the app's, the background worker's, the simulation's) it ranks
in that city-wide index, polled first, in milliseconds; without one it loads the workers living within reach of
the site and ranks in an index of just them (the same ranking: a worker's score depends on nobody else), which
costs a query and an index build per tier.
"""

from __future__ import annotations

import math
from typing import Any

from market.alerts.pool import pool_of
from market.alerts.tables import AlertSettings, Invitation, JobAlert, Tier
from market.core import clock
from market.jobs.tables import JobStatus
from market.orders.tables import Order
from market.ranking.loading import JOB_REACH_KM, job_posting, load_workers
from market.ranking.state import LiveMatching
from market.settings import get_settings
from market.workers.tables import WorkerProfile
from matching import Candidate, WorkerIndex
from matching import WorkerProfile as WorkerProfileView
from matching.geo import local_km

__all__ = ["candidates_for", "opted_in", "tier_audience", "why_closed"]

_KM_PER_DEGREE = 111.2
_CHUNK = 900


def why_closed(row: dict[str, Any]) -> str | None:
    """Why the job takes nobody now (`job_not_open`, `job_started`, `job_full`), or None while it is open, not full
    and not started."""
    if row["status"] != JobStatus.open:
        return "job_not_open"
    if row["starts_at"] <= clock.now():
        return "job_started"
    if row["filled"] >= row["headcount"]:
        return "job_full"
    return None


async def _near(row: dict[str, Any]) -> list[int]:
    """Workers whose home lies in the box around the site that the farthest reach fits in."""
    dlat = JOB_REACH_KM / _KM_PER_DEGREE
    dlon = dlat / max(math.cos(math.radians(row["lat"])), 0.01)
    found = await WorkerProfile.select(WorkerProfile.user).where(
        WorkerProfile.lat.is_not_null() & (WorkerProfile.lat >= row["lat"] - dlat)
        & (WorkerProfile.lat <= row["lat"] + dlat) & (WorkerProfile.lon >= row["lon"] - dlon)
        & (WorkerProfile.lon <= row["lon"] + dlon))
    return [r["user"] for r in found]


async def candidates_for(row: dict[str, Any], limit: int, matching: LiveMatching | None = None) -> list[Candidate]:
    """The job's candidates, best first, as the candidates list ranks them (those holding an order left out); from
    `matching`'s live index when given, else from an index of the workers near the site built for this call."""
    holding = await _holders(row["id"])
    posting = job_posting(row, JOB_REACH_KM)
    if matching is not None:
        return (await matching.current()).workers.rank_candidates(posting, limit, exclude=holding)
    near = await _near(row)
    profiles = []
    for start in range(0, len(near), _CHUNK):  # SQLite caps the parameters of one statement
        profiles += [p for p in (await load_workers(near[start:start + _CHUNK])).values() if p is not None]
    if not profiles:
        return []
    return WorkerIndex.build(profiles).rank_candidates(posting, limit, exclude=holding)


async def _holders(job_id: int) -> set[int]:
    return {r["worker"] for r in await Order.select(Order.worker).where(Order.job == job_id)}


async def opted_in(worker_ids: list[int]) -> set[int]:
    """Those of the workers who turned alerts on with at least one channel."""
    if not worker_ids:
        return set()
    rows = await AlertSettings.select(AlertSettings.worker).where(
        AlertSettings.worker.is_in(worker_ids) & AlertSettings.enabled.eq(True)
        & (AlertSettings.by_sms.eq(True) | AlertSettings.by_app.eq(True)))
    return {r["worker"] for r in rows}


async def _already(job_id: int) -> set[int]:
    """Workers who heard of the job already (an alert, an invitation) or hold an order on it."""
    told = {r["worker"] for r in await JobAlert.select(JobAlert.worker).where(JobAlert.job == job_id)}
    told |= {r["worker"] for r in await Invitation.select(Invitation.worker).where(Invitation.job == job_id)}
    return told | await _holders(job_id)


async def tier_audience(row: dict[str, Any], tier: str, matching: LiveMatching | None = None) -> list[int]:
    """The workers a tier of the job's alerts goes to, best first: opted in, matchable, not told before.

    The pool tier takes every pool member within their travel radius and free at the time; the ranked tier the
    best `alert_ranked_top` candidates not told yet; the nearby tier (after the ranked one was sent) up to
    `alert_nearby_max` of the candidates still not told. The ranking runs in `matching`'s index when given
    (`candidates_for`).
    """
    settings = get_settings()
    skip = await _already(row["id"])
    if tier == Tier.pool:
        pool = set(await pool_of(row["employer"])) - skip
        members = [p for p in (await load_workers(pool)).values() if p is not None]
        wanted = sorted(p.worker_id for p in members if _reachable(p, row))
        willing = await opted_in(wanted)
        return [w for w in wanted if w in willing]
    window = settings.alert_ranked_top + settings.alert_nearby_max + len(skip)
    ranked = [c.worker_id for c in await candidates_for(row, window, matching) if c.worker_id not in skip]
    willing = await opted_in(ranked)
    ranked = [w for w in ranked if w in willing]
    return ranked[:settings.alert_ranked_top] if tier == Tier.ranked else ranked[:settings.alert_nearby_max]


def _reachable(profile: WorkerProfileView, row: dict[str, Any]) -> bool:
    """A pool member is told whatever their trades (the employer chose them) if the site is within their own
    travel radius and they are free at the time."""
    start, end = row["starts_at"].timestamp(), row["ends_at"].timestamp()
    busy = any(b.starts_at.timestamp() < end and b.ends_at.timestamp() > start for b in profile.bookings)
    return not busy and local_km(row["lat"], row["lon"], profile.lat, profile.lon) <= profile.max_distance_km
