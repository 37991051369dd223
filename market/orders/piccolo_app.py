"""Piccolo app for orders, their events and idempotency records."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("orders", depends_on=["jobs"])
