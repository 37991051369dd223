"""Piccolo app for training courses, each trade's weekly 求人倍率, suggestions and workers' opt-outs."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("courses", depends_on=["accounts", "stations"])
