"""Accepting is exact under concurrency: 200 workers racing for 5 places get exactly 5 orders."""

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

from market.jobs.tables import Job
from market.orders.tables import Order

RACERS = 200
PLACES = 5


async def _filled(job_id: int) -> int:
    return (await Job.select(Job.filled).where(Job.id == job_id).first())["filled"]


async def test_two_hundred_concurrent_accepts_fill_exactly_the_headcount(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, headcount=PLACES)
    workers = await market.workers(RACERS)
    responses = await asyncio.gather(*(market.accept(job["id"], w) for w in workers))
    outcomes = Counter(r.status_code for r in responses)
    assert outcomes == {201: PLACES, 409: RACERS - PLACES}, outcomes
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"job_full"}
    assert await Order.count().where(Order.job == job["id"]) == PLACES
    assert await _filled(job["id"]) == PLACES


async def test_one_worker_racing_for_overlapping_jobs_gets_exactly_one(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    jobs = [await market.job(employer, title=f"同一时段岗位{i}", starts_at=(start + timedelta(minutes=i)).isoformat(),
                             ends_at=(start + timedelta(hours=6)).isoformat()) for i in range(10)]
    responses = await asyncio.gather(*(market.accept(j["id"], worker) for j in jobs))
    assert Counter(r.status_code for r in responses) == {201: 1, 409: 9}
    assert await Order.count().where(Order.worker == worker["id"]) == 1
    assert sum([await _filled(j["id"]) for j in jobs]) == 1


async def test_the_same_key_sent_twenty_times_at_once_makes_one_order(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer, headcount=3)
    responses = await asyncio.gather(*(market.accept(job["id"], worker, **{"Idempotency-Key": "double-tap"})
                                       for _ in range(20)))
    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["order"]["id"] for r in responses}) == 1
    assert await _filled(job["id"]) == 1
