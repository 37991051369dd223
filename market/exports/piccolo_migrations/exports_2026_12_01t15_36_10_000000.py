"""The export log is append-only in the database itself: no row can be changed or deleted."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T15:36:10:000000"
VERSION = "1.38.0"
DESCRIPTION = "export records append-only"

_SQLITE = [
    """CREATE TRIGGER export_records_no_update BEFORE UPDATE ON export_records
       BEGIN SELECT RAISE(ABORT, 'export_records is append-only'); END""",
    """CREATE TRIGGER export_records_no_delete BEFORE DELETE ON export_records
       BEGIN SELECT RAISE(ABORT, 'export_records is append-only'); END""",
]
_POSTGRES = [
    """CREATE FUNCTION export_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'export_records is append-only'; END $$""",
    """CREATE TRIGGER export_records_no_change BEFORE UPDATE OR DELETE ON export_records
       FOR EACH ROW EXECUTE FUNCTION export_records_append_only()""",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="exports", description=DESCRIPTION)

    async def run():
        engine = engine_finder()
        for statement in _SQLITE if engine.engine_type == "sqlite" else _POSTGRES:
            await engine.run_ddl(statement, in_pool=False)

    manager.add_raw(run)
    return manager
