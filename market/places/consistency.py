"""The address a poster types and the position they give must not disagree: a place of the city's list that the
address names, far from the position, needs the poster's confirmation."""

from __future__ import annotations

from typing import Any

from market.core.errors import Conflict, FieldProblem, Invalid
from market.core.geo import distance_km
from market.places.keys import is_placeholder, search_key
from market.places.tables import Place
from market.settings import get_settings

__all__ = ["MIN_KEY_LENGTH", "check_location", "named_place"]

MIN_KEY_LENGTH = 2
"""Names shorter than this (one character) are too common inside addresses to say which place is meant."""


async def named_place(address: str) -> dict[str, Any] | None:
    """The most specific place of the list the address names (its name or its full address appears in it), or
    None. Most specific: the longest name or address found; a tie goes to a place whose district is named too."""
    typed = search_key(address)
    if len(typed) < MIN_KEY_LENGTH:
        return None
    # The typed address holds the place's key: the pattern is built from the column, so it is a raw condition
    # (LIKE with `||` reads the same in SQLite and PostgreSQL); keys hold only letters and digits, never % or _.
    rows = await Place.raw(
        "SELECT id, name, district, address, lat, lon, radius_m, name_key, address_key FROM places "
        "WHERE (length(name_key) >= {} AND {} LIKE '%' || name_key || '%') "
        "OR (length(address_key) >= {} AND {} LIKE '%' || address_key || '%')",
        MIN_KEY_LENGTH, typed, MIN_KEY_LENGTH, typed)
    if not rows:
        return None

    def specificity(row: dict[str, Any]) -> tuple[int, int]:
        matched = max(len(k) for k in (row["name_key"], row["address_key"]) if k and k in typed)
        district = search_key(row["district"])
        return matched, 1 if district and district in typed else 0

    return max(rows, key=specificity)


async def check_location(lat: float, lon: float, address: str, *, confirmed: bool, field: str = "location") -> None:
    """Refuse an address that is no place ("我的位置": 400 on `<field>.address`), and a position farther from the
    place its address names than that place's extent plus the tolerance setting, unless `confirmed` (409
    `address_far_from_position`, naming the place and the distance; resend with `confirm_far_position: true`)."""
    if is_placeholder(address):
        raise Invalid.field(f"{field}.address", "address_not_a_place")
    if confirmed:
        return
    place = await named_place(address)
    if place is None:
        return
    away_m = distance_km(lat, lon, place["lat"], place["lon"]) * 1000
    allowed_m = place["radius_m"] + get_settings().address_position_tolerance_m
    if away_m > allowed_m:
        km = f"{away_m / 1000:.1f}"
        raise Conflict("address_far_from_position",
                       [FieldProblem(f"{field}.address", "far_from_position", {"place": place["name"], "km": km})],
                       place=place["name"], km=km)
