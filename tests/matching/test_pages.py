"""A page ranked alone (the radar's and the candidates' fast path) is exactly that slice of the full ranking."""

from __future__ import annotations

import random

import pytest

from matching import JobIndex, WorkerIndex


@pytest.mark.parametrize("seed", range(3))
def test_job_pages_equal_the_full_ranking(seed: int, make_workers, make_jobs, t0) -> None:
    rng = random.Random(seed)
    jobs = make_jobs(1500, seed)
    index = JobIndex.build(jobs)
    now = t0.timestamp()
    for worker in make_workers(20, seed + 300):
        skill = rng.choice([None, None, "保洁", "电工"])
        full = index.rank_jobs(worker, len(index), now=now, skill=skill)
        taken = set(rng.sample([m.job_id for m in full], min(len(full), rng.randrange(4)))) | {-1}
        rest = [m for m in full if m.job_id not in taken]
        for offset, limit in [(0, 20), (0, 1), (20, 20), (5, 7), (len(rest) - 3, 20), (len(rest) + 5, 20)]:
            page, total = index.rank_jobs_page(worker, max(offset, 0), limit, now=now, skill=skill, exclude=taken)
            assert page == rest[max(offset, 0):max(offset, 0) + limit]  # same jobs, order, scores, explanations
            assert total == len(rest)


@pytest.mark.parametrize("seed", range(3))
def test_candidate_pages_equal_the_full_window(seed: int, make_workers, make_jobs) -> None:
    rng = random.Random(seed)
    workers = make_workers(3000, seed)
    index = WorkerIndex.build(workers)
    for job in make_jobs(20, seed + 400):
        window = rng.choice([5, 50, 200])
        full = index.rank_candidates(job, window)
        holding = {c.worker_id for c in full[:rng.randrange(3)]}
        whole = index.rank_candidates(job, window, exclude=holding)
        for offset, limit in [(0, 20), (3, 5), (window - 2, 20), (window + 1, 20)]:
            page, total = index.rank_candidates_page(job, window, offset, limit, exclude=holding)
            assert page == whole[offset:offset + limit]
            assert total == len(whole)
