"""Piccolo app for the market's figures: one row of facts per job, the daily rollup, and the days to recompute."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("stats", depends_on=["jobs", "orders", "stations"])
