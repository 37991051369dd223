"""Piccolo app for the export log."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("exports", depends_on=["accounts"])
