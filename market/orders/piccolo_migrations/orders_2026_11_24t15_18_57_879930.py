"""Uniqueness the service relies on: one order per worker and job, one idempotency record per user and key."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-24T15:18:57:879930"
VERSION = "1.38.0"
DESCRIPTION = "orders unique rules"

_STATEMENTS = [
    'CREATE UNIQUE INDEX orders_one_per_worker_and_job ON orders (job, worker)',
    'CREATE UNIQUE INDEX idempotency_records_one_per_user_and_key ON idempotency_records ("user", "key")',
    "CREATE INDEX orders_worker_status ON orders (worker, status)",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="orders", description=DESCRIPTION)

    async def run():
        engine = engine_finder()
        for statement in _STATEMENTS:
            await engine.run_ddl(statement, in_pool=False)

    manager.add_raw(run)
    return manager
