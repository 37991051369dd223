"""Ranked lists: candidates for a job (its employer and staff) and the worker's radar (`GET /api/jobs`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import msgspec

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core import clock
from market.core.errors import NotFound
from market.core.schemas import Page
from market.employers.tables import Employer
from market.jobs.listing import JobFilter, job_out, list_jobs
from market.jobs.schemas import JobOut
from market.jobs.tables import Job, JobStatus
from market.orders.tables import Order
from market.ranking.loading import JOB_REACH_KM, job_posting, load_worker_at
from market.ranking.read_cache import ReadCache
from market.ranking.record_words import candidate_records
from market.ranking.schemas import CandidateOut, CandidateSkill
from market.ranking.state import LiveMatching
from market.stations.behalf import standing_consent
from market.workers.tables import WorkerProfile
from matching import MatchingState

__all__ = ["CANDIDATE_WINDOW", "SEARCH_RADII_KM", "browse_jobs", "jobs_for_walk_in", "list_candidates"]

CANDIDATE_WINDOW = 200
"""Candidates are a short list: ranked and counted up to this many (`total` is capped here)."""
SEARCH_RADII_KM = (10.0, 25.0, JOB_REACH_KM)
"""Candidates are looked for within 10 km, widening while fewer than the window come back (a sparse area)."""


async def list_candidates(matching: LiveMatching, job_id: int, viewer: CurrentUser, limit: int,
                          offset: int, language: str = "zh-CN") -> Page[CandidateOut]:
    """The best available workers for the job, explained; only its employer and staff may ask."""
    state = await matching.current()  # first: its poll forgets what changed before the cache is read
    cache = matching.cache
    row = await cache.get("job", job_id, lambda: _job_row(job_id))
    if row is None:
        raise NotFound("job_not_found")
    policy.manage_job(viewer, policy.JobFacts(employer_id=row["employer"]))
    holding = await cache.get("holding", job_id, lambda: _holders(job_id))
    page, total = await cache.get("ranked", job_id, lambda: _ranked_candidates(state, row, holding))
    items = [msgspec.convert(c.as_dict(), CandidateOut) for c in page(offset, limit)]
    skills = await cache.get_many("skills", [c.worker_id for c in items], _profile_skills)
    records = await candidate_records([c.worker_id for c in items], [c.breakdown for c in items], language)
    items = [msgspec.structs.replace(c, held_skills=_held_skills(c, skills.get(c.worker_id) or []),
                                     record=records.get(c.worker_id)) for c in items]
    return Page(items=items, total=total, limit=limit, offset=offset)


async def _ranked_candidates(state: MatchingState, row: dict[str, Any], holding: frozenset[int]) -> Any:
    """The job's ranked window (explained lazily) and its length: the same until a worker or the job changes."""
    for radius in SEARCH_RADII_KM:  # the same search whatever the page, so `total` does not depend on `limit`
        page, total = state.workers.rank_candidates_lazily(job_posting(row, radius), CANDIDATE_WINDOW,
                                                           exclude=holding)
        if total >= CANDIDATE_WINDOW:
            break
    return page, total


async def _job_row(job_id: int) -> dict[str, Any] | None:
    return await Job.select().where(Job.id == job_id).output(load_json=True).first()  # type: ignore[no-any-return]


async def _holders(job_id: int) -> frozenset[int]:
    return frozenset(r["worker"] for r in await Order.select(Order.worker).where(Order.job == job_id))


async def _taken(worker_id: int) -> frozenset[int]:
    return frozenset(r["job"] for r in await Order.select(Order.job).where(Order.worker == worker_id))


