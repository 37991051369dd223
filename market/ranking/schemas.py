"""Ranking bodies: one candidate worker for a job, explained."""

from __future__ import annotations

from market.core.schemas import Schema

__all__ = ["CandidateOut", "CandidateRecord", "CandidateSkill"]


class CandidateSkill(Schema):
    """A trade the candidate holds that the job asks for, as their profile says it: years and certificate."""

    name: str
    years: int
    certified: bool


class CandidateRecord(Schema):
    """The candidate's record over the reputation window, as it moved their rank (docs/reputation.md)."""

    window_days: int
    completed: int
    no_shows: int
    late_cancels: int
    ratings: int
    average_stars: float | None
    """None below the minimum number of ratings."""
    new: bool
    moved_points: float
    """How many points (of 100) reliability and rating moved the score against a newcomer's neutral values."""
    words: str
    """The record in the request's language: "近90天完成12单，1次爽约"."""
    moved_words: str
    """"比新人排名低4.2分" / "ranked 4.2 points below a newcomer"; "" when it did not move them."""


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
    record: CandidateRecord | None = None
    """Why reliability and rating are what they are, in figures and words."""
