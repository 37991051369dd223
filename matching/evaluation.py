"""Ranking quality: NDCG@k, and the evaluation of a hand-labelled relevance set (given as parsed JSON)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from matching.model import HeldSkill, JobPosting, TimeSlot, WorkerProfile
from matching.worker_index import WorkerIndex

__all__ = ["evaluate", "labelled_jobs", "labelled_workers", "ndcg_at_k"]

_KM_PER_DEG_LAT = 111.195


def ndcg_at_k(ranked_grades: Sequence[float], all_grades: Sequence[float], k: int = 10) -> float:
    """NDCG@k with gain 2^grade − 1; the ideal ranking orders all judged grades; 1.0 when nothing is relevant."""

    def dcg(grades: Sequence[float]) -> float:
        return sum((2.0**g - 1.0) / math.log2(i + 2) for i, g in enumerate(grades[:k]))

    ideal = dcg(sorted(all_grades, reverse=True))
    return 1.0 if ideal == 0 else dcg(ranked_grades) / ideal


def _start(doc: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(doc["starts_at"])


def labelled_jobs(doc: dict[str, Any]) -> list[JobPosting]:
    """The labelled set's jobs."""
    start = _start(doc)
    return [
        JobPosting(j["id"], j["at"][0], j["at"][1], tuple(j["skills"]), start, start + timedelta(hours=j["hours"]),
                   j["radius_km"], j["title"])
        for j in doc["jobs"]
    ]


def labelled_workers(doc: dict[str, Any]) -> list[WorkerProfile]:
    """The labelled set's workers, placed around their job; `busy` ones hold an overlapping booking."""
    start = _start(doc)
    workers = []
    for job in doc["jobs"]:
        lat0, lon0 = job["at"]
        for w in job["workers"]:
            east, north = w["km"]
            lat = lat0 + north / _KM_PER_DEG_LAT
            lon = lon0 + east / (_KM_PER_DEG_LAT * math.cos(math.radians(lat0)))
            completed, no_shows, late = w["record"]
            rating, ratings = w["rating"] or (None, 0)
            busy = (TimeSlot(start - timedelta(hours=1), start + timedelta(hours=2)),) if w["busy"] else ()
            workers.append(WorkerProfile(
                w["id"], lat, lon, tuple(HeldSkill(n, y, c) for n, y, c in w["skills"]), w["max_km"], w["name"],
                completed, no_shows, late, rating, ratings, busy,
            ))
    return workers


def evaluate(doc: dict[str, Any], k: int = 10) -> tuple[float, dict[str, float]]:
    """Mean NDCG@k of WorkerIndex rankings over the labelled jobs, and each job's NDCG@k."""
    index = WorkerIndex.build(labelled_workers(doc))
    per_job: dict[str, float] = {}
    for job, raw in zip(labelled_jobs(doc), doc["jobs"], strict=True):
        grades = {w["id"]: float(w["grade"]) for w in raw["workers"]}
        ranked = [grades.get(c.worker_id, 0.0) for c in index.rank_candidates(job, k)]
        per_job[job.job_id] = ndcg_at_k(ranked, list(grades.values()), k)
    return sum(per_job.values()) / len(per_job), per_job
