"""Piccolo app for employers' pools, invitations, workers' alert settings and the planned alert tiers."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("alerts", depends_on=["orders", "jobs"])
