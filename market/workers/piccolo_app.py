"""Piccolo app for worker profiles."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("workers", depends_on=["accounts", "stations"])
