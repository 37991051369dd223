"""Piccolo's configuration: the engine for the configured database and the market's apps (set via PICCOLO_CONF)."""

from piccolo.conf.apps import AppRegistry

from market.core.database import make_engine
from market.settings import get_settings

DB = make_engine(get_settings())

APP_REGISTRY = AppRegistry(
    apps=[
        "market.accounts.piccolo_app",
        "market.workers.piccolo_app",
        "market.employers.piccolo_app",
        "market.stations.piccolo_app",
        "market.places.piccolo_app",
        "market.jobs.piccolo_app",
        "market.orders.piccolo_app",
        "market.notifications.piccolo_app",
        "market.ranking.piccolo_app",
        "market.contracts.piccolo_app",
        "market.cases.piccolo_app",
        "market.wages.piccolo_app",
        "market.reputation.piccolo_app",
        "market.backoffice.piccolo_app",
        "market.exports.piccolo_app",
        "market.alerts.piccolo_app",
        "market.stats.piccolo_app",
        "market.credit.piccolo_app",
        "market.courses.piccolo_app",
    ]
)
