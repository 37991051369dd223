"""The health check's database probe: one `SELECT 1` answers every health request of the same second."""

from __future__ import annotations

import asyncio
import time

from market.core.database import current_engine

__all__ = ["PROBE_EVERY", "database_answers"]

PROBE_EVERY = 1.0
"""Seconds one successful probe stands for; a failed one is never reused (the next request probes again)."""

_last_ok = float("-inf")
_running: asyncio.Future[None] | None = None


async def database_answers() -> None:
    """Raise unless the database answered a `SELECT 1` within the last `PROBE_EVERY` seconds (probing if not,
    once for all the requests waiting at that moment)."""
    global _last_ok, _running
    if time.monotonic() - _last_ok < PROBE_EVERY:
        return
    if _running is not None and not _running.done():
        await asyncio.shield(_running)
        return
    loop = asyncio.get_running_loop()
    _running = running = loop.create_future()
    try:
        await current_engine().run_ddl("SELECT 1")
    except BaseException as exc:
        running.set_exception(exc)
        running.exception()  # retrieved here: waiters re-raise it, no "never retrieved" warning
        raise
    else:
        _last_ok = time.monotonic()
        running.set_result(None)
