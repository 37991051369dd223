"""Base Structs every API schema builds on, and the small shapes shared across the API."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

import msgspec

__all__ = [
    "Latitude",
    "Location",
    "LocationIn",
    "Longitude",
    "Page",
    "Position",
    "Schema",
    "SchemaIn",
    "ShortText",
]

T = TypeVar("T")

Latitude = Annotated[float, msgspec.Meta(ge=-90.0, le=90.0, description="WGS-84 latitude")]
Longitude = Annotated[float, msgspec.Meta(ge=-180.0, le=180.0, description="WGS-84 longitude")]
ShortText = Annotated[str, msgspec.Meta(max_length=200)]


class Schema(msgspec.Struct, kw_only=True):
    """Base for response bodies: snake_case JSON, fields always present."""


class SchemaIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Base for request bodies: unknown fields are refused, not silently dropped."""


class Position(SchemaIn):
    """A point on the map."""

    lat: Latitude
    lon: Longitude


class LocationIn(SchemaIn):
    """A point on the map with the address people say."""

    lat: Latitude
    lon: Longitude
    address: Annotated[str, msgspec.Meta(min_length=2, max_length=200)]


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
