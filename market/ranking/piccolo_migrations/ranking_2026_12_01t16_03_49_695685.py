from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Varchar

ID = "2026-12-01T16:03:49:695685"
VERSION = "1.38.0"
DESCRIPTION = "matching_changes.kind may be employer or account (read caches forget those rows)"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="ranking", description=DESCRIPTION
    )

    manager.alter_column(
        table_class_name="MatchingChange",
        tablename="matching_changes",
        column_name="kind",
        db_column_name="kind",
        params={
            "choices": Enum(
                "ChangeKind",
                {
                    "worker": "worker",
                    "job": "job",
                    "order": "order",
                    "employer": "employer",
                    "account": "account",
                },
            )
        },
        old_params={
            "choices": Enum(
                "ChangeKind", {"worker": "worker", "job": "job", "order": "order"}
            )
        },
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
