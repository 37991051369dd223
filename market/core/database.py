"""The database engine for the configured URL, and the one helper for write transactions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

import aiosqlite
from piccolo.columns import Column
from piccolo.engine import engine_finder
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine, TransactionType, dict_factory
from piccolo.table import Table

from market.core import events
from market.settings import Settings

__all__ = ["after_commit", "batched_reads", "close_pool", "current_engine", "lock_rows_for_update", "make_engine",
           "one_connection", "open_pool", "write_transaction"]

_after_commit: ContextVar[list[Callable[[], None]] | None] = ContextVar("after_commit", default=None)
_shared: ContextVar[aiosqlite.Connection | None] = ContextVar("shared_sqlite_connection", default=None)


class _Kept:
    """The shared connection as a transaction sees it: closing it at the transaction's end keeps it open."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        """Wrap `connection`."""
        self._connection = connection

    def __getattr__(self, name: str) -> Any:
        """Everything but `close` is the connection's own."""
        return getattr(self._connection, name)

    async def close(self) -> None:
        """Kept open for the next query (`one_connection` closes it)."""

SQLITE_BUSY_TIMEOUT_S = 30


class _SQLiteEngine(SQLiteEngine):
    """Piccolo's SQLite engine without the `PRAGMA foreign_keys = 1` it sends before each statement of a transaction.

    That pragma is a no-op inside a transaction (SQLite's documentation), and the connection already got it when
    it was opened; skipping it saves a round trip to the connection's thread per statement (about 0.1 ms).
    """

    async def _run_in_existing_connection(self, connection: Any, query: str, args: list[Any] | None = None,
                                          query_type: str = "generic", table: Any = None) -> Any:
        connection.row_factory = dict_factory
        async with connection.execute(query, args or []) as cursor:
            return await cursor.fetchall()  # RETURNING gives inserted keys (SQLite >= 3.35: see migrate)

    async def _run_in_new_connection(self, query: str, args: list[Any] | None = None, query_type: str = "generic",
                                     table: Any = None) -> Any:
        shared = _shared.get()
        if shared is None:
            return await super()._run_in_new_connection(query, args, query_type, table)
        return await self._run_in_existing_connection(shared, query, args, query_type, table)  # autocommit

    async def get_connection(self) -> Any:
        """A new connection for a transaction, or inside `one_connection` the shared one."""
        shared = _shared.get()
        return _Kept(shared) if shared is not None else await super().get_connection()


def make_engine(settings: Settings) -> Engine:
    """A Piccolo engine for `settings.database_url` (SQLite file or PostgreSQL DSN)."""
    if settings.sqlite_path is not None:
        return _SQLiteEngine(path=str(settings.sqlite_path), timeout=SQLITE_BUSY_TIMEOUT_S)
    return PostgresEngine(config={"dsn": settings.database_url})


def current_engine() -> Engine:
    """The engine Piccolo tables use in this process."""
    engine = engine_finder()
    if engine is None:
        raise RuntimeError("no Piccolo engine configured (PICCOLO_CONF)")
    return engine


@asynccontextmanager
async def _transaction() -> AsyncIterator[None]:
    engine = current_engine()
    if isinstance(engine, SQLiteEngine):
        async with engine.transaction(transaction_type=TransactionType.immediate):
            yield
    else:
        async with engine.transaction():
            yield


@asynccontextmanager
async def batched_reads() -> AsyncIterator[None]:
    """Run a batch of reads cheaply: on SQLite on one connection and snapshot (each query otherwise opens its own
    connection, about a millisecond), on PostgreSQL from the pool as they come (concurrent ones in parallel).

    Only reads belong inside: a write would have to upgrade SQLite's shared lock, which can fail at once.
    """
    engine = current_engine()
    if isinstance(engine, SQLiteEngine) and not engine.transaction_exists():
        async with engine.transaction(transaction_type=TransactionType.deferred):
            yield
    else:
        yield


@asynccontextmanager
async def one_connection() -> AsyncIterator[None]:
    """On SQLite, run every query and transaction inside on one connection, opened once (each otherwise opens its
    own, and its thread: about a millisecond). For one task doing one thing at a time (the simulated city, a batch
    job), not for the app: two transactions under way at once would share it. On PostgreSQL, a connection pool is
    opened for the block unless one is open (without one, every query connects anew: several milliseconds)."""
    engine = current_engine()
    if isinstance(engine, PostgresEngine):
        opened = await open_pool(max_size=4)
        try:
            yield
        finally:
            if opened:
                await close_pool()
        return
    if not isinstance(engine, _SQLiteEngine) or _shared.get() is not None:
        yield
        return
    connection = await aiosqlite.connect(**engine.connection_kwargs)
    connection.row_factory = dict_factory  # type: ignore[assignment]
    await connection.execute("PRAGMA foreign_keys = 1")
    token = _shared.set(connection)
    try:
        yield
    finally:
        _shared.reset(token)
        await connection.close()


@asynccontextmanager
async def write_transaction() -> AsyncIterator[None]:
    """A unit of work: IMMEDIATE transaction on SQLite (one writer at a time), plain on PostgreSQL.

    On PostgreSQL, rows read to decide a write must be locked with `lock_rows_for_update`. Domain events recorded
    inside (`market.core.events.record`) reach their in-transaction subscribers just before the commit, and their
    after-commit subscribers once the outermost transaction has committed (never after a rollback), as do the
    callbacks registered with `after_commit`.
    """
    if _after_commit.get() is not None:  # nested: the outermost one flushes, commits and runs the callbacks
        async with _transaction():
            yield
        return
    token = _after_commit.set([])
    unit_token = events.begin_unit()
    try:
        async with _transaction():
            yield
            unit = events.current_unit()
            assert unit is not None
            await unit.flush()
        callbacks = _after_commit.get() or []
    finally:
        _after_commit.reset(token)
        events.end_unit(unit_token)
    for callback in callbacks:
        callback()
    await unit.run_after_commit()


def after_commit(callback: Callable[[], None]) -> None:
    """Run `callback` after the current write transaction commits (at once when there is none)."""
    pending = _after_commit.get()
    if pending is None:
        callback()
    elif callback not in pending:
        pending.append(callback)


async def lock_rows_for_update(table: type[Table], *where: Any, columns: Sequence[Column] = ()) -> list[dict[str, Any]]:
    """Lock the matching rows until the transaction ends and answer their `columns` (none asked: no rows).

    Only PostgreSQL needs the lock: SQLite's IMMEDIATE transaction already serialises writers.
    """
    if isinstance(current_engine(), PostgresEngine):
        return await table.select(*(columns or [table._meta.primary_key])).where(*where).lock_rows()
    return await table.select(*columns).where(*where) if columns else []


async def open_pool(max_size: int = 10) -> bool:
    """Open the PostgreSQL connection pool on this event loop unless one is open; True if this call opened it."""
    engine = current_engine()
    if not isinstance(engine, PostgresEngine) or engine.pool is not None:
        return False
    await engine.start_connection_pool(min_size=1, max_size=max_size)
    return True


async def close_pool() -> None:
    """Close the PostgreSQL connection pool, if one is open (SQLite has none)."""
    engine = current_engine()
    if isinstance(engine, PostgresEngine) and engine.pool is not None:
        await engine.close_connection_pool()
