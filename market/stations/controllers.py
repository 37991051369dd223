"""HTTP routes for gig stations."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import QueryParameter

from market.accounts.auth import PUBLIC_ROUTE
from market.core.schemas import Limit, Offset, Page
from market.stations import services
from market.stations.schemas import StationOut

__all__ = ["StationController"]


class StationController(Controller):
    """Anyone may find the stations near them (the 15-minute service circle)."""

    path = "/api/stations"
    tags = ["stations"]
    opt = PUBLIC_ROUTE

    @get("/", operation_id="ListStations")
    async def list_stations(
        self,
        lat: Annotated[float | None, QueryParameter(ge=-90, le=90)] = None,
        lon: Annotated[float | None, QueryParameter(ge=-180, le=180)] = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[StationOut]:
        """Stations, nearest first when `lat` and `lon` are given."""
        return await services.list_stations(lat, lon, limit, offset)
