"""The in-process runner: with no Redis, `linggong up`/`serve` run the same job functions on the same schedule."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar

from market.background import queue
from market.background.schedule import SCHEDULE, Scheduled
from market.ranking.state import live_matching
from market.settings import get_settings

__all__ = ["InProcessRunner", "background_lifespan", "runner_for_app"]

logger = logging.getLogger("market.background")


class InProcessRunner:
    """Runs each job on its period, and at once when nudged; a failing run is logged and tried at the next tick."""

    def __init__(self, schedule: Sequence[Scheduled] = SCHEDULE) -> None:
        """A runner for `schedule`; jobs marked `run_at_startup` are due at once, the others after one period."""
        self.entries = {entry.name: entry for entry in schedule}
        started = time.monotonic()
        self._due = {entry.name: 0.0 if entry.run_at_startup else started + entry.period_s for entry in schedule}
        self._wake = asyncio.Event()
        self.context: dict[str, Any] = {"job_try": 1, "in_process": True}
        """What each job is called with; the app's lifespan adds its live matching state (`matching`)."""

    @property
    def periods(self) -> dict[str, float]:
        """Seconds between runs of each job."""
        return {name: float(entry.period_s) for name, entry in self.entries.items()}

    def nudge(self, name: str) -> None:
        """Run `name` as soon as possible."""
        self._due[name] = 0.0
        self._wake.set()

    async def run_due(self) -> None:
        """Run every job whose time has come, one after another."""
        for name, entry in self.entries.items():
            if time.monotonic() < self._due[name]:
                continue
            self._due[name] = time.monotonic() + entry.period_s
            try:
                await entry.function(dict(self.context))
            except Exception:
                logger.exception("background job %s failed; it runs again in %d s", name, entry.period_s)

    async def run_forever(self) -> None:
        """The runner's loop."""
        while True:
            await self.run_due()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=1.0)
            self._wake.clear()


def runner_for_app() -> InProcessRunner | None:
    """The runner an app needs (made by `create_app`, started by its lifespan): one without Redis, none with it."""
    return None if get_settings().redis_url else InProcessRunner()


@asynccontextmanager
async def background_lifespan(app: Litestar) -> AsyncIterator[None]:
    """App lifespan: run the app's in-process runner (`app.state.runner`), the one `queue.enqueue` nudges while it
    runs; with Redis there is none (arq workers run the jobs) and this closes the app's arq pool at the end."""
    runner: InProcessRunner | None = app.state.get("runner")
    if runner is None:
        yield
        await queue.close_pool()
        return
    queue.use_runner(runner)
    runner.context["matching"] = live_matching(app.state)  # the alert tiers rank in the app's own index
    task = asyncio.create_task(runner.run_forever())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        queue.use_runner(None)
