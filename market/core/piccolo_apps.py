"""One way to declare a market package as a Piccolo app: its tables module and its migrations folder."""

from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig, table_finder

__all__ = ["app_config"]


def app_config(package: str, depends_on: list[str] | None = None) -> AppConfig:
    """The Piccolo app for `market.<package>`: tables from its `tables.py`, migrations in `piccolo_migrations/`."""
    folder = Path(__file__).resolve().parent.parent / package
    return AppConfig(
        app_name=package,
        migrations_folder_path=str(folder / "piccolo_migrations"),
        table_classes=table_finder(modules=[f"market.{package}.tables"], exclude_imported=True),
        migration_dependencies=[f"market.{name}.piccolo_app" for name in depends_on or []],
        commands=[],
    )
