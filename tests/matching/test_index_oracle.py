"""The vectorised indexes return the same top k as the naive loop, before and after incremental changes."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

import pytest

from matching import Candidate, JobIndex, JobMatch, WorkerIndex
from matching.oracle import naive_rank_candidates, naive_rank_jobs

TOLERANCE = 1e-9


Ranked = Sequence[Candidate | JobMatch]


def assert_same_ranking(fast: Ranked, slow: Ranked) -> None:
    """Same length, same scores in order; ids equal wherever the score is not tied with a neighbour."""
    assert len(fast) == len(slow)
    for a, b in zip(fast, slow, strict=True):
        assert a.score == pytest.approx(b.score, abs=TOLERANCE)
        assert a.distance_km == pytest.approx(b.distance_km, abs=1e-9)
    scores = [round(b.score, 9) for b in slow]
    for i, (a, b) in enumerate(zip(fast, slow, strict=True)):
        if scores.count(scores[i]) == 1:
            assert _id(a) == _id(b)
            assert [r for r, _, _ in a.matched_skills] == [r for r, _, _ in b.matched_skills]
            # pytest >= 9.2 refuses approx over nested sequences: compare the similarities element by element.
            for fast_skill, slow_skill in zip(a.matched_skills, b.matched_skills, strict=True):
                assert fast_skill[2] == pytest.approx(slow_skill[2])
            assert a.breakdown == pytest.approx(b.breakdown)


def _id(item: Candidate | JobMatch) -> object:
    return item.worker_id if isinstance(item, Candidate) else item.job_id


@pytest.mark.parametrize("seed", range(4))
def test_candidates_equal_oracle(seed: int, make_workers, make_jobs) -> None:
    workers = make_workers(3000, seed)
    index = WorkerIndex.build(workers)
    for job in make_jobs(25, seed + 100):
        limit = random.Random(seed).choice([1, 5, 20, 50])
        assert_same_ranking(index.rank_candidates(job, limit), naive_rank_candidates(workers, job, limit))


@pytest.mark.parametrize("seed", range(3))
def test_jobs_equal_oracle(seed: int, make_workers, make_jobs) -> None:
    jobs = make_jobs(1500, seed)
    index = JobIndex.build(jobs)
    for worker in make_workers(30, seed + 200):
        assert_same_ranking(index.rank_jobs(worker, 15), naive_rank_jobs(jobs, worker, 15))


@pytest.mark.parametrize("skill", [None, "保洁", "电工", "無人機飛手"])
def test_jobs_oracle_with_now_and_skill_filter(skill: str | None, make_workers, make_jobs, t0) -> None:
    jobs = make_jobs(800, 7)
    index = JobIndex.build(jobs)
    now = t0.timestamp()
    for worker in make_workers(10, 8):
        found = index.rank_jobs(worker, 20, now=now, skill=skill)
        assert_same_ranking(found, naive_rank_jobs(jobs, worker, 20, now=now, skill=skill))


def test_incremental_changes_equal_oracle(make_workers, make_jobs) -> None:
    """Upserts, moves, removals and booking changes (past a compaction) keep the index equal to the oracle."""
    rng = random.Random(5)
    workers = {w.worker_id: w for w in make_workers(2000, 11)}
    index = WorkerIndex.build(workers.values())
    fresh = make_workers(6000, 12)
    for step in range(5000):
        action = rng.random()
        if action < 0.5:
            new = replace(fresh[step], worker_id=rng.randrange(4000))
            workers[new.worker_id] = new
            index.upsert(new)
        elif action < 0.8 and workers:
            gone = rng.choice(list(workers))
            del workers[gone]
            assert index.remove(gone)
        elif workers:
            who = rng.choice(list(workers))
            bookings = fresh[rng.randrange(len(fresh))].bookings
            workers[who] = replace(workers[who], bookings=bookings)
            assert index.set_bookings(who, bookings)
    assert len(index) == len(workers)
    for job in make_jobs(20, 13):
        assert_same_ranking(index.rank_candidates(job, 20), naive_rank_candidates(workers.values(), job, 20))


def test_job_index_incremental_equal_oracle(make_workers, make_jobs) -> None:
    rng = random.Random(6)
    jobs = {j.job_id: j for j in make_jobs(500, 21)}
    index = JobIndex.build(jobs.values())
    fresh = make_jobs(3000, 22)
    for step in range(3000):
        if rng.random() < 0.6:
            new = replace(fresh[step], job_id=rng.randrange(1500))
            jobs[new.job_id] = new
            index.upsert(new)
        elif jobs:
            gone = rng.choice(list(jobs))
            del jobs[gone]
            index.remove(gone)
    for worker in make_workers(15, 23):
        assert_same_ranking(index.rank_jobs(worker, 10), naive_rank_jobs(jobs.values(), worker, 10))


def test_exact_ties_break_by_id(make_workers, make_jobs) -> None:
    base = make_workers(1, 31)[0]
    clones = [replace(base, worker_id=i, bookings=()) for i in (9, 3, 7, 1, 5)]
    job = replace(make_jobs(1, 32)[0], lat=base.lat, lon=base.lon, skills=(), radius_km=5.0)
    found = WorkerIndex.build(clones).rank_candidates(job, 3)
    assert [c.worker_id for c in found] == [1, 3, 5]
