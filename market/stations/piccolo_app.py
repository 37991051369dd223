"""Piccolo app for gig stations and their staff."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("stations", depends_on=["accounts"])
