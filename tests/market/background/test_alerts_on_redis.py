"""Tiered alerts as the arq worker runs them: the cron's job on a real Redis sends each alert once however often it
runs, and a Redis that was down when the job was posted loses nothing (the tiers are database rows)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from arq.worker import Worker

from market.background import queue
from market.background.worker import WorkerSettings
from market.core import clock
from market.notifications.tables import OutboxMessage
from tests.market.api.alert_helpers import alerts_on, mover, posted


async def _burst() -> int:
    worker = Worker(functions=WorkerSettings.functions, redis_settings=queue.redis_settings(), burst=True,
                    poll_delay=0.05, handle_signals=False, max_jobs=WorkerSettings.max_jobs,
                    job_timeout=WorkerSettings.job_timeout, keep_result=WorkerSettings.keep_result)
    try:
        await asyncio.wait_for(worker.async_run(), timeout=15)
    finally:
        await worker.close()
    assert worker.jobs_failed == 0
    return worker.jobs_complete


def test_the_worker_schedules_the_alerts_as_a_cron():
    assert "send_job_alerts" in {job.name.removeprefix("cron:") for job in WorkerSettings.cron_jobs}


async def test_posted_while_redis_was_down_then_sent_once_by_two_runs(client, market, redis):
    clock.freeze(clock.now())
    worker = await mover(client, market, "吴师傅")
    await alerts_on(client, worker)
    employer = await market.user("employer")
    redis.stop()
    job = await posted(market, employer)  # posting needs no Redis: the tiers are rows
    redis.start()
    await queue.forget_pools()
    clock.shift(timedelta(minutes=11))
    assert await queue.enqueue("send_job_alerts", job_id="alerts:a") is True
    assert await queue.enqueue("send_job_alerts", job_id="alerts:b") is True
    assert await _burst() >= 2
    rows = await OutboxMessage.select(OutboxMessage.recipient, OutboxMessage.payload).where(
        OutboxMessage.event == "job_alert").output(load_json=True)
    assert [(r["recipient"], r["payload"]["job_id"]) for r in rows] == [(worker["id"], job["id"])]