async def _profile_skills(ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    rows = await WorkerProfile.select(WorkerProfile.user, WorkerProfile.skills).where(
        WorkerProfile.user.is_in(ids)).output(load_json=True)
    return {r["user"]: r["skills"] for r in rows}


def _held_skills(candidate: CandidateOut, profile_skills: list[dict[str, Any]]) -> list[CandidateSkill]:
    held = [h for _, h, _ in candidate.matched_skills if h]
    by_name = {s["name"]: s for s in profile_skills}
    return [CandidateSkill(name=name, years=int(by_name[name].get("years") or 0),
                           certified=bool(by_name[name].get("certified"))) for name in dict.fromkeys(held)
            if name in by_name]


async def browse_jobs(matching: LiveMatching, viewer: CurrentUser, wanted: JobFilter, limit: int,
                      offset: int) -> Page[JobOut]:
    """Open jobs: for a worker, ranked by fit to them (the radar); otherwise (or with `mine`) the plain listing.

    A worker without skills, or without a position (home or `lat`/`lon`), gets the plain nearest-first listing.
    """
    if viewer.role != Role.worker or wanted.mine:
        return await list_jobs(viewer, wanted, limit, offset)
    return await _ranked_for(matching, viewer.id, viewer, wanted, limit, offset)


async def jobs_for_walk_in(matching: LiveMatching, worker_id: int, staff: CurrentUser, wanted: JobFilter,
                           limit: int, offset: int) -> Page[JobOut]:
    """Staff at the counter: the radar of a worker their station may act for, ranked by the worker's trades.

    404 `user_not_found` for no such worker; 403 `not_a_walk_in` without the station's standing consent.
    """
    if not await User.exists().where((User.id == worker_id) & (User.role == Role.worker)):
        raise NotFound("user_not_found")
    policy.act_for_worker(staff, consent_held=await standing_consent(worker_id, staff) is not None)
    return await _ranked_for(matching, worker_id, staff, wanted, limit, offset)


async def _ranked_for(matching: LiveMatching, worker_id: int, viewer: CurrentUser, wanted: JobFilter, limit: int,
                      offset: int) -> Page[JobOut]:
    """Jobs ranked by fit to `worker_id`, leaving out those they took; the plain listing when they cannot be matched."""
    state = await matching.current()  # first: its poll forgets what changed before the cache is read
    cache = matching.cache
    if wanted.lat is None or wanted.lon is None:  # from home: the same answer until the worker or an order changes
        worker = await cache.get("worker", worker_id, lambda: load_worker_at(worker_id, None, None))
    else:
        worker = await load_worker_at(worker_id, wanted.lat, wanted.lon)
    if worker is None:
        return await list_jobs(viewer, wanted, limit, offset)
    if wanted.radius_km is not None:
        worker = replace(worker, max_distance_km=wanted.radius_km)
    now, skill = clock.now().timestamp(), wanted.skill or None
    taken = await cache.get("taken", worker_id, lambda: _taken(worker_id))
    if wanted.q:  # words in the text: every match's row is read, so rank them all
        matches = state.jobs.rank_jobs(worker, len(state.jobs), now=now, skill=skill)
        matches = [m for m in matches if m.job_id not in taken]
        rows = await _open_rows(cache, [m.job_id for m in matches])
        matches = [m for m in matches if m.job_id in rows and _mentions(rows[m.job_id], wanted.q)]
        page, total = matches[offset:offset + limit], len(matches)
    else:  # only the page is ranked in full and explained; the rest is counted
        page, total = state.jobs.rank_jobs_page(worker, offset, limit, now=now, skill=skill, exclude=taken)
    rows = await _open_rows(cache, [m.job_id for m in page])
    employers = await cache.get_many("employer", {row["employer"] for row in rows.values()}, _employers)
    employers = {i: e for i, e in employers.items() if e is not None}
    items = [_explained(job_out(rows[m.job_id], employers, m.distance_km), m.as_dict())
             for m in page if m.job_id in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


def _mentions(row: dict[str, Any], words: str) -> bool:
    return words in row["title"] or words in row["description"]


def _explained(job: JobOut, match: dict[str, Any]) -> JobOut:
    return msgspec.structs.replace(job, score=match["score"], matched_skills=[tuple(m) for m in
                                                                              match["matched_skills"]],
                                   breakdown=match["breakdown"])


async def _open_rows(cache: ReadCache, job_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Job rows by id, skipping any that closed or filled since the index last heard (it may be a poll behind)."""
    rows = await cache.get_many("job", job_ids, _job_rows)
    return {job_id: row for job_id, row in rows.items()
            if row is not None and row["status"] == JobStatus.open and row["filled"] < row["headcount"]}


async def _job_rows(job_ids: list[int]) -> dict[int, dict[str, Any]]:
    rows = await Job.select().where(Job.id.is_in(job_ids)).output(load_json=True)
    return {row["id"]: row for row in rows}


async def _employers(ids: list[int]) -> dict[int, dict[str, Any]]:
    rows = await Employer.select(Employer.user, Employer.name, Employer.credit_grade).where(
        Employer.user.is_in(ids))
    return {row["user"]: row for row in rows}
