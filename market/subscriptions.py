"""The one table of who subscribes to which domain event (docs/architecture.md draws it).

Each package above the writers registers its own subscribers; `market.background.wiring.install` adds the
background layer's and installs the lot for the process at start-up (app, worker, command line).
"""

from __future__ import annotations

from market.alerts import subscribers as alerts
from market.backoffice import subscribers as backoffice
from market.cases import subscribers as cases
from market.contracts import subscribers as contracts
from market.core.events import Subscriptions
from market.credit import subscribers as credit
from market.notifications import subscribers as notifications
from market.orders import subscribers as orders
from market.ranking import subscribers as ranking
from market.stats import subscribers as stats
from market.wages import subscribers as wages

__all__ = ["build"]


def build() -> Subscriptions:
    """Every domain subscriber, registered once, in a fresh table."""
    subscriptions = Subscriptions()
    for package in (orders, contracts, ranking, wages, cases, credit, stats, alerts, notifications, backoffice):
        package.subscribe(subscriptions)
    return subscriptions
