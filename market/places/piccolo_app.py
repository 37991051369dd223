"""Piccolo app for the city's place list."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("places")
