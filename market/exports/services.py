"""Taking an export: check the filters, write who took what to the export log, then stream the CSV.

The log's row is written before the first byte is sent, with the number of rows the export holds, so an export
is on record even when its download is interrupted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import NotFound
from market.exports import lists  # noqa: F401  (registers the raw lists)
from market.exports.columns import Column, formatter
from market.exports.filters import Filters
from market.exports.registry import EXPORTS, Export, Snapshot
from market.exports.tables import ExportRecord

__all__ = ["BOM", "Download", "export_named", "take_export"]

BOM = "\ufeff"
"""UTF-8's byte-order mark: Excel reads a CSV that starts with it as UTF-8, so the Chinese comes out right."""


@dataclass(frozen=True)
class Download:
    """An export taken: its file name, the rows it holds, its log record, and the CSV as it is produced."""

    filename: str
    rows: int
    record_id: int
    body: AsyncIterator[bytes]


def export_named(filename: str) -> Export:
    """The export served as `filename` (`orders.csv`); 404 `export_not_found` for anything else (xlsx included:
    no spreadsheet library is among the pinned dependencies)."""
    stem, dot, suffix = filename.rpartition(".")
    export = EXPORTS.get(stem) if dot and suffix == "csv" else None
    if export is None:
        raise NotFound("export_not_found")
    return export


async def take_export(caller: CurrentUser, filename: str, filters: Filters, language: str) -> Download:
    """Record and start the export `filename` for the caller (authorised by the route's guard: the bureau and
    admins), with personal data masked as `policy.export_unmasks` says."""
    export = export_named(filename)
    filters.check(export.filters)
    unmasked = policy.export_unmasks(caller)
    snapshot = await export.snapshot(filters)
    async with write_transaction():
        record = await ExportRecord.insert(ExportRecord(
            reader=caller.id, role=caller.role, name=filename, filters=filters.as_record(),
            row_count=snapshot.count, language=language, unmasked=",".join(sorted(unmasked)),
            at=clock.now())).returning(ExportRecord.id)
    stamp = f"{clock.now():%Y%m%d}"
    return Download(filename=f"{export.name}-{stamp}.csv", rows=snapshot.count, record_id=record[0]["id"],
                    body=_csv(export.columns, snapshot, language, unmasked))


async def _csv(columns: tuple[Column, ...], snapshot: Snapshot, language: str,
               unmasked: frozenset[str]) -> AsyncIterator[bytes]:
    yield _encoded_rows([[BOM + columns[0].header(language), *(c.header(language) for c in columns[1:])]])
    cells = [(column.key, formatter(column, language, unmasked)) for column in columns]
    async for page in snapshot.pages:
        yield _encoded_rows([shown(row.get(key)) for key, shown in cells] for row in page)


def _encoded_rows(rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")
