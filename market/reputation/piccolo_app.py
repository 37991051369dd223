"""Piccolo app for ratings and the objections to them."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("reputation", depends_on=["orders"])
