"""Start-up wiring shared by every process (app, worker, command line): the domain subscriptions, plus the
background layer's own subscriber that wakes the dispatcher when deliveries are queued."""

from __future__ import annotations

from market import subscriptions
from market.background.queue import nudge_dispatcher
from market.core import events
from market.notifications.events import DeliveriesQueued

__all__ = ["install"]


async def _nudge(_: DeliveriesQueued) -> None:
    nudge_dispatcher()


def install() -> events.Subscriptions:
    """Build and install this process's subscriptions; the table installed."""
    table = subscriptions.build()
    table.subscribe(DeliveriesQueued, _nudge, phase=events.Phase.after_commit, name="background.nudge_dispatcher")
    events.install(table)
    return table
