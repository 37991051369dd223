"""WorkerIndex: all workers of a city in numpy columns; ranks candidates for a job in milliseconds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from matching.columns import Columns
from matching.geo import haversine_km_many, validate_point
from matching.model import Candidate, JobPosting, TimeSlot, WorkerProfile
from matching.scoring import (
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
from matching.spatial import SpatialGrid
from matching.vocabulary import PAD_ID, SkillVocabulary

__all__ = ["WorkerIndex", "slot_seconds"]

_SPECS: dict[str, tuple[Any, float, int]] = {
    "lat": (np.float64, 0.0, 0),
    "lon": (np.float64, 0.0, 0),
    "max_km": (np.float64, 0.0, 0),
    "trust": (np.float64, 0.0, 0),
    "reliability": (np.float64, 0.0, 0),
    "rating": (np.float64, 0.0, 0),
    "live": (bool, False, 0),
    "skills": (np.int32, PAD_ID, 4),
    "experience": (np.float64, 0.0, 4),
}


def slot_seconds(slots: Iterable[TimeSlot]) -> tuple[tuple[float, float], ...]:
    """Busy intervals as (start, end) POSIX seconds."""
    return tuple((s.starts_at.timestamp(), s.ends_at.timestamp()) for s in slots)


class WorkerIndex:
    """Workers in numpy columns with an interned skill vocabulary and a spatial grid; cheap upsert and remove."""

    def __init__(self) -> None:
        """An empty index; fill it with build() or upsert()."""
        self.vocabulary = SkillVocabulary()
        self._columns = Columns(dict(_SPECS))
        self._grid = SpatialGrid()
        self._row_of: dict[Any, int] = {}
        self._ids: list[Any] = []
        self._names: list[str] = []
        self._free: list[int] = []
        self._busy: dict[int, tuple[tuple[float, float], ...]] = {}
        self._held_text: dict[int, str] = {}

    @classmethod
    def build(cls, profiles: Iterable[WorkerProfile]) -> WorkerIndex:
        """An index holding all these workers (start-up path: one sort at the end)."""
        index = cls()
        for profile in profiles:
            index._write(profile)
        index._rebuild_grid()
        return index

    def __len__(self) -> int:
        """Number of workers held."""
        return len(self._row_of)

    def __contains__(self, worker_id: object) -> bool:
        """Whether a worker is held."""
        return worker_id in self._row_of

    def upsert(self, profile: WorkerProfile) -> None:
        """Add a worker or replace everything known about them (profile, record, bookings)."""
        row = self._write(profile)
        self._grid.touch(row)
        self._maybe_compact()

    def remove(self, worker_id: Any) -> bool:
        """Forget a worker (deleted, banned, or not seeking work); False when unknown."""
        row = self._row_of.pop(worker_id, None)
        if row is None:
            return False
        self._columns["live"][row] = False
        self._busy.pop(row, None)
        self._free.append(row)
        self._grid.touch(row)
        return True

    def set_bookings(self, worker_id: Any, bookings: Iterable[TimeSlot]) -> bool:
        """Replace a worker's busy intervals (their accepted orders); False when unknown."""
        row = self._row_of.get(worker_id)
        if row is None:
            return False
        self._set_busy(row, slot_seconds(bookings))
        return True

    def _set_busy(self, row: int, slots: tuple[tuple[float, float], ...]) -> None:
        if slots:
            self._busy[row] = slots
        else:
            self._busy.pop(row, None)

    def _allocate(self, worker_id: Any) -> int:
        row = self._row_of.get(worker_id)
        if row is not None:
            return row
        if self._free:
            row = self._free.pop()
            self._ids[row] = worker_id
        else:
            row = len(self._ids)
            self._ids.append(worker_id)
            self._names.append("")
            self._columns.ensure(row + 1)
        self._row_of[worker_id] = row
        return row

    def _write(self, profile: WorkerProfile) -> int:
        validate_point(profile.lat, profile.lon)
        row = self._allocate(profile.worker_id)
        columns = self._columns
        columns["lat"][row], columns["lon"][row] = profile.lat, profile.lon
        columns["max_km"][row] = profile.max_distance_km
        record = (profile.completed, profile.no_shows, profile.late_cancels)
        columns["reliability"][row] = reliability_score(*record)
        columns["rating"][row] = rating_score(profile.rating, profile.ratings)
        columns["trust"][row] = trust_score(*record, profile.rating, profile.ratings)
        columns["live"][row] = True
        self._write_skills(row, profile)
        self._names[row] = profile.display_name
        self._set_busy(row, slot_seconds(profile.bookings))
        return row

    def _write_skills(self, row: int, profile: WorkerProfile) -> None:
        columns = self._columns
        columns.widen("skills", len(profile.skills))
        columns.widen("experience", len(profile.skills))
        ids = columns["skills"][row]
        years = columns["experience"][row]
        ids[:] = PAD_ID
        years[:] = 0.0
        for slot, skill in enumerate(profile.skills):
            ids[slot] = self.vocabulary.intern(skill.name, skill.certified)
            years[slot] = experience_factor(skill.years)
            self._held_text.setdefault(int(ids[slot]), skill.name)

    def _rebuild_grid(self) -> None:
        columns = self._columns
        self._grid.rebuild(columns["lat"], columns["lon"], columns["live"])

    def _maybe_compact(self) -> None:
        if self._grid.needs_rebuild(len(self._row_of)):
            self._rebuild_grid()

    def rank_candidates(self, job: JobPosting, limit: int = 20, exclude: Iterable[Any] = ()) -> list[Candidate]:
        """The best `limit` available workers for a job, best first, each explained."""
        columns = self._columns
        rows = self._grid.query(job.lat, job.lon, job.radius_km, columns["lat"], columns["lon"])
        distance = haversine_km_many(job.lat, job.lon, columns["lat"][rows], columns["lon"][rows])
        near = (distance <= job.radius_km) & (distance <= columns["max_km"][rows]) & columns["live"][rows]
        rows, distance = rows[near], distance[near]
        fit = self._skill_fit(job.skills, rows)
        good = fit["skill"] >= MIN_SKILL_FIT
        rows, distance = rows[good], distance[good]
        fit = {name: values[good] for name, values in fit.items()}
        near_score = closeness(distance)
        score = (
            WEIGHTS["skill"] * fit["skill"] + WEIGHTS["experience"] * fit["experience"]
            + WEIGHTS["distance"] * near_score + columns["trust"][rows]
        )
        window = (job.starts_at.timestamp(), job.ends_at.timestamp())
        skip = set(exclude)
        ids = self._ids

        def accept(position: int) -> bool:
            row = int(rows[position])
            return ids[row] not in skip and self._free_during(row, window)

        chosen = top_positions(score, lambda i: ids[int(rows[i])], limit, accept)
        return [self._explain(job, int(rows[i]), float(score[i]), float(distance[i]), fit, i) for i in chosen]

    def _free_during(self, row: int, window: tuple[float, float]) -> bool:
        start, end = window
        return not any(s < end and e > start for s, e in self._busy.get(row, ()))

    def _skill_fit(self, required: tuple[str, ...], rows: np.ndarray) -> dict[str, np.ndarray]:
        """Per row: mean best similarity over required skills, and experience in the matched skills."""
        if not required:
            ones = np.full(len(rows), OPEN_JOB_SKILL_FIT)
            return {"skill": ones, "experience": np.zeros(len(rows)), "best": np.zeros((len(rows), 0), np.int64)}
        held = self._columns["skills"][rows]
        years = self._columns["experience"][rows]
        skill = np.zeros(len(rows))
        experience = np.zeros(len(rows))
        best_slots = np.zeros((len(rows), len(required)), dtype=np.int64)
        for j, text in enumerate(required):
            similarity = self.vocabulary.against_required(text)[held]
            slot = similarity.argmax(axis=1)
            best = np.take_along_axis(similarity, slot[:, None], axis=1)[:, 0]
            skill += best
            experience += best * np.take_along_axis(years, slot[:, None], axis=1)[:, 0]
            best_slots[:, j] = slot
        return {"skill": skill / len(required), "experience": experience / len(required), "best": best_slots}

    def _explain(
        self, job: JobPosting, row: int, score: float, distance: float, fit: dict[str, np.ndarray], i: int
    ) -> Candidate:
        columns = self._columns
        matched: list[tuple[str, str, float]] = []
        for j, text in enumerate(job.skills):
            vocab_id = int(columns["skills"][row, fit["best"][i, j]])
            similarity = float(self.vocabulary.against_required(text)[vocab_id])
            matched.append((text, self._held_text.get(vocab_id, "") if similarity > 0 else "", similarity))
        breakdown = {
            "skill": float(fit["skill"][i]),
            "distance": float(closeness(distance)),
            "reliability": float(columns["reliability"][row]),
            "rating": float(columns["rating"][row]),
            "experience": float(fit["experience"][i]),
        }
        return Candidate(self._ids[row], self._names[row], score, distance, matched, breakdown)
