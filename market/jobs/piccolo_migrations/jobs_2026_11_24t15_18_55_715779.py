"""The database's own guard on capacity: 0 <= filled <= headcount, on PostgreSQL and SQLite."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-24T15:18:55:715779"
VERSION = "1.38.0"
DESCRIPTION = "jobs capacity rule"

_SQLITE_TRIGGERS = [
    """CREATE TRIGGER jobs_filled_within_headcount_insert BEFORE INSERT ON jobs
       WHEN NEW.filled < 0 OR NEW.filled > NEW.headcount
       BEGIN SELECT RAISE(ABORT, 'jobs.filled outside 0..headcount'); END""",
    """CREATE TRIGGER jobs_filled_within_headcount_update BEFORE UPDATE OF filled, headcount ON jobs
       WHEN NEW.filled < 0 OR NEW.filled > NEW.headcount
       BEGIN SELECT RAISE(ABORT, 'jobs.filled outside 0..headcount'); END""",
]
_POSTGRES = [
    "ALTER TABLE jobs ADD CONSTRAINT jobs_filled_within_headcount CHECK (filled >= 0 AND filled <= headcount)",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="jobs", description=DESCRIPTION)

    async def run():
        engine = engine_finder()
        for statement in _SQLITE_TRIGGERS if engine.engine_type == "sqlite" else _POSTGRES:
            await engine.run_ddl(statement, in_pool=False)

    manager.add_raw(run)
    return manager
