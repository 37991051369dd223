"""The in-process runner: with no Redis, `linggong up`/`serve` run the same job functions on a schedule."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from market.background.jobs import JOBS
from market.settings import get_settings

__all__ = ["SCHEDULE", "InProcessRunner", "background_lifespan", "current_runner"]

logger = logging.getLogger("market.background")

SCHEDULE = {"dispatch_outbox": 2.0, "scan_notices": 30.0, "recover_contracts": 60.0, "prune_matching_changes": 600.0}
"""Seconds between runs of each job (the arq worker's crons use the same periods)."""

_current: InProcessRunner | None = None


class InProcessRunner:
    """Runs each job on its period, and at once when nudged; a failing run is logged and tried at the next tick."""

    def __init__(self, schedule: dict[str, float] | None = None) -> None:
        self.schedule = schedule or SCHEDULE
        self._due = dict.fromkeys(self.schedule, 0.0)
        self._wake = asyncio.Event()

    def nudge(self, name: str) -> None:
        """Run `name` as soon as possible."""
        self._due[name] = 0.0
        self._wake.set()

    async def run_due(self) -> None:
        """Run every job whose time has come, one after another."""
        for name, period in self.schedule.items():
            if time.monotonic() < self._due[name]:
                continue
            self._due[name] = time.monotonic() + period
            try:
                await JOBS[name]({"job_try": 1, "in_process": True})
            except Exception:
                logger.exception("background job %s failed; it runs again in %.0f s", name, period)

    async def run_forever(self) -> None:
        """The runner's loop."""
        while True:
            await self.run_due()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=1.0)
            self._wake.clear()


def current_runner() -> InProcessRunner | None:
    """The runner of this process, when jobs run in-process."""
    return _current


@asynccontextmanager
async def background_lifespan(_: Any) -> AsyncIterator[None]:
    """App lifespan: without Redis, run the background jobs inside the app; with Redis, arq workers run them."""
    global _current
    if get_settings().redis_url:
        yield
        from market.background.queue import close_pool

        await close_pool()
        return
    _current = InProcessRunner()
    task = asyncio.create_task(_current.run_forever())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        _current = None
