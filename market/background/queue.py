"""The one seam for background work: enqueue on arq when Redis is configured, else hand it to the in-process runner.

Nothing a user submitted depends on an enqueue succeeding: state lives in the database and the periodic jobs
find whatever is due, so an enqueue that fails (Redis down) only costs latency.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any, Protocol

from market.settings import get_settings

__all__ = ["Nudgeable", "arq_pool", "close_pool", "current_runner", "enqueue", "forget_pools", "nudge_dispatcher",
           "pending_nudges", "redis_settings", "use_runner"]

logger = logging.getLogger("market.background")

# This process's background plumbing. Enqueues come from after-commit callbacks deep in service code, not from a
# request handler, so they cannot be handed app.state: the seam keeps them here, behind the functions below.
_pools: dict[int, Any] = {}  # one arq pool per event loop (a pool belongs to the loop that made it)
_tasks: set[asyncio.Task[Any]] = set()  # fire-and-forget nudges still running
_runner: Nudgeable | None = None  # the in-process runner, while the app's lifespan runs one


class Nudgeable(Protocol):
    """What enqueue needs of the in-process runner."""

    def nudge(self, name: str) -> None:
        """Run job `name` as soon as possible."""


def use_runner(runner: Nudgeable | None) -> None:
    """Make `runner` the one enqueues nudge when there is no Redis (the app's lifespan; None when it stops)."""
    global _runner
    _runner = runner


def current_runner() -> Nudgeable | None:
    """The in-process runner of this process, when jobs run in-process."""
    return _runner


def pending_nudges() -> list[asyncio.Task[Any]]:
    """The fire-and-forget enqueues started after commits that have not finished yet."""
    return list(_tasks)


def redis_settings(*, fail_fast: bool = True) -> Any:
    """arq's connection settings for the configured Redis.

    Requests fail fast (one try, 1 s) rather than wait for Redis; a worker (`fail_fast=False`) keeps arq's retries
    so it can start before Redis does.
    """
    from arq.connections import RedisSettings

    settings = RedisSettings.from_dsn(get_settings().redis_url or "redis://127.0.0.1:6379/0")
    if fail_fast:
        settings.conn_timeout = 1
        settings.conn_retries = 0
    return settings


async def arq_pool() -> Any:
    """This event loop's arq pool on the configured Redis, opened on first use."""
    from arq import create_pool

    loop = id(asyncio.get_running_loop())  # a pool belongs to the loop that made it
    if loop not in _pools:
        _pools[loop] = await create_pool(redis_settings())
    return _pools[loop]


async def close_pool() -> None:
    """Close this loop's arq pool, if one was opened."""
    pool = _pools.pop(id(asyncio.get_running_loop()), None)
    if pool is not None:
        await pool.aclose()


async def forget_pools() -> None:
    """Cancel pending nudges and close and drop every cached arq pool (after the Redis URL changed; tests)."""
    for task in list(_tasks):
        task.cancel()
    for pool in list(_pools.values()):
        with contextlib.suppress(Exception):  # a pool of a loop that is gone, or of a Redis that is gone
            await pool.aclose()
    _pools.clear()


async def enqueue(function: str, *, job_id: str | None = None) -> bool:
    """Queue `function` (a name in `market.background.jobs.JOBS`); False when it could not be queued now."""
    if get_settings().redis_url:
        try:
            await (await arq_pool()).enqueue_job(function, _job_id=job_id)
            return True
        except Exception as exc:  # Redis unreachable: the periodic jobs pick the work up later
            _pools.pop(id(asyncio.get_running_loop()), None)
            logger.warning("could not enqueue %s (%s); it will run on the next periodic pass", function, exc)
            return False
    if _runner is None:
        return False
    _runner.nudge(function)
    return True


def nudge_dispatcher() -> None:
    """Ask for the outbox to be dispatched soon (fire and forget; called after a commit that queued messages)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    # One nudge per second at most: arq refuses a job id it still holds a result for, so the id moves on.
    task = loop.create_task(enqueue("dispatch_outbox", job_id=f"dispatch-outbox-nudge-{int(time.time())}"))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
