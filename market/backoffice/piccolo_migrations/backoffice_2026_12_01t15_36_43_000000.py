"""The admin log is append-only in the database itself."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T15:36:43:000000"
VERSION = "1.38.0"
DESCRIPTION = "admin log rules"

_SQLITE = [
    """CREATE TRIGGER admin_log_no_update BEFORE UPDATE ON admin_log
       BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END""",
    """CREATE TRIGGER admin_log_no_delete BEFORE DELETE ON admin_log
       BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END""",
]
_POSTGRES = [
    """CREATE FUNCTION admin_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'admin_log is append-only'; END $$""",
    """CREATE TRIGGER admin_log_no_change BEFORE UPDATE OR DELETE ON admin_log
       FOR EACH ROW EXECUTE FUNCTION admin_log_append_only()""",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="backoffice", description=DESCRIPTION)

    async def run():
        engine = engine_finder()
        for statement in _SQLITE if engine.engine_type == "sqlite" else _POSTGRES:
            await engine.run_ddl(statement, in_pool=False)

    manager.add_raw(run)
    return manager
