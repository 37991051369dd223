"""Orders whose contract had failed were retried by every recovery run: they are now `retrying`, due at once
(`failed` from here on means given up)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T09:30:17:000000"
VERSION = "1.38.0"
DESCRIPTION = "failed contracts are retried"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="orders", description=DESCRIPTION)

    async def run():
        await engine_finder().run_ddl(
            "UPDATE orders SET contract_status = 'retrying' WHERE contract_status = 'failed'", in_pool=False)

    manager.add_raw(run)
    return manager
