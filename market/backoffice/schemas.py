"""The back office's API shapes: stations, staff and user accounts, bars, trades and the admin log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from market.core.schemas import Id, LocationIn, Name, Phone, Schema, SchemaIn
from market.core.text import LINE_PATTERN, LINES_PATTERN, NAME_PATTERN

__all__ = ["AdminStationOut", "AdminUserOut", "BarOut", "LogEntryOut", "Reason", "StaffCreate", "StaffCreated",
           "StationCreate", "StationPatch", "TemporaryPassword", "TradeAdd", "TradeOut", "UserPatch"]

StationName = Annotated[str, msgspec.Meta(min_length=2, max_length=100, pattern=NAME_PATTERN)]
District = Annotated[str, msgspec.Meta(max_length=50, pattern=LINE_PATTERN)]
Hours = Annotated[str, msgspec.Meta(max_length=100, pattern=LINE_PATTERN, examples=["周一至周六 8:00-18:00"])]
StationPhone = Annotated[str, msgspec.Meta(max_length=20, pattern=r"^[0-9+\- ]*$", examples=["0596-2888123"])]
ReasonText = Annotated[str, msgspec.Meta(min_length=1, max_length=500, pattern=LINES_PATTERN,
                                         description="why, in words: it goes to the admin log")]
TradeName = Annotated[str, msgspec.Meta(min_length=1, max_length=20, pattern=NAME_PATTERN)]
TradeCode = Annotated[str, msgspec.Meta(min_length=2, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")]
EnglishName = Annotated[str, msgspec.Meta(max_length=60, pattern=LINE_PATTERN)]


class StationCreate(SchemaIn):
    """A new station: its name, district, place (an address and its position, which must not disagree), hours
    and phone."""

    name: StationName
    location: LocationIn
    district: District = ""
    hours: Hours = ""
    phone: StationPhone = ""


class StationPatch(SchemaIn):
    """Changes to a station; fields left out stay. `open: false` closes it (it leaves the public list and the
    routing of new cases; its staff keep reading its history), `open: true` opens it again."""

    name: StationName | msgspec.UnsetType = msgspec.UNSET
    location: LocationIn | msgspec.UnsetType = msgspec.UNSET
    district: District | msgspec.UnsetType = msgspec.UNSET
    hours: Hours | msgspec.UnsetType = msgspec.UNSET
    phone: StationPhone | msgspec.UnsetType = msgspec.UNSET
    open: bool | msgspec.UnsetType = msgspec.UNSET
    reason: ReasonText | msgspec.UnsetType = msgspec.UNSET
    """Required when closing or reopening."""


class AdminStationOut(Schema):
    """A station as the back office sees it: open or closed, and how many staff work there."""

    id: int
    name: str
    district: str
    address: str
    lat: float
    lon: float
    hours: str
    phone: str
    open: bool
    closed_at: datetime | None
    staff_count: int


class StaffCreate(SchemaIn):
    """A station staff member (`station_id` their station) or a bureau supervisor (no station)."""

    phone: Phone
    name: Name
    role: Literal["staff", "supervisor"] = "staff"
    station_id: Id | None = None


class AdminUserOut(Schema):
    """An account as the back office sees it (phone in full: admins are staff)."""

    id: int
    phone: str
    name: str
    role: str
    active: bool
    must_change_password: bool
    station_id: int | None
    station_name: str | None
    created_at: datetime
    barred: bool | None = None
    """For an employer: barred from posting."""


class StaffCreated(Schema):
    """The new account and its temporary password, shown this once (never stored in the clear, never logged)."""

    user: AdminUserOut
    temporary_password: str


class TemporaryPassword(Schema):
    """A password reset: the temporary password, shown this once; the user must change it at their next login."""

    user_id: int
    temporary_password: str


class UserPatch(SchemaIn):
    """Assign a staff member to a station (`station_id`), or to none (`null`)."""

    station_id: Id | None


class Reason(SchemaIn):
    """Why: words, kept in the admin log."""

    reason: ReasonText


class BarOut(Schema):
    """The employer's standing after a bar or unbar."""

    employer_id: int
    name: str
    barred: bool


class TradeAdd(SchemaIn):
    """A synonym for an existing trade (`kind: synonym`, `trade` its code, `name` the new word) or a new trade
    (`kind: trade`, `trade` a new code, `name` its Chinese name, `en` its English, optionally `related_to` a trade
    it is close to)."""

    kind: Literal["synonym", "trade"]
    trade: TradeCode
    name: TradeName
    en: EnglishName = ""
    related_to: TradeCode | None = None


class TradeOut(Schema):
    """A trade of the taxonomy the matcher uses, with its synonyms; `added` lists what the back office added."""

    code: str
    zh: str
    en: str
    synonyms: list[str]
    added: list[str]


class LogEntryOut(Schema):
    """One entry of the admin log, as hashed."""

    seq: int
    kind: str
    actor_id: int | None
    actor_name: str | None
    subject_kind: str
    subject_id: int | None
    at: datetime
    details: dict[str, Any]
    hash: str
