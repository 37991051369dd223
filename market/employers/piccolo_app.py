"""Piccolo app for employers."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("employers", depends_on=["accounts"])
