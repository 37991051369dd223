"""Plain data the matching library takes in (workers, jobs) and gives back (explained matches)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from matching.normalize import split_skill_text
from matching.resolve import split_compound
from matching.taxonomy import on_change

__all__ = ["Candidate", "HeldSkill", "JobMatch", "JobPosting", "TimeSlot", "WorkerProfile", "skill_parts"]

WorkerId = Any
JobId = Any


@lru_cache(maxsize=65536)
def skill_parts(text: str) -> tuple[str, ...]:
    """The skills one text names: split at separators ("电工/焊工"), then run-together names ("电工焊工")."""
    return tuple(piece for part in split_skill_text(text) for piece in split_compound(part))


on_change(skill_parts.cache_clear)


@dataclass(frozen=True, slots=True)
class HeldSkill:
    """A skill a worker lists, with years of experience and whether they hold its certificate."""

    name: str
    years: float = 0.0
    certified: bool = False


@dataclass(frozen=True, slots=True)
class TimeSlot:
    """A busy interval [starts_at, ends_at) of a worker (an accepted order), timezone-aware."""

    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class WorkerProfile:
    """What matching needs to know about a worker: where, which skills, how far they travel, their record."""

    worker_id: WorkerId
    lat: float
    lon: float
    skills: tuple[HeldSkill, ...] = ()
    max_distance_km: float = 10.0
    display_name: str = ""
    completed: int = 0
    no_shows: int = 0
    late_cancels: int = 0
    rating: float | None = None
    ratings: int = 0
    bookings: tuple[TimeSlot, ...] = ()

    def held(self) -> tuple[HeldSkill, ...]:
        """The skills as matched: a text naming several ("电工/焊工") counts as each, with the same years and flag."""
        if not any(len(skill_parts(s.name)) > 1 for s in self.skills):
            return self.skills
        return tuple(
            HeldSkill(part, skill.years, skill.certified) for skill in self.skills for part in skill_parts(skill.name)
        )


@dataclass(frozen=True, slots=True)
class JobPosting:
    """What matching needs to know about an open job: where, when, which skills, how far to look.

    `employer_grade` is the employer's credit grade ("A", "B", "C" or None); it moves the job in workers' radar.
    """

    job_id: JobId
    lat: float
    lon: float
    skills: tuple[str, ...]
    starts_at: datetime
    ends_at: datetime
    radius_km: float = 10.0
    title: str = ""
    employer_grade: str | None = None

    def required(self) -> tuple[str, ...]:
        """The required skills as matched: a text naming several ("电工/焊工") counts as each of them."""
        return tuple(part for text in self.skills for part in skill_parts(text))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One ranked worker for a job, with the reasons for the rank."""

    worker_id: WorkerId
    display_name: str
    score: float
    distance_km: float
    matched_skills: list[tuple[str, str, float]] = field(default_factory=list)
    breakdown: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of `GET /api/jobs/{id}/candidates` items."""
        return {
            "worker_id": self.worker_id,
            "display_name": self.display_name,
            "score": round(self.score, 4),
            "distance_km": round(self.distance_km, 2),
            "matched_skills": [[r, h, round(s, 3)] for r, h, s in self.matched_skills],
            "breakdown": {k: round(v, 4) for k, v in self.breakdown.items()},
        }


@dataclass(frozen=True, slots=True)
class JobMatch:
    """One ranked job for a worker (the radar), with the reasons for the rank."""

    job_id: JobId
    title: str
    score: float
    distance_km: float
    matched_skills: list[tuple[str, str, float]] = field(default_factory=list)
    breakdown: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict to merge into a job item of `GET /api/jobs` for a worker."""
        return {
            "job_id": self.job_id,
            "score": round(self.score, 4),
            "distance_km": round(self.distance_km, 2),
            "matched_skills": [[r, h, round(s, 3)] for r, h, s in self.matched_skills],
            "breakdown": {k: round(v, 4) for k, v in self.breakdown.items()},
        }
