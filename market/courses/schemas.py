"""The API shapes of training courses and course suggestions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from market.core.schemas import MAX_ID, LocationIn, Schema, SchemaIn
from market.core.text import NAME_PATTERN

__all__ = ["CourseCreate", "CourseOut", "CoursePatch", "SuggestionOut", "SuggestionSettings", "Suggestions"]

CourseText = Annotated[str, msgspec.Meta(min_length=2, max_length=100, pattern=NAME_PATTERN)]
TradeText = Annotated[str, msgspec.Meta(min_length=1, max_length=40, pattern=NAME_PATTERN,
                                        description="a trade: its code (`electrician`) or any of its names (电工)")]
Seats = Annotated[int, msgspec.Meta(ge=1, le=10_000)]
Subsidy = Annotated[int, msgspec.Meta(ge=0, le=10_000_000, description="the subsidy per trainee, in fen")]
CoursePhone = Annotated[str, msgspec.Meta(max_length=20, pattern=r"^[0-9+\- ]*$", examples=["0596-2888123"])]
StationRef = Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)]


class CourseCreate(SchemaIn):
    """A new course. Staff list it under their own station (`station_id` left out or theirs); an admin under any
    station, or none."""

    trade: TradeText
    name: CourseText
    provider: CourseText
    starts_on: date
    ends_on: date
    location: LocationIn
    seats: Seats
    subsidy_fen: Subsidy = 0
    phone: CoursePhone = ""
    station_id: StationRef | None = None


class CoursePatch(SchemaIn):
    """Changes to a course; fields left out stay. `cancelled: true` withdraws it (it leaves the lists and no
    suggestion points to it), `false` lists it again."""

    trade: TradeText | msgspec.UnsetType = msgspec.UNSET
    name: CourseText | msgspec.UnsetType = msgspec.UNSET
    provider: CourseText | msgspec.UnsetType = msgspec.UNSET
    starts_on: date | msgspec.UnsetType = msgspec.UNSET
    ends_on: date | msgspec.UnsetType = msgspec.UNSET
    location: LocationIn | msgspec.UnsetType = msgspec.UNSET
    seats: Seats | msgspec.UnsetType = msgspec.UNSET
    subsidy_fen: Subsidy | msgspec.UnsetType = msgspec.UNSET
    phone: CoursePhone | msgspec.UnsetType = msgspec.UNSET
    cancelled: bool | msgspec.UnsetType = msgspec.UNSET


class CourseOut(Schema):
    """A course as everyone signed in reads it; `distance_km` from the worker's home (for a worker with one), and
    `editable` whether the caller may change it."""

    id: int
    trade: str
    trade_zh: str
    trade_en: str
    name: str
    provider: str
    starts_on: date
    ends_on: date
    address: str
    lat: float
    lon: float
    seats: int
    subsidy_fen: int
    phone: str
    station_id: int | None
    station_name: str
    cancelled: bool
    distance_km: float | None
    editable: bool
    updated_at: datetime


class SuggestionOut(Schema):
    """A course suggested to the worker and the number behind it: in `district`, places wanted on jobs of
    `trade` were `ratio` times the workers holding it (`places_wanted` over `workers`, the week from `week`)."""

    id: int
    trade: str
    trade_zh: str
    trade_en: str
    reason: Literal["adjacent", "certificate"]
    from_trade: str
    from_trade_zh: str
    from_trade_en: str
    district: str
    ratio: float
    places_wanted: int
    workers: int
    week: date
    distance_km: float
    sent_at: datetime
    course: CourseOut


class Suggestions(Schema):
    """The worker's current suggestions (sent within the window, course not over or withdrawn) and whether they
    want suggestions at all."""

    items: list[SuggestionOut]
    total: int
    limit: int
    offset: int
    enabled: bool


class SuggestionSettings(SchemaIn):
    """Turn course suggestions off (`false`: opt out) or on again."""

    enabled: bool
