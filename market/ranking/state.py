"""Each app process's matching state: built once (lifespan, or lazily on first use) and kept fresh by polling.

Processes share nothing but the database. Every write matching sees adds a row to `matching_changes` in its own
transaction; each process reads the rows past its watermark at most every `POLL_INTERVAL` (at once after a write
of its own), loads the *current* row of each changed entity and applies it. Sequence numbers can commit out of
order on PostgreSQL, so a missing number below the newest seen is a gap, re-read until it appears or `GAP_WAIT`
passes (a rolled-back transaction leaves a permanent gap). Rows older than an hour are pruned by a background job;
a process idle for longer than half of that rebuilds rather than poll.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

from litestar import Litestar
from litestar.connection import ASGIConnection
from litestar.datastructures import State

from market.core import clock
from market.ranking.changes import RETAIN, latest_seq, local_writes
from market.ranking.loading import load_jobs, load_workers, order_parties
from market.ranking.read_cache import ReadCache
from market.ranking.tables import ChangeKind, MatchingChange
from market.ranking.taxonomy_feed import refresh_taxonomy
from matching import Change, JobChanged, JobRemoved, MatchingState, WorkerChanged, WorkerRemoved

__all__ = ["ACCOUNT_MAX_AGE", "GAP_WAIT", "POLL_INTERVAL", "REBUILD_AFTER", "LiveMatching", "cached_user",
           "live_matching", "matching_lifespan", "provide_matching"]

POLL_INTERVAL = timedelta(seconds=1)
"""A process reads the change table at most this often (from the request path), and at once after its own writes."""
GAP_WAIT = timedelta(seconds=30)
"""How long a missing sequence number is re-read for before it counts as a rolled-back transaction."""
REBUILD_AFTER = RETAIN / 2
"""A process that has not polled for this long rebuilds: the change rows it would need may have been pruned."""
MAX_GAPS = 10_000
BUILD_LOOKBACK = 1_000
"""At build, numbers missing among this many below the watermark may be transactions still committing: gaps."""

log = logging.getLogger(__name__)


class LiveMatching:
    """One process's `MatchingState` and what it needs to stay fresh: the last poll, the open gaps, a lock."""

    def __init__(self) -> None:
        """Nothing built yet: the first `current()` builds from the database."""
        self._state: MatchingState | None = None
        self._lock = asyncio.Lock()
        self._polled_at = datetime.min.replace(tzinfo=clock.now().tzinfo)
        self._seen_local = -1
        self._gaps: dict[int, datetime] = {}
        self._taxonomy_changed = False
        self.cache = ReadCache()
        """Rows requests read, forgotten here as the change feed names them (`market.ranking.read_cache`)."""
        self.polls = 0
        """Polls that found changes, for tests and logs."""

    @property
    def watermark(self) -> int | None:
        """The newest change sequence the state reflects; None until it is first built."""
        return self._state.watermark if self._state is not None else None

    async def current(self) -> MatchingState:
        """The state, built if needed and polled if the last poll is older than `POLL_INTERVAL`; rebuilt when the
        trades taxonomy changed (`market.ranking.taxonomy_feed`)."""
        if await refresh_taxonomy():
            self._taxonomy_changed = True
        # A poll under way is waited for: it may forget cached rows the caller is about to read.
        if self._state is None or self._taxonomy_changed or self._due() or self._lock.locked():
            async with self._lock:
                if self._state is None or self._taxonomy_changed or clock.now() - self._polled_at > REBUILD_AFTER:
                    self._taxonomy_changed = False
                    await self._build()
                elif self._due():
                    await self._poll()
        assert self._state is not None
        return self._state

    def _due(self) -> bool:
        elapsed = clock.now() - self._polled_at
        return local_writes() != self._seen_local or elapsed >= POLL_INTERVAL or elapsed < timedelta(0)

    async def _build(self) -> None:
        started = time.perf_counter()
        self._seen_local, self._polled_at = local_writes(), clock.now()
        watermark = await latest_seq()  # read first: rows read after it reflect at least this sequence
        self.cache.clear()
        workers, jobs = await load_workers(), await load_jobs()
        self._state = MatchingState.build([w for w in workers.values() if w], [j for j in jobs.values() if j],
                                          watermark)
        self.cache.clear()  # again: anything remembered while loading was read from the state being replaced
        recent = {r["seq"] for r in await MatchingChange.select(MatchingChange.seq).where(
            MatchingChange.seq > watermark - BUILD_LOOKBACK)}
        self._gaps = {seq: self._polled_at for seq in range(max(1, watermark - BUILD_LOOKBACK + 1), watermark)
                      if seq not in recent}
        log.info("matching state built: %d workers, %d jobs, watermark %d, %.2f s", len(self._state.workers),
                 len(self._state.jobs), watermark, time.perf_counter() - started)

    async def _poll(self) -> None:
        assert self._state is not None
        state = self._state
        self._seen_local, now = local_writes(), clock.now()
        self._polled_at = now
        low = min(self._gaps) if self._gaps else state.watermark + 1
        rows = await MatchingChange.select(MatchingChange.seq, MatchingChange.kind, MatchingChange.entity_id).where(
            MatchingChange.seq >= low).order_by(MatchingChange.seq)
        fresh = [r for r in rows if r["seq"] > state.watermark or r["seq"] in self._gaps]
        present = {r["seq"] for r in rows}
        top = max(present, default=state.watermark)
        for seq in range(max(state.watermark + 1, top - MAX_GAPS), top):
            if seq not in present:
                self._gaps[seq] = now
        for row in fresh:
            self._gaps.pop(row["seq"], None)
        self._gaps = {seq: at for seq, at in self._gaps.items() if now - at < GAP_WAIT}
        if fresh:
            named = await _named(fresh)
            self._forget(named)
            state.apply(await _changes_for(named, top))
            # After applying: a ranking depends on every worker near the job, and points into the index's rows.
            self.cache.forget_kind("ranked")
            self.polls += 1
        state.watermark = max(state.watermark, top)




    def _forget(self, named: dict[str, set[int]]) -> None:
        for kind in ("worker", "taken", "skills"):
            self.cache.forget(kind, named["worker"])
        for kind in ("job", "holding"):
            self.cache.forget(kind, named["job"])
        self.cache.forget("employer", named["employer"])
        self.cache.forget("account", named["worker"] | named["employer"] | named["account"])


