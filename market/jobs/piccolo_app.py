"""Piccolo app for job postings."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("jobs", depends_on=["accounts"])
