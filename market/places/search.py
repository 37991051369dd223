"""Searching the city's place list as people type, and the places near a point."""

from __future__ import annotations

from typing import Any

from market.core.geo import bounding_box, distance_km
from market.core.schemas import Page
from market.places.keys import search_key
from market.places.schemas import PlaceOut
from market.places.tables import Place

__all__ = ["MAX_CANDIDATES", "NEAR_KM", "nearest_places", "place_out", "search_places"]

MAX_CANDIDATES = 200
"""A search reads at most this many matching rows before ranking them: it stays fast however short the words."""
NEAR_KM = 3.0
"""`nearest_places` looks this far around the point."""


def place_out(row: dict[str, Any], lat: float | None = None, lon: float | None = None) -> PlaceOut:
    """The API shape of a place row, with its distance from (lat, lon) when given."""
    distance = distance_km(lat, lon, row["lat"], row["lon"]) if lat is not None and lon is not None else None
    return PlaceOut(id=row["id"], name=row["name"], district=row["district"], address=row["address"],
                    lat=row["lat"], lon=row["lon"], distance_km=round(distance, 2) if distance is not None else None)


def _rank(key: str, row: dict[str, Any], lat: float | None, lon: float | None) -> tuple[int, int, float, str]:
    name_key = row["name_key"]
    closeness = 0 if name_key == key else 1 if name_key.startswith(key) else 2 if key in name_key else 3
    distance = distance_km(lat, lon, row["lat"], row["lon"]) if lat is not None and lon is not None else 0.0
    return closeness, len(name_key), distance, row["name"]


async def search_places(q: str, lat: float | None, lon: float | None, limit: int, offset: int) -> Page[PlaceOut]:
    """Places whose name or address holds the words (in their search form), best first: the name itself, then
    names that begin with the words, then names and addresses that hold them; shorter names and, when a point is
    given, nearer places first. `total` counts matches up to `MAX_CANDIDATES`."""
    key = search_key(q)
    if not key:
        return Page(items=[], total=0, limit=limit, offset=offset)
    pattern = f"%{key}%"
    rows = await Place.select().where(Place.name_key.like(pattern) | Place.address_key.like(pattern)).limit(
        MAX_CANDIDATES)
    rows.sort(key=lambda r: _rank(key, r, lat, lon))
    return Page(items=[place_out(r, lat, lon) for r in rows[offset:offset + limit]], total=len(rows), limit=limit,
                offset=offset)


async def nearest_places(lat: float, lon: float, limit: int, offset: int) -> Page[PlaceOut]:
    """Places within `NEAR_KM` of the point, nearest first: what to offer as the address of a phone's position."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, NEAR_KM)
    rows = await Place.select().where((Place.lat >= min_lat) & (Place.lat <= max_lat) & (Place.lon >= min_lon)
                                      & (Place.lon <= max_lon)).limit(MAX_CANDIDATES * 5)
    near = sorted(((distance_km(lat, lon, r["lat"], r["lon"]), r) for r in rows), key=lambda pair: pair[0])
    near = [(d, r) for d, r in near if d <= NEAR_KM]
    return Page(items=[place_out(r, lat, lon) for _, r in near[offset:offset + limit]], total=len(near),
                limit=limit, offset=offset)
