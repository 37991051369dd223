"""Reading a big table for an export: the rows up to the newest id at the start, in id order, a page at a time.

The count and the rows agree because both stop at the id that was newest when the export began, and exports
filter on columns that never change once written (when a row was created, its station). A page is one short
query, so no transaction stays open while a slow download drains.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from piccolo.query.functions.aggregate import Max
from piccolo.table import Table

from market.exports.filters import Filters
from market.exports.registry import Rows, Snapshot

__all__ = ["PAGE_ROWS", "TableListing"]

PAGE_ROWS = 2000
"""Rows read per query: memory stays flat however long the export."""


@dataclass(frozen=True)
class TableListing:
    """A table read for an export: the `columns` to select (joins through foreign keys allowed), the condition the
    filters make (`where`, None when they narrow nothing), and `complete`, which adds per-page look-ups (names
    kept in other tables) to a page's rows in place."""

    table: type[Table]
    columns: Sequence[Any]
    where: Callable[[Filters], Awaitable[Any]]
    complete: Callable[[Rows], Awaitable[None]] | None = None

    async def snapshot(self, filters: Filters) -> Snapshot:
        """Count the rows the filters select, up to the newest id now, and read them page by page."""
        key = self.table._meta.primary_key
        newest = await self.table.select(Max(key).as_alias("newest")).first()  # type: ignore[arg-type]
        bound = (newest or {}).get("newest") or 0
        condition: Any = key <= bound
        narrowed = await self.where(filters)
        if narrowed is not None:
            condition &= narrowed
        count = await self.table.count().where(condition) if bound else 0
        return Snapshot(count=count, pages=self._pages(condition, count))

    async def _pages(self, condition: Any, count: int) -> AsyncIterator[Rows]:
        key = self.table._meta.primary_key
        after, sent = 0, 0
        while sent < count:
            rows = await self.table.select(key.as_alias("_key"), *self.columns).where(
                condition & (key > after)).order_by(key).limit(min(PAGE_ROWS, count - sent))
            if not rows:
                return
            after = rows[-1]["_key"]
            sent += len(rows)
            if self.complete is not None:
                await self.complete(rows)
            yield rows
