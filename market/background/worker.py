"""arq's WorkerSettings and the worker `linggong worker` runs: the market's jobs, riding out Redis outages."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any, cast

from arq import cron
from arq.connections import create_pool
from arq.typing import WorkerCoroutine
from arq.worker import Worker, get_kwargs
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

import market  # noqa: F401  (sets PICCOLO_CONF before Piccolo is imported)
from market.background.jobs import JOBS
from market.background.queue import redis_settings
from market.background.schedule import SCHEDULE
from market.background.wiring import install as install_subscriptions
from market.core.database import close_pool, open_pool
from market.ranking.state import LiveMatching

__all__ = ["REDIS_RETRY_FIRST_S", "REDIS_RETRY_MAX_S", "SteadyWorker", "WorkerSettings", "run_worker"]

logger = logging.getLogger("market.background")

REDIS_RETRY_FIRST_S = 0.5
"""The first wait before trying Redis again after it went away; each further failure doubles it..."""
REDIS_RETRY_MAX_S = 5.0
"""...up to this, so a worker is back within seconds of Redis, however long the outage was."""

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError, asyncio.TimeoutError)
"""What a Redis that is unreachable, restarting or still loading raises."""


async def startup(ctx: dict[str, Any]) -> None:
    """Install the domain subscriptions, open the database pool for the worker's life, and give the jobs the
    worker's own live matching state (`ctx["matching"]`, built on first use, polled by each use)."""
    install_subscriptions()
    await open_pool(max_size=4)
    ctx["matching"] = LiveMatching()


async def shutdown(ctx: dict[str, Any]) -> None:
    """Close the database pool."""
    await close_pool()


class WorkerSettings:
    """The one arq configuration: the jobs, and crons (from `SCHEDULE`) that find due work so nothing waits on a lost
    enqueue."""

    functions = list(JOBS.values())
    cron_jobs = [cron(cast(WorkerCoroutine, entry.function), unique=entry.unique, run_at_startup=entry.run_at_startup,
                      **entry.cron_times())
                 for entry in SCHEDULE]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = redis_settings(fail_fast=False)
    job_timeout = 120
    max_jobs = 10
    keep_result = 60


class SteadyWorker(Worker):
    """arq's worker, except that losing Redis is an outage to wait out, not a reason to exit.

    arq lets the first `ConnectionError` of its poll loop end the process. Here each poll that fails on Redis is
    logged, then Redis is pinged with back-off until it answers, and polling resumes in the same process. Nothing
    is lost meanwhile that the market needs: the work itself is in the database and the crons find it again.
    """

    async def main(self) -> None:
        """Connect (waiting for Redis if it is not up yet), then run arq's loop."""
        if self._pool is None:
            self._pool = await self._connect()
        await super().main()

    async def _connect(self) -> Any:
        pause, started = REDIS_RETRY_FIRST_S, time.monotonic()
        while True:
            try:
                return await create_pool(self.redis_settings, job_deserializer=self.job_deserializer,
                                         job_serializer=self.job_serializer, default_queue_name=self.queue_name,
                                         expires_extra_ms=self.expires_extra_ms)
            except REDIS_DOWN as exc:
                logger.warning("Redis is unreachable (%s); trying again in %.1f s (waiting %.0f s so far)",
                               exc, pause, time.monotonic() - started)
                await asyncio.sleep(pause)
                pause = min(pause * 2, REDIS_RETRY_MAX_S)

    async def _poll_iteration(self) -> None:
        try:
            await super()._poll_iteration()
        except REDIS_DOWN as exc:
            await self._wait_for_redis(exc)

    async def _wait_for_redis(self, error: BaseException) -> None:
        """Ping Redis with back-off until it answers; jobs already running carry on meanwhile."""
        pause, started, tries = REDIS_RETRY_FIRST_S, time.monotonic(), 0
        logger.warning("lost Redis (%s: %s); reconnecting", type(error).__name__, error)
        while True:
            await asyncio.sleep(pause)
            tries += 1
            try:
                await self.pool.ping()
            except REDIS_DOWN as exc:
                if pause < REDIS_RETRY_MAX_S or tries % 12 == 0:  # then about once a minute, however long it lasts
                    logger.warning("Redis still unreachable after %.0f s (%s); next try in %.1f s",
                                   time.monotonic() - started, exc, min(pause * 2, REDIS_RETRY_MAX_S))
                pause = min(pause * 2, REDIS_RETRY_MAX_S)
                continue
            logger.warning("Redis is back after %.0f s; resuming", time.monotonic() - started)
            for job in self.cron_jobs:  # skip the runs missed meanwhile: one of each is enough, they find what is due
                job.next_run = None
            return

    async def close(self) -> None:
        """Stop as arq does; during an outage, skip what needs Redis and still close the database pool."""
        try:
            await super().close()
        except REDIS_DOWN as exc:
            logger.warning("stopping while Redis is unreachable (%s)", exc)
            if self.on_shutdown is not None:
                await self.on_shutdown(self.ctx)
            with contextlib.suppress(Exception):
                await self.pool.aclose()
            self._pool = None


def run_worker() -> SteadyWorker:
    """Run the market's worker until it is stopped by a signal (what `linggong worker` does)."""
    worker = SteadyWorker(**get_kwargs(WorkerSettings))  # type: ignore[arg-type]
    worker.run()
    return worker
