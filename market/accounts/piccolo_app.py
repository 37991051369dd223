"""Piccolo app for user accounts."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("accounts")
