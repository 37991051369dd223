"""Place bodies: one place of the city's list as search answers it."""

from __future__ import annotations

from market.core.schemas import Schema

__all__ = ["Navigation", "PlaceOut"]


class PlaceOut(Schema):
    """A place of the city: its name, district, the address to write on a job, and its WGS-84 position;
    `distance_km` from the point asked about, when one was given."""

    id: int
    name: str
    district: str
    address: str
    lat: float
    lon: float
    distance_km: float | None = None


class Navigation(Schema):
    """Links that open the phone's map app at the place: `geo_uri` (WGS-84, any Android map app) and `amap_url`
    (Amap's marker link, in GCJ-02, the coordinates also given here)."""

    geo_uri: str
    amap_url: str
    gcj02_lat: float
    gcj02_lon: float
