"""Piccolo app for employer credit grades: standings, notices of a fall, the grade history."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("credit", depends_on=["accounts"])
