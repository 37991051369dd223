"""Loading the city's place list from a CSV of name,district,address,lat,lon[,radius_m]: checked line by line,
idempotent (a place is its district and name; loading the same file twice changes nothing)."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from market.core import clock
from market.core.database import write_transaction
from market.core.text import NAME_PATTERN, normalise
from market.places.keys import is_placeholder, search_key
from market.places.tables import Place

__all__ = ["COLUMNS", "ImportReport", "PlaceRow", "import_places", "parse_places", "save_places"]

COLUMNS = ("name", "district", "address", "lat", "lon", "radius_m")
"""The CSV's columns in order; `radius_m` may be left out (0: a point). A first line naming them is skipped."""
MAX_RADIUS_M = 50_000

_NAME = re.compile(NAME_PATTERN)


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One checked line of the file."""

    name: str
    district: str
    address: str
    lat: float
    lon: float
    radius_m: int = 0


@dataclass
class ImportReport:
    """What loading a file did: places added, updated and already as given, and the lines refused with why."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the command line."""
        return (f"places: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{len(self.bad)} bad lines")


def _text(value: str, label: str, low: int, high: int) -> str:
    text = normalise(value)
    if not low <= len(text) <= high:
        raise ValueError(f"{label} must be {low}-{high} characters")
    if text and not _NAME.fullmatch(text):
        raise ValueError(f"{label} holds control or invisible characters")
    return text


def _number(value: str, label: str, low: float, high: float) -> float:
    try:
        number = float(value.strip())
    except ValueError:
        raise ValueError(f"{label} is not a number: {value.strip()!r}") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"{label} must be between {low:g} and {high:g}")
    return number


def _row(cells: list[str]) -> PlaceRow:
    if len(cells) not in (5, 6):
        raise ValueError(f"expected 5 or 6 columns ({','.join(COLUMNS)}), got {len(cells)}")
    name = _text(cells[0], "name", 1, 100)
    address = _text(cells[2], "address", 2, 200)
    if len(search_key(name)) < 1 or is_placeholder(address):
        raise ValueError("name or address names no place")
    radius = _number(cells[5], "radius_m", 0, MAX_RADIUS_M) if len(cells) == 6 and cells[5].strip() else 0
    return PlaceRow(name=name, district=_text(cells[1], "district", 0, 50), address=address,
                    lat=round(_number(cells[3], "lat", -90, 90), 6), lon=round(_number(cells[4], "lon", -180, 180), 6),
                    radius_m=int(radius))


def parse_places(text: str) -> tuple[list[PlaceRow], list[tuple[int, str]]]:
    """The good rows of a CSV text and the bad lines as (line number, reason); a later line naming the same
    place as an earlier one is refused."""
    good: dict[tuple[str, str], tuple[int, PlaceRow]] = {}
    bad: list[tuple[int, str]] = []
    for number, cells in enumerate(csv.reader(io.StringIO(text.removeprefix("\ufeff"))), start=1):
        if not cells or all(not c.strip() for c in cells):
            continue
        if number == 1 and [c.strip().lower() for c in cells[:5]] == list(COLUMNS[:5]):
            continue
        try:
            row = _row(cells)
        except ValueError as exc:
            bad.append((number, str(exc)))
            continue
        key = (search_key(row.district), search_key(row.name))
        if key in good:
            bad.append((number, f"the same place as line {good[key][0]}"))
            continue
        good[key] = (number, row)
    return [row for _, row in good.values()], bad


async def save_places(rows: Iterable[PlaceRow]) -> ImportReport:
    """Add new places and update changed ones (matched by district and name), in one transaction."""
    report = ImportReport()
    async with write_transaction():
        existing = {(search_key(r["district"]), r["name_key"]): r for r in await Place.select()}
        new: list[Place] = []
        for row in rows:
            values: dict[str, Any] = {
                "name": row.name, "district": row.district, "address": row.address, "lat": row.lat, "lon": row.lon,
                "radius_m": row.radius_m, "name_key": search_key(row.name), "address_key": search_key(row.address)}
            old = existing.get((search_key(row.district), values["name_key"]))
            if old is None:
                new.append(Place(**values, updated_at=clock.now()))  # type: ignore[arg-type]
                report.added += 1
            elif any(old[k] != v for k, v in values.items()):
                await Place.update({**{getattr(Place, k): v for k, v in values.items()},
                                    Place.updated_at: clock.now()}).where(Place.id == old["id"])
                report.updated += 1
            else:
                report.unchanged += 1
        for start in range(0, len(new), 500):
            await Place.insert(*new[start:start + 500])
    return report


async def import_places(text: str) -> ImportReport:
    """Check a CSV text and load its good lines; the report names the bad ones."""
    rows, bad = parse_places(text)
    report = await save_places(rows)
    report.bad = bad
    return report
