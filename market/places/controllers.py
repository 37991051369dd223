"""HTTP route for the city's place list: search as you type, or the places near a point."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter, QueryParameter

from market.accounts.auth import PUBLIC_ROUTE
from market.core.schemas import Offset, Page
from market.core.text import LINE_PATTERN
from market.places import search
from market.places.schemas import PlaceOut

__all__ = ["PlaceController"]

PlaceLimit = Annotated[int, Parameter(ge=1, le=20)]


class PlaceController(Controller):
    """Anyone may search the city's places (they are public: markets, estates, stations, districts)."""

    path = "/api/places"
    tags = ["places"]
    opt = PUBLIC_ROUTE

    @get("/", operation_id="SearchPlaces")
    async def search_places(
        self,
        q: Annotated[str | None, QueryParameter(max_length=50, pattern=LINE_PATTERN)] = None,
        lat: Annotated[float | None, QueryParameter(ge=-90, le=90)] = None,
        lon: Annotated[float | None, QueryParameter(ge=-180, le=180)] = None,
        limit: PlaceLimit = 10,
        offset: Offset = 0,
    ) -> Page[PlaceOut]:
        """Places whose name or address holds `q` (nearer ones first among equals when `lat`/`lon` are given); with
        only `lat`/`lon`, the places near that point, nearest first (what to call a phone's position); with neither,
        an empty page. At most 20."""
        if q is not None and q.strip():
            return await search.search_places(q, lat, lon, limit, offset)
        if lat is not None and lon is not None:
            return await search.nearest_places(lat, lon, limit, offset)
        return Page(items=[], total=0, limit=limit, offset=offset)  # nothing asked for: nothing found
