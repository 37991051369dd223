"""Piccolo app for the matching change log."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("ranking")
