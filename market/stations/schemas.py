"""Station bodies."""

from __future__ import annotations

from market.core.schemas import Schema

__all__ = ["StationOut"]


class StationOut(Schema):
    """A gig station; `distance_km` is from the point asked about, when one was given."""

    id: int
    name: str
    district: str
    address: str
    lat: float
    lon: float
    hours: str
    phone: str
    distance_km: float | None
