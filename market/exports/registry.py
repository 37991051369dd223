"""The exports on offer, by name: each one its columns, the filters it takes and how its rows are read.

A raw list reads its table in pages (`market.exports.paging`); a figure's export (`figure_export`) is one entry
whose function answers its few rows. `register` adds an export; `EXPORTS` is what `GET /api/exports` lists.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from market.exports.columns import Column
from market.exports.filters import Filters

__all__ = ["DAYS", "EXPORTS", "Export", "Snapshot", "figure_export", "register"]

Rows = list[dict[str, Any]]
DAYS = frozenset({"from", "to"})
"""The filters every export takes: its days."""


@dataclass(frozen=True)
class Snapshot:
    """An export's rows as of one moment: how many, and the rows themselves page by page (never all at once)."""

    count: int
    pages: AsyncIterator[Rows]


@dataclass(frozen=True)
class Export:
    """One export: `name` (served as `<name>.csv`; its title is the catalogue entry `exports.name.<name>`), its
    columns, the filters it takes, and `snapshot`, which counts and reads its rows for the filters."""

    name: str
    columns: tuple[Column, ...]
    snapshot: Callable[[Filters], Awaitable[Snapshot]]
    filters: frozenset[str] = DAYS


EXPORTS: dict[str, Export] = {}
"""Every export on offer, by name, in the order registered."""


def register(export: Export) -> Export:
    """Offer `export` (a second one of the same name is a mistake)."""
    if export.name in EXPORTS:
        raise ValueError(f"export {export.name!r} is registered twice")
    EXPORTS[export.name] = export
    return export


async def _once(rows: Rows) -> AsyncIterator[Rows]:
    yield rows


def figure_export(name: str, columns: Sequence[Column], compute: Callable[[Filters], Awaitable[Rows]],
                  filters: frozenset[str] = DAYS) -> Export:
    """An export of a figure: `compute` answers its rows (a figure has few: one a day, a district, a trade)."""

    async def snapshot(given: Filters) -> Snapshot:
        rows = await compute(given)
        return Snapshot(count=len(rows), pages=_once(rows))

    return register(Export(name=name, columns=tuple(columns), snapshot=snapshot, filters=filters))
