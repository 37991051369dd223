"""arq's WorkerSettings for `linggong worker` (or `arq market.background.worker.WorkerSettings`)."""

from __future__ import annotations

from typing import Any

from arq import cron

import market  # noqa: F401  (sets PICCOLO_CONF before Piccolo is imported)
from market.background.jobs import dispatch_outbox, prune_matching_changes, recover_contracts, scan_notices
from market.background.queue import redis_settings
from market.core.database import close_pool, open_pool

__all__ = ["WorkerSettings"]


async def startup(ctx: dict[str, Any]) -> None:
    """Open the database pool for the worker's life."""
    await open_pool(max_size=4)


async def shutdown(ctx: dict[str, Any]) -> None:
    """Close the database pool."""
    await close_pool()


class WorkerSettings:
    """The one arq configuration: the jobs, and crons that find due work so nothing waits on a lost enqueue."""

    functions = [dispatch_outbox, scan_notices, recover_contracts, prune_matching_changes]
    cron_jobs = [
        cron(dispatch_outbox, second=set(range(0, 60, 5)), unique=True, run_at_startup=True),
        cron(scan_notices, second={0, 30}, unique=True),
        cron(recover_contracts, second={15}, unique=True),
        cron(prune_matching_changes, minute=set(range(3, 60, 10)), second={45}, unique=True),
    ]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = redis_settings(fail_fast=False)
    job_timeout = 120
    max_jobs = 10
    keep_result = 60
