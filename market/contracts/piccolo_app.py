"""Piccolo app for contracts: signed PDFs, their audit trail, signing credentials and standing authorisations."""

import os

from piccolo.conf.apps import AppConfig, table_finder

CURRENT_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

APP_CONFIG = AppConfig(
    app_name="contracts",
    migrations_folder_path=os.path.join(CURRENT_DIRECTORY, "piccolo_migrations"),
    table_classes=table_finder(modules=["market.contracts.tables"], exclude_imported=True),
    migration_dependencies=["market.orders.piccolo_app"],
    commands=[],
)
