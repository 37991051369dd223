"""Base Structs every API schema builds on, and the small shapes and constrained types shared across the API."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Generic, TypeVar, get_args, get_origin

import msgspec
from litestar.params import Parameter

from market.core.text import (
    LINE_PATTERN,
    LINES_PATTERN,
    NAME_PATTERN,
    PASSWORD_PATTERN,
    PHONE_PATTERN,
    hidden_beyond_bmp,
    normalise,
)

__all__ = [
    "MAX_ID",
    "MAX_OFFSET",
    "Id",
    "Latitude",
    "Limit",
    "Location",
    "LocationIn",
    "Longitude",
    "Name",
    "Offset",
    "Page",
    "Password",
    "PathId",
    "Phone",
    "Position",
    "QueryId",
    "Schema",
    "SchemaIn",
    "ShortText",
]

T = TypeVar("T")

MAX_ID = 2**31 - 1
"""Ids are PostgreSQL `integer`s: anything larger names nothing, and the driver would refuse it."""
MAX_OFFSET = 1_000_000
"""No list is that long; a bigger offset is a mistake (and past 2⁶³ the databases refuse it)."""

Latitude = Annotated[float, msgspec.Meta(ge=-90.0, le=90.0, description="WGS-84 latitude")]
Longitude = Annotated[float, msgspec.Meta(ge=-180.0, le=180.0, description="WGS-84 longitude")]
ShortText = Annotated[str, msgspec.Meta(max_length=200, pattern=LINE_PATTERN)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=50, pattern=NAME_PATTERN,
                                   description="a name: one line with something visible")]
Phone = Annotated[str, msgspec.Meta(
    max_length=20, pattern=LINE_PATTERN, examples=["13800000001"],
    description="a mainland mobile number: 11 digits (spaces, hyphens and +86 are understood too)",
    extra_json_schema={"extra": {"pattern": PHONE_PATTERN}})]
Password = Annotated[str, msgspec.Meta(min_length=8, max_length=128, pattern=PASSWORD_PATTERN,
                                       description="at least 8 characters, with letters and digits")]
Id = Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)]
PathId = Annotated[int, Parameter(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Parameter(ge=1, le=MAX_ID)]
Limit = Annotated[int, Parameter(ge=1, le=100)]
Offset = Annotated[int, Parameter(ge=0, le=MAX_OFFSET, schema_extra={"minimum": 0})]  # Litestar drops a bound of 0

_TEXT_PATTERNS = {LINE_PATTERN, LINES_PATTERN, NAME_PATTERN}


def _is_text(annotation: Any) -> bool:
    """True for a str type carrying one of the text patterns (also inside `X | None`, `list[X]`, `X | UnsetType`)."""
    if get_origin(annotation) is Annotated:
        base, *metadata = get_args(annotation)
        if base is str and any(isinstance(m, msgspec.Meta) and m.pattern in _TEXT_PATTERNS for m in metadata):
            return True
        return _is_text(base)
    return any(_is_text(arg) for arg in get_args(annotation))


class Schema(msgspec.Struct, kw_only=True):
    """Base for response bodies: snake_case JSON, fields always present."""


class SchemaIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Base for request bodies: unknown fields are refused, not silently dropped; text fields are NFC-normalised."""

    _text_fields: ClassVar[dict[type, tuple[str, ...]]] = {}

    def __post_init__(self) -> None:
        """Normalise every text field (see `market.core.text`); their patterns have already refused bad characters
        in the BMP, the few beyond it are refused here."""
        for name in self._text_field_names():
            value = getattr(self, name)
            texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
            if any(isinstance(text, str) and hidden_beyond_bmp(text) for text in texts):
                raise ValueError(f"Hidden characters in `{name}`")
            if isinstance(value, str):
                setattr(self, name, normalise(value))
            elif isinstance(value, list) and all(isinstance(item, str) for item in value):
                setattr(self, name, [normalise(item) for item in value])

    @classmethod
    def _text_field_names(cls) -> tuple[str, ...]:
        names = SchemaIn._text_fields.get(cls)
        if names is None:
            names = tuple(f.name for f in msgspec.structs.fields(cls) if _is_text(f.type))
            SchemaIn._text_fields[cls] = names
        return names


class Position(SchemaIn):
    """A point on the map."""

    lat: Latitude
    lon: Longitude


class LocationIn(SchemaIn):
    """A point on the map with the address people say. An address naming a place of the city's list far from the
    point is refused (409 `address_far_from_position`) unless `confirm_far_position` says the poster means it."""

    lat: Latitude
    lon: Longitude
    address: Annotated[str, msgspec.Meta(min_length=2, max_length=200, pattern=NAME_PATTERN)]
    confirm_far_position: bool = False


class Location(Schema):
    """A point on the map with its address."""

    lat: float
    lon: float
    address: str


class Page(Schema, Generic[T]):
    """One page of a list: the items and how many there are in all."""

    items: list[T]
    total: int
    limit: int
    offset: int
