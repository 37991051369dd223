"""`one_connection`: on SQLite every query and transaction inside shares one connection (what a temporary table
shows, being per connection); a transaction inside still commits or rolls back as a unit, on both databases."""

from __future__ import annotations

import pytest

from market.core.database import one_connection, write_transaction
from market.jobs.tables import Job
from tests.market.conftest import ON_POSTGRES


async def _failing_write(table: str) -> None:
    async with write_transaction():
        await Job.raw(f"INSERT INTO {table} VALUES (2)")
        raise RuntimeError("the act fails")


async def test_a_transaction_inside_commits_or_rolls_back_as_a_unit() -> None:
    await Job.raw("CREATE TABLE probe_units (n INTEGER)")
    async with one_connection():
        async with write_transaction():
            await Job.raw("INSERT INTO probe_units VALUES (1)")
        with pytest.raises(RuntimeError):
            await _failing_write("probe_units")
        assert await Job.raw("SELECT n FROM probe_units") == [{"n": 1}]
    assert await Job.raw("SELECT n FROM probe_units") == [{"n": 1}]  # committed for every connection


async def test_on_sqlite_every_query_inside_shares_one_connection() -> None:
    temporary = "" if ON_POSTGRES else "TEMP"  # PostgreSQL keeps its pool: a temporary table would vanish
    async with one_connection():
        await Job.raw(f"CREATE {temporary} TABLE probe_seen (n INTEGER)")  # TEMP: only on the connection made on
        async with write_transaction():
            await Job.raw("INSERT INTO probe_seen VALUES (1)")
        assert await Job.raw("SELECT n FROM probe_seen") == [{"n": 1}]
    if ON_POSTGRES:
        return
    with pytest.raises(Exception, match="no such table"):
        await Job.raw("SELECT n FROM probe_seen")  # a new connection: the shared one was closed


@pytest.mark.skipif(not ON_POSTGRES, reason="a connection pool is PostgreSQL's; SQLite shares one connection instead")
async def test_on_postgres_the_block_runs_on_a_pool_it_opens_and_closes() -> None:
    from market.core.database import current_engine

    engine = current_engine()
    assert engine.pool is None  # type: ignore[attr-defined]
    async with one_connection():
        assert engine.pool is not None  # type: ignore[attr-defined]  # not a new connection per query
        async with one_connection():  # nested: the outer block's pool stays
            await Job.raw("SELECT 1")
        assert engine.pool is not None  # type: ignore[attr-defined]
    assert engine.pool is None  # type: ignore[attr-defined]
