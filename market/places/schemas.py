"""Place bodies: one place of the city's list as search answers it."""

from __future__ import annotations

from market.core.schemas import Schema

__all__ = ["PlaceOut"]


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
