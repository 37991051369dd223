"""Taking an export: check the filters, write who took what to the export log, then stream the CSV or xlsx.

The log's row is written before the first byte is sent, with the number of rows the export holds, so an export
is on record even when its download is interrupted.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import NotFound
from market.core.i18n import translate
from market.exports import lists  # noqa: F401  (registers the raw lists)
from market.exports.columns import Column, formatter
from market.exports.filters import Filters
from market.exports.registry import EXPORTS, Export, Snapshot
from market.exports.schemas import ExportRecordOut
from market.exports.tables import ExportRecord
from market.exports.xlsx import XLSX_MEDIA_TYPE, xlsx_body

__all__ = ["BOM", "CSV_MEDIA_TYPE", "FORMATS", "Download", "export_log", "export_named", "take_export"]

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
FORMATS = ("csv", "xlsx")
"""The file kinds every export is offered as."""

BOM = "\ufeff"
"""UTF-8's byte-order mark: Excel reads a CSV that starts with it as UTF-8, so the Chinese comes out right."""


@dataclass(frozen=True)
class Download:
    """An export taken: its file name, the rows it holds, its log record, its media type and the file's bytes as
    they are produced."""

    filename: str
    rows: int
    record_id: int
    media_type: str
    body: AsyncIterator[bytes]


def export_named(filename: str) -> tuple[Export, str]:
    """The export served as `filename` and its kind (`orders.csv` → orders, csv; `orders.xlsx` → orders, xlsx);
    404 `export_not_found` for anything else."""
    stem, dot, suffix = filename.rpartition(".")
    export = EXPORTS.get(stem) if dot and suffix in FORMATS else None
    if export is None:
        raise NotFound("export_not_found")
    return export, suffix


async def take_export(caller: CurrentUser, filename: str, filters: Filters, language: str) -> Download:
    """Record and start the export `filename` for the caller (authorised by the route's guard: the bureau and
    admins), with personal data masked as `policy.export_unmasks` says."""
    export, kind = export_named(filename)
    filters.check(export.filters)
    unmasked = policy.export_unmasks(caller)
    snapshot = await export.snapshot(filters)
    async with write_transaction():
        record = await ExportRecord.insert(ExportRecord(
            reader=caller.id, role=caller.role, name=filename, filters=filters.as_record(),
            row_count=snapshot.count, language=language, unmasked=",".join(sorted(unmasked)),
            at=clock.now())).returning(ExportRecord.id)
    stamp = f"{clock.now():%Y%m%d}"
    if kind == "xlsx":
        body = xlsx_body(export.columns, snapshot, language, unmasked, translate(f"exports.name.{export.name}",
                                                                                  language))
        media_type = XLSX_MEDIA_TYPE
    else:
        body, media_type = _csv(export.columns, snapshot, language, unmasked), CSV_MEDIA_TYPE
    return Download(filename=f"{export.name}-{stamp}.{kind}", rows=snapshot.count, record_id=record[0]["id"],
                    media_type=media_type, body=body)


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


async def export_log(limit: int, offset: int) -> tuple[list[ExportRecordOut], int]:
    """The export log, newest first, a page at a time, with each reader's name."""
    rows = await ExportRecord.select(
        *ExportRecord.all_columns(), ExportRecord.reader.name.as_alias("reader_name")).order_by(
        ExportRecord.id, ascending=False).limit(limit).offset(offset)
    records = [ExportRecordOut(
        id=row["id"], reader_id=row["reader"], reader_name=row["reader_name"] or "", role=row["role"],
        name=row["name"], filters=_filters(row["filters"]), row_count=row["row_count"], language=row["language"],
        unmasked=[kind for kind in row["unmasked"].split(",") if kind], at=row["at"]) for row in rows]
    return records, await ExportRecord.count()


def _filters(stored: Any) -> dict[str, Any]:
    """A JSON column's value: a dict on PostgreSQL, its text on SQLite."""
    value = json.loads(stored) if isinstance(stored, str) else stored
    return value if isinstance(value, dict) else {}
