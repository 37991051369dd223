"""The wage scan as the arq worker runs it: the cron's job on a real Redis opens the warning once, however often."""

from __future__ import annotations

import asyncio

from arq.worker import Worker

from market.background import queue
from market.background.worker import WorkerSettings
from market.wages.tables import WageWarning, WageWarningLevel
from tests.market.api.wage_helpers import at, deal, notices, station


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


def test_the_worker_schedules_the_wage_scan_as_a_cron():
    assert "scan_wages" in {job.name.removeprefix("cron:") for job in WorkerSettings.cron_jobs}


async def test_an_arq_worker_runs_the_wage_scan_with_one_effect(client, market, redis):
    staff = await station(market)
    await deal(market)
    at(14)  # the third working day past the pay-by time
    assert await queue.enqueue("scan_wages", job_id="scan_wages:a") is True
    assert await queue.enqueue("scan_wages", job_id="scan_wages:b") is True
    queued = [job.function for job in await (await queue.arq_pool()).queued_jobs()]
    assert queued.count("scan_wages") == 2
    assert await _burst() >= 2  # both scans (and the dispatch of the texts)
    assert await WageWarning.count() == 1
    assert [r["level"] for r in await WageWarningLevel.select(WageWarningLevel.level)] == ["yellow"]
    assert await notices(staff["id"]) == ["wage_warning_yellow"]
