"""Ranking bodies: one candidate worker for a job, explained."""

from __future__ import annotations

from market.core.schemas import Schema

__all__ = ["CandidateOut", "CandidateSkill"]


class CandidateSkill(Schema):
    """A trade the candidate holds that the job asks for, as their profile says it: years and certificate."""

    name: str
    years: int
    certified: bool


class CandidateOut(Schema):
    """A worker ranked for a job: `worker_id` is the id `GET /api/workers/me` shows (the user id)."""

    worker_id: int
    display_name: str
    score: float
    """Σ WEIGHTS[c] · breakdown[c], 0..1."""
    distance_km: float
    matched_skills: list[tuple[str, str, float]]
    """One `[required, held, similarity]` per required skill; `held` is "" and similarity 0 when none fits."""
    breakdown: dict[str, float]
    """`skill`, `distance` (closeness), `reliability`, `rating`, `experience`, each 0..1."""
    held_skills: list[CandidateSkill] = []
    """The held trades of `matched_skills`, with the years and certificates the worker gave: what to tell the
    employer about them ("会搬运工，3年")."""
