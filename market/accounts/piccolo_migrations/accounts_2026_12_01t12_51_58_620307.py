from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Varchar

ID = "2026-12-01T12:51:58:620307"
VERSION = "1.38.0"
DESCRIPTION = ""


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="accounts", description=DESCRIPTION
    )

    manager.alter_column(
        table_class_name="User",
        tablename="users",
        column_name="role",
        db_column_name="role",
        params={
            "choices": Enum(
                "Role",
                {
                    "worker": "worker",
                    "employer": "employer",
                    "staff": "staff",
                    "supervisor": "supervisor",
                    "admin": "admin",
                },
            )
        },
        old_params={
            "choices": Enum(
                "Role",
                {
                    "worker": "worker",
                    "employer": "employer",
                    "staff": "staff",
                    "admin": "admin",
                },
            )
        },
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
