"""Piccolo app for the back office: the admin log and the taxonomy's additions."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("backoffice", depends_on=["accounts"])
