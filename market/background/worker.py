"""arq's WorkerSettings for `linggong worker`."""

from __future__ import annotations

from typing import Any

from arq.connections import RedisSettings

from market.settings import get_settings

__all__ = ["WorkerSettings"]


async def startup(ctx: dict[str, Any]) -> None:
    """Open the database pool for the worker's life."""
    from piccolo.engine.postgres import PostgresEngine

    from market.core.database import current_engine

    engine = current_engine()
    if isinstance(engine, PostgresEngine):
        await engine.start_connection_pool(min_size=1, max_size=4)


async def shutdown(ctx: dict[str, Any]) -> None:
    """Close the database pool."""
    from piccolo.engine.postgres import PostgresEngine

    from market.core.database import current_engine

    engine = current_engine()
    if isinstance(engine, PostgresEngine):
        await engine.close_connection_pool()


async def ping(ctx: dict[str, Any]) -> str:
    """A job that only proves the worker runs (used by health checks and tests)."""
    return "pong"


class WorkerSettings:
    """The one arq configuration; issue 5 adds the outbox dispatcher and the reminder crons here."""

    functions = [ping]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = RedisSettings.from_dsn(get_settings().redis_url or "redis://127.0.0.1:6379/0")
