"""Station bodies, and what staff did for a walk-in."""

from __future__ import annotations

from datetime import datetime

from market.core.schemas import Schema

__all__ = ["ConsentGiven", "OnBehalfActOut", "StationOut"]


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


class OnBehalfActOut(Schema):
    """One act staff did for a worker: `evidence` is the act's proof (`consent_code:<id>`, `signature:sha256:<hex>`),
    `consent_how` how the worker let the station act for them (`registered`, `sms_code`)."""

    id: int
    act: str
    staff_id: int
    staff_name: str
    station_id: int | None
    order_id: int | None
    fields: list[str]
    evidence: str
    consent_id: int | None
    consent_how: str | None
    at: datetime


class ConsentGiven(Schema):
    """The worker's standing consent that the station acts for them."""

    consent_id: int
