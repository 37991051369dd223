"""Worker profile bodies: what a worker tells the market about themselves."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from market.core.schemas import Id, Location, LocationIn, Name, Phone, Schema, SchemaIn
from market.core.text import LINE_PATTERN, NAME_PATTERN

__all__ = ["ConsentCodeIn", "ConsentCodeSent", "ConsentIn", "IdentityConflict", "Skill", "SkillIn", "WalkIn",
           "WorkerLookupIn", "WorkerOut", "WorkerSearchIn", "WorkerUpdate"]

SkillName = Annotated[str, msgspec.Meta(min_length=1, max_length=20, pattern=NAME_PATTERN, examples=["水电工"])]
Years = Annotated[int, msgspec.Meta(ge=0, le=60)]
DistanceKm = Annotated[int, msgspec.Meta(ge=1, le=100)]
DailyWageFen = Annotated[int, msgspec.Meta(ge=0, le=10_000_000, description="fen (分) per day")]
RealName = Name
IdNumberText = Annotated[str, msgspec.Meta(max_length=30, pattern=LINE_PATTERN)]


class SkillIn(SchemaIn):
    """A trade the worker has, how long, and whether they hold its certificate."""

    name: SkillName
    years: Years = 0
    certified: bool = False


class Skill(Schema):
    """A trade the worker has."""

    name: str
    years: int
    certified: bool


class WorkerUpdate(SchemaIn):
    """Changes to a profile; fields left out stay as they are."""

    real_name: RealName | msgspec.UnsetType = msgspec.UNSET
    id_number: IdNumberText | msgspec.UnsetType = msgspec.UNSET
    skills: Annotated[list[SkillIn], msgspec.Meta(max_length=20)] | msgspec.UnsetType = msgspec.UNSET
    location: LocationIn | msgspec.UnsetType = msgspec.UNSET
    max_distance_km: DistanceKm | msgspec.UnsetType = msgspec.UNSET
    expected_daily_wage_fen: DailyWageFen | msgspec.UnsetType | None = msgspec.UNSET


class WalkIn(SchemaIn):
    """A worker registered at a station by staff: no password until they set one themselves."""

    phone: Phone
    name: RealName
    id_number: IdNumberText | None = None
    skills: Annotated[list[SkillIn], msgspec.Meta(max_length=20)] = []
    location: LocationIn | None = None
    max_distance_km: DistanceKm = 10


class WorkerSearchIn(SchemaIn):
    """Staff looking a worker up: the phone goes in the body, never in a URL that access logs keep."""

    phone: Annotated[str, msgspec.Meta(max_length=20, examples=["13800000001"])]


class WorkerLookupIn(SchemaIn):
    """Staff looking a worker up by (part of) their name or by their ID number: one of the two, in the body."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=50, pattern=NAME_PATTERN,
                                      examples=["王"])] | None = None
    id_number: IdNumberText | None = None


class WorkerOut(Schema):
    """A worker's profile; `id_number` is masked except to the worker and staff."""

    id: int
    phone: str
    name: str
    real_name: str
    id_number: str | None
    skills: list[Skill]
    location: Location | None
    max_distance_km: int
    expected_daily_wage_fen: int | None
    updated_at: datetime


class ConsentCodeIn(SchemaIn):
    """What the code is for: accepting `job_id`, confirming payment of `order_id`, or (neither) standing consent
    that the caller's station acts for the worker."""

    job_id: Id | None = None
    order_id: Id | None = None


class ConsentIn(SchemaIn):
    """The standing-consent code the worker read out."""

    consent_code: Annotated[str, msgspec.Meta(max_length=10, pattern=LINE_PATTERN)]


class ConsentCodeSent(Schema):
    """Where the code went (masked) and how long it stays valid."""

    sent_to: str
    expires_in_s: int


class IdentityConflict(Schema):
    """A try to set an ID number another account holds, for staff to review; the number only masked."""

    id: int
    attempted_at: datetime
    id_number_masked: str
    worker_id: int | None
    """Whose profile it was for; null for a walk-in being registered."""
    worker_name: str | None
    holder_id: int | None
    """The account that holds the number."""
    holder_name: str | None
    made_by: int
    """The user who typed it: the worker, or a staff member."""
    by_staff: bool
    station_id: int | None
