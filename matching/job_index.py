"""JobIndex: open jobs in numpy columns; ranks jobs for a worker (the radar) with the same score as candidates."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np

from matching.geo import KM_PER_DEGREE, validate_point
from matching.model import JobMatch, JobPosting, WorkerProfile
from matching.rows import RowTable
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
from matching.selection import top_positions
from matching.vocabulary import PAD_ID, SkillVocabulary
from matching.worker_index import slot_seconds

__all__ = ["SKILL_FILTER_MIN", "JobIndex"]

# A job passes the radar's skill filter when one of its required skills is at least this similar to the filter.
SKILL_FILTER_MIN = 0.5

_SPECS: dict[str, tuple[Any, float, int]] = {
    "lat": (np.float64, 0.0, 0),
    "lon": (np.float64, 0.0, 0),
    "live": (bool, False, 0),
    "km_per_deg_lon": (np.float64, 0.0, 0),
    "radius_km": (np.float64, 0.0, 0),
    "starts": (np.float64, 0.0, 0),
    "ends": (np.float64, 0.0, 0),
    "required": (np.int32, PAD_ID, 3),
    "required_count": (np.int32, 0, 0),
    "employer": (np.float64, 0.0, 0),
}


class JobIndex:
    """Open jobs in numpy columns with an interned vocabulary of required skills; cheap upsert and remove."""

    def __init__(self) -> None:
        """An empty index; fill it with build() or upsert()."""
        self.vocabulary = SkillVocabulary()
        self._rows = RowTable(dict(_SPECS), capacity=256)
        self._jobs: list[JobPosting] = []  # by slot

    @classmethod
    def build(cls, jobs: Iterable[JobPosting]) -> JobIndex:
        """An index holding these open jobs."""
        index = cls()
        for job in jobs:
            index._write(job)
        index._compact()
        return index

    def __len__(self) -> int:
        """Number of open jobs held."""
        return len(self._rows)

    def __contains__(self, job_id: object) -> bool:
        """Whether a job is held."""
        return job_id in self._rows

    def upsert(self, job: JobPosting) -> None:
        """Add an open job or replace it after an edit."""
        self._write(job)
        if self._rows.needs_compaction():
            self._compact()

    def remove(self, job_id: Any) -> bool:
        """Drop a job that is full, closed, cancelled or past; False when unknown."""
        if self._rows.remove(job_id) is None:
            return False
        if self._rows.needs_compaction():
            self._compact()
        return True

    def _compact(self) -> None:
        self._rows.compact()

    def _write(self, job: JobPosting) -> None:
        validate_point(job.lat, job.lon)
        row, slot = self._rows.place(job.job_id, job.lat, job.lon)
        if slot == len(self._jobs):
            self._jobs.append(job)
        self._jobs[slot] = job
        columns = self._rows.columns
        columns["radius_km"][row] = job.radius_km
        columns["km_per_deg_lon"][row] = KM_PER_DEGREE * math.cos(math.radians(job.lat))
        columns["starts"][row], columns["ends"][row] = job.starts_at.timestamp(), job.ends_at.timestamp()
        required = job.required()
        columns.widen("required", len(required))
        columns["required"][row] = PAD_ID
        for slot, text in enumerate(required):
            columns["required"][row, slot] = self.vocabulary.intern(text)
        columns["required_count"][row] = len(required)
        columns["employer"][row] = EMPLOYER_GRADE_ADJUSTMENT.get(job.employer_grade, 0.0)

    def rank_jobs(
        self, worker: WorkerProfile, limit: int = 20, now: float | None = None, skill: str | None = None
    ) -> list[JobMatch]:
        """The best `limit` open jobs for a worker, best first, each explained.

        The score is the worker–job pair score plus the employer's credit-grade adjustment (breakdown
        `employer_grade`), so jobs of A-grade employers rise and C-grade ones sink.

        `now` (POSIX seconds) hides jobs already started; `skill` keeps only jobs asking for something like it
        (similarity ≥ SKILL_FILTER_MIN to one of their required skills), for the radar's `?skill=` filter.
        """
        page, _ = self.rank_jobs_page(worker, 0, limit, now=now, skill=skill)
        return page

    def rank_jobs_page(
        self, worker: WorkerProfile, offset: int, limit: int, now: float | None = None, skill: str | None = None,
        exclude: Iterable[Any] = (),
    ) -> tuple[list[JobMatch], int]:
        """One page of `rank_jobs` without the jobs in `exclude`, and how many such jobs match in all.

        Exactly `rank_jobs(worker, everything)` with `exclude` left out, sliced at `[offset:offset + limit]`,
        but only the page is sorted in full and explained; the rest is only counted.
        """
        rows, score, distance, fit, experience, best = self._scored(worker, now, skill)
        id_at = self._rows.id_at
        skip = set(exclude)
        skipped = self._rows.slots_of(skip)
        total = len(rows) - int(np.isin(self._rows.columns["slot"][rows], skipped).sum()) if len(skipped) else len(rows)
        chosen = top_positions(score, lambda i: id_at(int(rows[i])), offset + limit,
                               lambda i: id_at(int(rows[i])) not in skip)
        page = [
            self._explain(worker, int(rows[i]), float(score[i]), float(distance[i]), fit[i], experience[i], best[i])
            for i in chosen[offset:]
        ]
        return page, total

    def _scored(
        self, worker: WorkerProfile, now: float | None, skill: str | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The rows of every job that matches the worker, with their scores and what explains them."""
        columns = self._rows.columns
        rows = self._rows.near(worker.lat, worker.lon, worker.max_distance_km)
        distance = self._distance(worker, rows)
        keep = (distance <= columns["radius_km"][rows]) & (distance <= worker.max_distance_km) & columns["live"][rows]
        if now is not None:
            keep &= columns["starts"][rows] >= now
        for start, end in slot_seconds(worker.bookings):
            keep &= ~((columns["starts"][rows] < end) & (columns["ends"][rows] > start))
        if skill is not None:
            similar = self.vocabulary.against_held(skill, True)[columns["required"][rows]] >= SKILL_FILTER_MIN
            keep &= similar.any(axis=1)
        rows, distance = rows[keep], distance[keep]
        fit, experience, best = self._skill_fit(worker, rows)
        good = fit >= MIN_SKILL_FIT
        rows, distance, fit, experience, best = rows[good], distance[good], fit[good], experience[good], best[good]
        trust = trust_score(worker.completed, worker.no_shows, worker.late_cancels, worker.rating, worker.ratings)
        score = (
            WEIGHTS["skill"] * fit + WEIGHTS["experience"] * experience
            + WEIGHTS["distance"] * closeness(distance) + trust
        ) + columns["employer"][rows]
        return rows, score, distance, fit, experience, best

    def _distance(self, worker: WorkerProfile, rows: np.ndarray) -> np.ndarray:
        """The distance from each job to the worker, flattened around the job (as geo.local_km(job, worker))."""
        columns = self._rows.columns
        dx = (worker.lon - columns["lon"][rows]) * columns["km_per_deg_lon"][rows]
        dy = (worker.lat - columns["lat"][rows]) * KM_PER_DEGREE
        return np.sqrt(dx * dx + dy * dy)

    def _skill_fit(self, worker: WorkerProfile, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per job row: mean over its required skills of the worker's best similarity; experience; best slots."""
        count = self._rows.columns["required_count"][rows]
        required = self._rows.columns["required"][rows]
        held = worker.held()
        if held:
            table = np.stack([self.vocabulary.against_held(s.name, s.certified) for s in held])
            similarity = table[:, required]  # (held, jobs, required slots)
            slot = similarity.argmax(axis=0)
            best = similarity.max(axis=0)
            years = np.array([experience_factor(s.years) for s in held])
            seasoned = (similarity * years[:, None, None]).max(axis=0)
        else:
            best = seasoned = np.zeros(required.shape)
            slot = np.zeros(required.shape, dtype=np.int64)
        safe = np.maximum(count, 1)
        skill = np.where(count > 0, best.sum(axis=1) / safe, OPEN_JOB_SKILL_FIT)
        experience = np.where(count > 0, seasoned.sum(axis=1) / safe, 0.0)
        return skill, experience, slot

    def _explain(
        self, worker: WorkerProfile, row: int, score: float, distance: float, skill: float, experience: float,
        slots: np.ndarray,
    ) -> JobMatch:
        job = self._jobs[self._rows.slot_at(row)]
        matched: list[tuple[str, str, float]] = []
        skills = worker.held()
        for j, text in enumerate(job.required()):
            held = skills[int(slots[j])] if skills else None
            value = 0.0 if held is None else float(self.vocabulary.against_held(held.name, held.certified)[
                self._rows.columns["required"][row, j]])
            matched.append((text, held.name if held is not None and value > 0 else "", value))
        record = (worker.completed, worker.no_shows, worker.late_cancels)
        breakdown = {
            "skill": float(skill),
            "distance": float(closeness(distance)),
            "reliability": reliability_score(*record),
            "rating": rating_score(worker.rating, worker.ratings),
            "experience": float(experience),
        }
        if job.employer_grade is not None:
            breakdown["employer_grade"] = float(self._rows.columns["employer"][row])
        return JobMatch(job.job_id, job.title, score, distance, matched, breakdown)
