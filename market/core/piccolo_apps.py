"""One way to declare a market package as a Piccolo app: its tables module and its migrations folder."""

from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig, table_finder

__all__ = ["app_config"]


def app_config(package: str, depends_on: list[str] | None = None, also_tables_in: tuple[str, ...] = ()) -> AppConfig:
    """The Piccolo app for `market.<package>`: tables from its `tables.py` (and the modules `also_tables_in`, tables
    that live lower in the layers but whose migrations this app has always held), migrations in
    `piccolo_migrations/`."""
    folder = Path(__file__).resolve().parent.parent / package
    return AppConfig(
        app_name=package,
        migrations_folder_path=str(folder / "piccolo_migrations"),
        table_classes=table_finder(modules=[f"market.{package}.tables", *also_tables_in], exclude_imported=True),
        migration_dependencies=[f"market.{name}.piccolo_app" for name in depends_on or []],
        commands=[],
    )
