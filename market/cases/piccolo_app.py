"""Piccolo app for wage cases: the cases, their claimants (one complaint each) and the append-only trail."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("cases", depends_on=["orders", "stations"])
