"""Matching benchmark: p50/p99 of top-20 candidates at 10k/100k/1M workers vs the numpy floor and the naive loop.

Run from the repository root: `python bench/matching_bench.py [--sizes 10000,100000,1000000] [--jobs 200]`.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.matching_floor import Floor
from bench.matching_quality import labelled_ndcg
from bench.matching_synth import make_city
from matching import JobIndex, WorkerIndex, WorkerProfile
from matching.geo import local_km_many
from matching.oracle import naive_rank_candidates

NAIVE_SAMPLE = 20_000
NAIVE_JOBS = 5


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(run: Callable[[], object], repeat: int) -> list[float]:
    """Wall times in ms of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentiles(times: list[float]) -> str:
    """'p50 / p99' in ms."""
    return f"{np.percentile(times, 50):7.2f} / {np.percentile(times, 99):7.2f}"


def measure(n: int, jobs: int) -> dict[str, object]:
    """All figures for one city size."""
    city = make_city(n, jobs)
    profiles = list(city.profiles())  # as the service would hold rows read from the database
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    index = WorkerIndex.build(profiles)
    build_s = time.perf_counter() - start
    memory = rss_mb() - before
    del profiles
    gc.collect()
    floor = Floor(city)
    job_list = city.jobs
    within = [int((local_km_many(j.lat, j.lon, city.lat, city.lon) <= j.radius_km).sum()) for j in job_list[:20]]
    queue = iter(job_list * 4)
    cold_index = []
    for job in job_list:
        index.vocabulary._cache.clear()
        cold_index += timed(partial(index.rank_candidates, job, 20), 1)
    warm_index = timed(lambda: index.rank_candidates(next(queue), 20), len(job_list) * 3)
    cold_floor = [timed(partial(floor.rank, job, 20, cached=False), 1)[0] for job in job_list]
    warm_floor = [timed(partial(floor.rank, job, 20, cached=True), 1)[0] for job in job_list * 3]
    sample = n if n <= NAIVE_SAMPLE else NAIVE_SAMPLE
    profiles = [p for _, p in zip(range(sample), city.profiles(), strict=False)]
    naive = [t * n / sample for job in job_list[:NAIVE_JOBS]
             for t in timed(partial(naive_rank_candidates, profiles, job, 20), 1)]
    upsert_us = measure_upserts(index, profiles, n)
    return {
        "n": n, "within": int(np.median(within)), "vocabulary": len(city.vocabulary), "upsert_us": upsert_us,
        "build_s": build_s, "memory_mb": memory,
        "index_cold": cold_index, "index_warm": warm_index, "floor_cold": cold_floor, "floor_warm": warm_floor,
        "naive": naive, "naive_extrapolated": sample < n,
    }


def measure_upserts(index: WorkerIndex, sample: list[WorkerProfile], n: int, count: int = 50_000) -> float:
    """Mean µs per upsert of a worker who moved (compactions included, amortised)."""
    rng = np.random.default_rng(3)
    moved = [
        replace(sample[i % len(sample)], worker_id=int(rng.integers(n)), lat=sample[i % len(sample)].lat + 0.01)
        for i in range(count)
    ]
    start = time.perf_counter()
    for profile in moved:
        index.upsert(profile)
    return (time.perf_counter() - start) / count * 1e6


def report(row: dict) -> None:
    """Print one size's figures."""
    keys = ("index_cold", "index_warm", "floor_cold", "floor_warm", "naive")
    p50 = {k: float(np.percentile(row[k], 50)) for k in keys}
    print(f"\n== {row['n']:,} workers (median {row['within']:,} within 10 km of a job; "
          f"{row['vocabulary']:,} distinct skill texts) ==")
    print(f"build {row['build_s']:.1f} s, index memory (RSS growth) {row['memory_mb']:.0f} MB, "
          f"upsert of a moved worker {row['upsert_us']:.1f} µs (compaction amortised)")
    print("                                 p50 ms / p99 ms")
    print(f"index, similarity cache warm   {percentiles(row['index_warm'])}")
    print(f"floor, cached vocab scores     {percentiles(row['floor_warm'])}")
    print(f"index, cache cleared per query {percentiles(row['index_cold'])}")
    print(f"floor, cdist per query         {percentiles(row['floor_cold'])}")
    label = "naive loop" + (f" (extrapolated from {NAIVE_SAMPLE:,})" if row["naive_extrapolated"] else "")
    print(f"{label:<31}{percentiles(row['naive'])}")
    print(f"index/floor warm {p50['index_warm'] / p50['floor_warm']:.2f}x, cold "
          f"{p50['index_cold'] / p50['floor_cold']:.2f}x; naive/index warm {p50['naive'] / p50['index_warm']:,.0f}x, "
          f"cold {p50['naive'] / p50['index_cold']:,.0f}x")


def measure_radar(jobs: int = 50_000, workers: int = 300) -> None:
    """Print p50/p99 of the radar (top 20 open jobs for a worker) over `jobs` open jobs."""
    city = make_city(workers, jobs, seed=11)
    index = JobIndex.build(city.jobs)
    profiles = list(city.profiles())
    for profile in profiles:
        index.rank_jobs(profile, 20)
    times = [t for profile in profiles for t in timed(partial(index.rank_jobs, profile, 20), 1)]
    print(f"\nradar: top 20 of {jobs:,} open jobs for a worker, p50 / p99 ms {percentiles(times)}")


def main() -> None:
    """Parse arguments, measure each size, print NDCG@10 on the labelled set."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--jobs", type=int, default=200)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} cpus, {platform.node()}")
    for n in (int(s) for s in args.sizes.split(",")):
        report(measure(n, args.jobs))
        gc.collect()
    measure_radar()
    ndcg, per_job = labelled_ndcg()
    print(f"\nNDCG@10 on the labelled set ({len(per_job)} jobs): {ndcg:.3f} (worst job {min(per_job.values()):.3f})")


if __name__ == "__main__":
    main()
