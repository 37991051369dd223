"""The shapes of the exports API: the exports on offer, as `GET /api/exports` lists them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from market.core.schemas import Schema

__all__ = ["ExportOffer", "ExportRecordOut"]


class ExportOffer(Schema):
    """One export on offer: the file name to ask for, its title in the reader's language, its filters."""

    name: str
    """The file to ask for: `GET /api/exports/{name}` (`orders.csv`)."""
    xlsx: str
    """The same export as a workbook (`orders.xlsx`)."""
    title: str
    filters: list[str]
    """The query parameters it takes besides `lang`: `from` and `to` always, `district` and `station_id` for the
    lists that belong to a station."""
    columns: list[str]
    """Its header row in the reader's language."""


class ExportRecordOut(Schema):
    """One export taken, as the export log holds it: who (their name and role then), which file, the filters they
    gave, how many rows it held, what personal data it showed in full, and when."""

    id: int
    reader_id: int
    reader_name: str
    role: str
    name: str
    filters: dict[str, Any]
    row_count: int
    language: str
    unmasked: list[str]
    at: datetime
