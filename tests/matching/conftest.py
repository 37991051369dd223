"""Fixtures for the matching library tests: a fixed clock and random synthetic cities."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from matching import HeldSkill, JobPosting, TimeSlot, WorkerProfile

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
CENTRE = (24.513, 117.647)  # Zhangzhou

SKILL_WORDS = [
    "保洁", "保结", "电工", "電工", "电焊工", "焊工", "搬家", "搬运工", "水电工", "水店工", "保安", "家政", "叉车",
    "木工", "泥瓦工", "贴砖", "司机", "机修", "厨师", "帮厨", "服务员", "无人机飞手", "无人机操作", "护工", "月嫂",
    "油漆工", "架子工", "高空作业", "普工", "分拣员", "快递员", "小区保洁员", "熟练电焊工人", "forklift driver",
    "电工/焊工", "保洁、家政", "瓦工 木工", "水电工，电工", "电工焊工", "保安保洁",
]


@pytest.fixture
def t0() -> datetime:
    """A fixed job start time."""
    return T0


def _worker(rng: random.Random, worker_id: int, spread: float) -> WorkerProfile:
    skills = tuple(
        HeldSkill(rng.choice(SKILL_WORDS), rng.randint(0, 12), rng.random() < 0.5) for _ in range(rng.randint(0, 4))
    )
    bookings: tuple[TimeSlot, ...] = ()
    if rng.random() < 0.2:
        start = T0 + timedelta(hours=rng.randint(-12, 12))
        bookings = (TimeSlot(start, start + timedelta(hours=rng.randint(1, 10))),)
    return WorkerProfile(
        worker_id=worker_id,
        lat=CENTRE[0] + rng.uniform(-spread, spread),
        lon=CENTRE[1] + rng.uniform(-spread, spread),
        skills=skills,
        max_distance_km=rng.choice([3.0, 5.0, 10.0, 20.0]),
        display_name=f"工友{worker_id}",
        completed=rng.randint(0, 30),
        no_shows=rng.randint(0, 3),
        late_cancels=rng.randint(0, 3),
        rating=rng.choice([None, 3.0, 4.2, 4.9]),
        ratings=rng.randint(0, 20),
        bookings=bookings,
    )


def _job(rng: random.Random, job_id: int, spread: float) -> JobPosting:
    start = T0 + timedelta(hours=rng.randint(-6, 30))
    return JobPosting(
        job_id=job_id,
        lat=CENTRE[0] + rng.uniform(-spread, spread),
        lon=CENTRE[1] + rng.uniform(-spread, spread),
        skills=tuple(rng.sample(SKILL_WORDS, rng.randint(0, 3))),
        starts_at=start,
        ends_at=start + timedelta(hours=rng.randint(2, 10)),
        radius_km=rng.choice([3.0, 8.0, 15.0]),
        title=f"岗位{job_id}",
        employer_grade=rng.choice(["A", "B", "C", None]),
    )


@pytest.fixture
def make_workers() -> Callable[[int, int, float], list[WorkerProfile]]:
    """make_workers(n, seed, spread_deg): random workers around the centre."""

    def make(n: int, seed: int = 0, spread: float = 0.12) -> list[WorkerProfile]:
        rng = random.Random(seed)
        return [_worker(rng, i, spread) for i in range(n)]

    return make


@pytest.fixture
def make_jobs() -> Callable[[int, int, float], list[JobPosting]]:
    """make_jobs(n, seed, spread_deg): random jobs around the centre."""

    def make(n: int, seed: int = 0, spread: float = 0.12) -> list[JobPosting]:
        rng = random.Random(seed)
        return [_job(rng, i, spread) for i in range(n)]

    return make
