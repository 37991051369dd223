"""The trail is append-only in the database itself, one link per sequence number; one complaint per order and case."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-01T13:11:21:000000"
VERSION = "1.38.0"
DESCRIPTION = "wage case trail rules"

_COMMON = [
    "CREATE UNIQUE INDEX wage_case_events_one_per_seq ON wage_case_events (\"case\", seq)",
    "CREATE UNIQUE INDEX wage_case_claimants_one_per_order ON wage_case_claimants (\"case\", \"order\")",
]
_SQLITE = [
    """CREATE TRIGGER wage_case_events_no_update BEFORE UPDATE ON wage_case_events
       BEGIN SELECT RAISE(ABORT, 'wage_case_events is append-only'); END""",
    """CREATE TRIGGER wage_case_events_no_delete BEFORE DELETE ON wage_case_events
       BEGIN SELECT RAISE(ABORT, 'wage_case_events is append-only'); END""",
]
_POSTGRES = [
    """CREATE FUNCTION wage_case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'wage_case_events is append-only'; END $$""",
    """CREATE TRIGGER wage_case_events_no_change BEFORE UPDATE OR DELETE ON wage_case_events
       FOR EACH ROW EXECUTE FUNCTION wage_case_events_append_only()""",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="cases", description=DESCRIPTION)

    async def run():
        engine = engine_finder()
        for statement in _COMMON + (_SQLITE if engine.engine_type == "sqlite" else _POSTGRES):
            await engine.run_ddl(statement, in_pool=False)

    manager.add_raw(run)
    return manager
