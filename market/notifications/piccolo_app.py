"""Piccolo app for the notification outbox."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("notifications", depends_on=["accounts"])
