"""Worker profile bodies: what a worker tells the market about themselves."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from market.core.schemas import Id, Location, LocationIn, Name, Phone, Schema, SchemaIn
from market.core.text import LINE_PATTERN, NAME_PATTERN

__all__ = ["ConsentCodeIn", "ConsentCodeSent", "Skill", "SkillIn", "WalkIn", "WorkerOut", "WorkerUpdate"]

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
    """The job the walk-in is about to agree to."""

    job_id: Id


class ConsentCodeSent(Schema):
    """Where the code went (masked) and how long it stays valid."""

    sent_to: str
    expires_in_s: int
