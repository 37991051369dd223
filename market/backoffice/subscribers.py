"""The back office's subscribers, and the source of taxonomy additions it gives matching at start-up."""

from __future__ import annotations

from market.backoffice.events import TradeAdded
from market.backoffice.trades import additions, additions_version
from market.core.events import Phase, Subscriptions
from market.ranking.taxonomy_feed import mark_stale, provide_additions

__all__ = ["subscribe"]


async def _taxonomy_grew(_: TradeAdded) -> None:
    mark_stale()  # this process reads the additions at its next use, not after the polling interval


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the back office's subscribers, and install where matching finds the taxonomy's additions."""
    provide_additions(additions_version, additions)
    subscriptions.subscribe(TradeAdded, _taxonomy_grew, phase=Phase.after_commit, name="backoffice.taxonomy_grew")
