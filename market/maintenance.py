"""Bringing a database up to date: migrations and the SQLite settings that suit a web server."""

from __future__ import annotations

import contextlib
import io
import sqlite3

from piccolo.apps.migrations.commands.forwards import run_forwards
from piccolo.engine.sqlite import SQLiteEngine

from market.core.database import current_engine

__all__ = ["MIN_SQLITE", "migrate"]

MIN_SQLITE = (3, 35, 0)


async def migrate(*, quiet: bool = True) -> None:
    """Apply every migration not yet applied; raise with Piccolo's message if one fails."""
    engine = current_engine()
    if isinstance(engine, SQLiteEngine):
        if sqlite3.sqlite_version_info < MIN_SQLITE:  # INSERT … RETURNING and ON CONFLICT are used throughout
            raise RuntimeError(f"SQLite {sqlite3.sqlite_version} is too old: the market needs 3.35 or later")
        await engine.run_ddl("PRAGMA journal_mode=WAL")  # readers never wait for the writer
    output = io.StringIO()
    with contextlib.redirect_stdout(output) if quiet else contextlib.nullcontext():
        result = await run_forwards(app_name="all")
    if not result.success:
        raise RuntimeError(f"migrations failed: {result.message or output.getvalue()[-500:]}")
