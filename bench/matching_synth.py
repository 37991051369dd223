"""Synthetic dense city for the matching benchmark: workers and jobs as arrays, then as library objects."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from matching import HeldSkill, JobPosting, WorkerProfile, load_taxonomy

__all__ = ["CENTRE", "SyntheticCity", "make_city"]

CENTRE = (31.23, 121.47)
CITY_KM = 100.0  # a 100 km × 100 km city: ~31,000 of 1,000,000 workers within 10 km of any point
T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
SLOTS = 4


@dataclass
class SyntheticCity:
    """Columns describing the workers (skill ids index `vocabulary`) and a list of query jobs."""

    vocabulary: list[str]
    lat: np.ndarray
    lon: np.ndarray
    max_km: np.ndarray
    skills: np.ndarray  # (n, SLOTS) ids into vocabulary, -1 = none
    certified: np.ndarray  # (n, SLOTS) bool
    years: np.ndarray  # (n, SLOTS)
    completed: np.ndarray
    no_shows: np.ndarray
    jobs: list[JobPosting]

    def profiles(self) -> Iterator[WorkerProfile]:
        """The workers as WorkerProfile objects, generated one by one."""
        vocabulary = self.vocabulary
        for i in range(len(self.lat)):
            held = tuple(
                HeldSkill(vocabulary[s], float(y), bool(c))
                for s, y, c in zip(self.skills[i].tolist(), self.years[i].tolist(), self.certified[i].tolist(),
                                   strict=True)
                if s >= 0
            )
            yield WorkerProfile(i, float(self.lat[i]), float(self.lon[i]), held, float(self.max_km[i]), f"工友{i}",
                                int(self.completed[i]), int(self.no_shows[i]))


def _vocabulary(rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """Trade names and synonyms, plus free-text and typo variants people really type; Zipf-like popularity."""
    names = [n for t in load_taxonomy().trades for n in (t.zh, *t.synonyms)]
    extra = [f"{n}{suffix}" for n in names for suffix in ("师傅", "员") if rng.random() < 0.3]
    free = [f"{a}{b}" for a in ("无人机", "直播", "会计", "月饼", "地铁", "光伏", "充电桩", "汽车")
            for b in ("操作", "安装", "助理", "维护", "包装")]
    vocabulary = names + extra + free
    weights = 1.0 / np.arange(1, len(vocabulary) + 1) ** 0.8
    rng.shuffle(vocabulary)
    return vocabulary, weights / weights.sum()


def make_city(n: int, jobs: int = 200, seed: int = 7) -> SyntheticCity:
    """n workers uniformly over the city; `jobs` query jobs away from the edges, 1–3 skills, radius 10 km."""
    rng = np.random.default_rng(seed)
    vocabulary, weights = _vocabulary(rng)
    half_lat = CITY_KM / 2 / 111.2
    half_lon = half_lat / math.cos(math.radians(CENTRE[0]))
    lat = CENTRE[0] + rng.uniform(-half_lat, half_lat, n)
    lon = CENTRE[1] + rng.uniform(-half_lon, half_lon, n)
    count = rng.integers(1, SLOTS + 1, n)
    skills = rng.choice(len(vocabulary), size=(n, SLOTS), p=weights)
    skills[np.arange(SLOTS)[None, :] >= count[:, None]] = -1
    trades = load_taxonomy().trades
    query_jobs = []
    for j in range(jobs):
        picked = rng.choice(len(trades), size=int(rng.integers(1, 4)), replace=False)
        start = T0 + timedelta(hours=int(rng.integers(0, 72)))
        lat_j = CENTRE[0] + float(rng.uniform(-0.6, 0.6)) * half_lat
        lon_j = CENTRE[1] + float(rng.uniform(-0.6, 0.6)) * half_lon
        query_jobs.append(JobPosting(
            j, lat_j, lon_j,
            tuple(trades[int(p)].zh for p in picked), start, start + timedelta(hours=8), 10.0,
        ))
    return SyntheticCity(
        vocabulary=vocabulary, lat=lat, lon=lon,
        max_km=rng.choice([5.0, 10.0, 15.0, 30.0], n), skills=skills,
        certified=rng.random((n, SLOTS)) < 0.4, years=rng.integers(0, 15, (n, SLOTS)).astype(float),
        completed=rng.integers(0, 40, n), no_shows=rng.integers(0, 3, n), jobs=query_jobs,
    )