async def _named(rows: list[dict[str, Any]]) -> dict[str, set[int]]:
    """The workers, jobs and employers the change rows name; an order names its worker and its job."""
    def of(kind: ChangeKind) -> set[int]:
        return {r["entity_id"] for r in rows if r["kind"] == kind}

    order_workers, order_jobs = await order_parties(of(ChangeKind.order))
    return {"worker": of(ChangeKind.worker) | order_workers, "job": of(ChangeKind.job) | order_jobs,
            "employer": of(ChangeKind.employer), "account": of(ChangeKind.account)}


async def _changes_for(named: dict[str, set[int]], seq: int) -> list[Change]:
    """The current state of every worker and job named, as matching change records."""
    changes: list[Change] = []
    for worker_id, profile in (await load_workers(named["worker"])).items():
        changes.append(WorkerChanged(seq, profile) if profile else WorkerRemoved(seq, worker_id))
    for job_id, job in (await load_jobs(named["job"])).items():
        changes.append(JobChanged(seq, job) if job else JobRemoved(seq, job_id))
    return changes


ACCOUNT_MAX_AGE = 60.0
"""Seconds a remembered user row is trusted even if no `AccountChanged` named it (a writer that forgot to say)."""


async def cached_user(connection: ASGIConnection[Any, Any, Any, Any], user_id: int,
                      read: Callable[[], Awaitable[Any]]) -> Any:
    """The user row a login token is checked against, remembered once this process has a matching state (its poll
    forgets the users that changed); `market.accounts.auth.install_user_lookup` installs it."""
    holder = connection.app.state.get("matching")
    if holder is None or holder.watermark is None:
        return await read()
    await holder.current()
    return await holder.cache.get("account", user_id, read, max_age=ACCOUNT_MAX_AGE)


def live_matching(state: State) -> LiveMatching:
    """The process's matching holder kept in the app's state, created on first use."""
    holder = state.get("matching")
    if holder is None:
        holder = LiveMatching()
        state["matching"] = holder
    return holder


async def provide_matching(state: State) -> LiveMatching:
    """Dependency for handlers that rank: the app's matching holder (built on first `current()`)."""
    return live_matching(state)


@asynccontextmanager
async def matching_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Build the state at start-up so the first request does not pay for it."""
    await live_matching(app.state).current()
    yield
