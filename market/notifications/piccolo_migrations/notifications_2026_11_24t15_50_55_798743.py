"""One delivery per message and channel, and the index the dispatcher scans."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-24T15:50:55:798743"
VERSION = "1.38.0"
DESCRIPTION = "one delivery per message and channel"

_STATEMENTS = [
    "CREATE UNIQUE INDEX deliveries_one_per_message_and_channel ON deliveries (message, channel)",
    "CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at)",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="notifications", description=DESCRIPTION)

    async def run():
        engine = engine_finder()
        for statement in _STATEMENTS:
            await engine.run_ddl(statement, in_pool=False)

    manager.add_raw(run)
    return manager
