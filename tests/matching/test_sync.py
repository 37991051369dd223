"""Several app processes stay fresh by each applying the shared change log since its own watermark."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from matching import (
    BookingsChanged,
    Change,
    JobChanged,
    JobPosting,
    JobRemoved,
    MatchingState,
    TimeSlot,
    WorkerChanged,
    WorkerRemoved,
)


def test_two_processes_converge(make_workers, make_jobs, t0) -> None:
    workers = make_workers(400, 41)
    jobs = make_jobs(50, 42)
    log: list[Change] = []  # stands for the database's change table, ordered by seq

    def since(mark: int, overlap: int = 0) -> list[Change]:
        return [c for c in log if c.seq > mark - overlap]

    first = MatchingState.build(workers, jobs, watermark=0)
    second = MatchingState.build(workers, jobs, watermark=0)
    newcomer = replace(workers[0], worker_id=10_000)
    log += [WorkerChanged(1, newcomer), WorkerRemoved(2, 5), JobRemoved(3, 7)]
    assert first.apply(since(first.watermark)) == 3
    assert first.watermark == 3
    busy = (TimeSlot(t0 - timedelta(days=1), t0 + timedelta(days=2)),)
    log += [BookingsChanged(4, 10_000, busy), JobChanged(5, replace(jobs[8], skills=("保洁",)))]
    # The second process polls late and re-reads an overlap window: re-applying is harmless.
    second.apply(since(second.watermark))
    first.apply(since(first.watermark, overlap=3))
    assert first.watermark == second.watermark == 5
    for job in jobs[:20]:
        assert first.workers.rank_candidates(job, 10) == second.workers.rank_candidates(job, 10)
        assert all(c.worker_id not in (5, 10_000) for c in first.workers.rank_candidates(job, 500))
    for worker in workers[:20]:
        assert first.jobs.rank_jobs(worker, 10) == second.jobs.rank_jobs(worker, 10)
    assert 7 not in first.jobs
    assert 7 not in second.jobs


def test_changes_apply_in_sequence_order(make_workers, t0) -> None:
    w = replace(make_workers(1, 43)[0], bookings=(), max_distance_km=10.0)
    state = MatchingState.build([], [])
    moved = replace(w, lat=w.lat + 0.5)
    state.apply([WorkerChanged(2, moved), WorkerChanged(1, w)])
    job = JobPosting(1, moved.lat, moved.lon, (), t0, t0 + timedelta(hours=1), radius_km=1.0)
    assert [c.worker_id for c in state.workers.rank_candidates(job)] == [w.worker_id]
    assert state.watermark == 2
