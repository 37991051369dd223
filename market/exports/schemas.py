"""The shapes of the exports API: the exports on offer, as `GET /api/exports` lists them."""

from __future__ import annotations

from market.core.schemas import Schema

__all__ = ["ExportOffer"]


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
