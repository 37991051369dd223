"""Piccolo app for wage warnings and the working-day corrections."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("wages", depends_on=["orders", "stations"])
