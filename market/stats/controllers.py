"""HTTP routes for the bureau's figures (`/api/stats`, `/api/stats/trades`): supervisors and admins."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import QueryParameter

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role
from market.accounts.policy import BUREAU_ROLES
from market.stats.schemas import Stats, Trades
from market.stats.services import market_stats, trade_stats

__all__ = ["StatsController"]

Text = Annotated[str | None, QueryParameter(max_length=60, required=False)]
From = Annotated[str | None, QueryParameter(name="from", max_length=40, required=False)]


class StatsController(Controller):
    """The labour bureau's figures. Station staff are refused: the console is the bureau's (docs/figures.md)."""

    path = "/api/stats"
    tags = ["stats"]
    guards = [requires_role(*sorted(BUREAU_ROLES))]

    @get("/", operation_id="GetStats")
    async def figures(self, request: AuthedRequest, since: From = None, to: Text = None, interval: Text = None,
                      district: Text = None, station_id: Text = None) -> Stats:
        """Every figure over the local days [from, to] (default the last 30), by day, week or month."""
        return await market_stats(request.user, since, to, interval, district, station_id)

    @get("/trades", operation_id="GetTradeStats")
    async def trades(self, since: From = None, to: Text = None, district: Text = None,
                     station_id: Text = None) -> Trades:
        """Places wanted, workers holding the trade within range, and 求人倍率, by trade and district."""
        return await trade_stats(since, to, district, station_id)
