"""Naive reference ranking (a Python loop over every worker or job): the test oracle and benchmark baseline.

Not for serving: it is ~1000× slower than the indexes. It applies the same rules one pair at a time, with the
scalar similarity function, so the indexes can be checked against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from matching.geo import local_km
from matching.job_index import SKILL_FILTER_MIN
from matching.model import Candidate, HeldSkill, JobMatch, JobPosting, WorkerProfile
from matching.scoring import (
    EMPLOYER_GRADE_ADJUSTMENT,
    MIN_SKILL_FIT,
    OPEN_JOB_SKILL_FIT,
    WEIGHTS,
    closeness,
    experience_factor,
    rating_score,
    reliability_score,
    trust_score,
)
from matching.selection import sort_key
from matching.similarity import skill_similarity

__all__ = ["naive_rank_candidates", "naive_rank_jobs", "pair_score"]


def _overlaps(job: JobPosting, worker: WorkerProfile) -> bool:
    start, end = job.starts_at.timestamp(), job.ends_at.timestamp()
    return any(b.starts_at.timestamp() < end and b.ends_at.timestamp() > start for b in worker.bookings)


def _similarity(required: str, held: HeldSkill) -> float:
    return skill_similarity(required, held.name, held.certified)


def _best_held(required: str, skills: Sequence[HeldSkill]) -> tuple[int, float]:
    best_slot, best = 0, 0.0
    for slot, skill in enumerate(skills):
        value = _similarity(required, skill)
        if value > best:
            best_slot, best = slot, value
    return best_slot, best


def pair_score(worker: WorkerProfile, job: JobPosting) -> tuple[float, float, list, dict[str, float]] | None:
    """(score, distance_km, matched_skills, breakdown) of one worker for one job, or None when not a match."""
    distance = local_km(job.lat, job.lon, worker.lat, worker.lon)
    if distance > job.radius_km or distance > worker.max_distance_km or _overlaps(job, worker):
        return None
    required_skills, held = job.required(), worker.held()
    skill, experience, matched = (OPEN_JOB_SKILL_FIT, 0.0, []) if not required_skills else (0.0, 0.0, [])
    for required in required_skills:
        slot, best = _best_held(required, held)
        skill += best
        experience += max((_similarity(required, s) * experience_factor(s.years) for s in held), default=0.0)
        matched.append((required, held[slot].name if best > 0 else "", best))
    if required_skills:
        skill, experience = skill / len(required_skills), experience / len(required_skills)
    if skill < MIN_SKILL_FIT:
        return None
    record = (worker.completed, worker.no_shows, worker.late_cancels)
    score = (
        WEIGHTS["skill"] * skill + WEIGHTS["experience"] * experience + WEIGHTS["distance"] * closeness(distance)
        + trust_score(*record, worker.rating, worker.ratings)
    )
    breakdown = {
        "skill": skill,
        "distance": float(closeness(distance)),
        "reliability": reliability_score(*record),
        "rating": rating_score(worker.rating, worker.ratings),
        "experience": experience,
    }
    return float(score), distance, matched, breakdown


def naive_rank_candidates(
    workers: Iterable[WorkerProfile], job: JobPosting, limit: int = 20, exclude: Iterable[Any] = ()
) -> list[Candidate]:
    """Score every worker in a loop and keep the best `limit` (oracle for WorkerIndex.rank_candidates)."""
    skip = set(exclude)
    found = []
    for worker in workers:
        if worker.worker_id in skip:
            continue
        result = pair_score(worker, job)
        if result is not None:
            found.append(Candidate(worker.worker_id, worker.display_name, *result))
    found.sort(key=lambda c: sort_key(c.score, c.worker_id))
    return found[:limit]


def naive_rank_jobs(
    jobs: Iterable[JobPosting], worker: WorkerProfile, limit: int = 20, now: float | None = None,
    skill: str | None = None,
) -> list[JobMatch]:
    """Score every job in a loop and keep the best `limit` (oracle for JobIndex.rank_jobs)."""
    found = []
    for job in jobs:
        if now is not None and job.starts_at.timestamp() < now:
            continue
        if skill is not None and not any(skill_similarity(r, skill, True) >= SKILL_FILTER_MIN for r in job.required()):
            continue
        result = pair_score(worker, job)
        if result is not None:
            score, distance, matched, breakdown = result
            adjustment = EMPLOYER_GRADE_ADJUSTMENT.get(job.employer_grade, 0.0)
            if job.employer_grade is not None:
                breakdown["employer_grade"] = adjustment
            found.append(JobMatch(job.job_id, job.title, score + adjustment, distance, matched, breakdown))
    found.sort(key=lambda m: sort_key(m.score, m.job_id))
    return found[:limit]
