"""Piccolo app for contracts: signed PDFs, their audit trail, signing credentials and standing authorisations."""

from market.core.piccolo_apps import app_config

APP_CONFIG = app_config("contracts", depends_on=["orders", "stations"],
                        also_tables_in=("market.stations.walk_in_tables",))
