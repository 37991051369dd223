"""One event per sequence number in each contract's audit chain."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-24T15:30:41:875676"
VERSION = "1.38.0"
DESCRIPTION = "contract events unique per sequence"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="contracts", description=DESCRIPTION)

    async def run():
        engine = engine_finder()
        await engine.run_ddl(
            "CREATE UNIQUE INDEX contract_events_one_per_seq ON contract_events (contract, seq)", in_pool=False)

    manager.add_raw(run)
    return manager
