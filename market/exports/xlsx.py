"""Writing an export as an .xlsx workbook with XlsxWriter: typed cells (numbers, yuan, times), one sheet, row by
row in constant-memory mode, on a worker thread so a big export does not hold up the event loop."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
import xlsxwriter

from market.core.zone import market_zone
from market.exports.columns import Column, formatter
from market.exports.registry import Rows, Snapshot

__all__ = ["XLSX_MEDIA_TYPE", "xlsx_body"]

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CHUNK = 64 * 1024


class _Sheet:
    """One workbook in a temporary file, filled a page at a time; `cells` write each column's values typed."""

    def __init__(self, columns: tuple[Column, ...], language: str, unmasked: frozenset[str], title: str) -> None:
        handle, self.path = tempfile.mkstemp(suffix=".xlsx")
        os.close(handle)
        self.book = xlsxwriter.Workbook(self.path, {"constant_memory": True, "strings_to_formulas": False,
                                                    "strings_to_urls": False, "strings_to_numbers": False})
        self.sheet = self.book.add_worksheet(re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "export")
        self.money = self.book.add_format({"num_format": "0.00"})
        self.time = self.book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.sheet.write_row(0, 0, [c.header(language) for c in columns], self.book.add_format({"bold": True}))
        self.sheet.freeze_panes(1, 0)
        self.cells = [(c.key, self._writer(c, language, unmasked)) for c in columns]
        self.next_row = 1

    def _writer(self, column: Column, language: str, unmasked: frozenset[str]) -> Callable[[int, int, Any], None]:
        sheet = self.sheet
        if column.kind == "number":
            return lambda r, c, v: sheet.write_number(r, c, v) if v is not None else None
        if column.kind == "money":
            return lambda r, c, v: sheet.write_number(r, c, int(v) / 100, self.money) if v is not None else None
        if column.kind == "time":
            return lambda r, c, v: sheet.write_datetime(r, c, _local(v), self.time) if v not in (None, "") else None
        shown = formatter(column, language, unmasked)
        # A workbook cell written as a string is never run as a formula: no apostrophe needed, unlike the CSV.
        plain = (lambda v: shown(v).removeprefix("'")) if column.kind == "text" else shown
        return lambda r, c, v: sheet.write_string(r, c, plain(v))

    def write(self, rows: Rows) -> None:
        """Append `rows` below the ones written so far."""
        for row in rows:
            for col, (key, write) in enumerate(self.cells):
                write(self.next_row, col, row.get(key))
            self.next_row += 1

    def close(self) -> None:
        """Finish the workbook file."""
        self.book.close()


def _local(value: Any) -> datetime:
    """A stored moment as a naive time on the market's clocks (a spreadsheet cell has no zone)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(market_zone()).replace(tzinfo=None)


async def xlsx_body(columns: tuple[Column, ...], snapshot: Snapshot, language: str, unmasked: frozenset[str],
                    title: str) -> AsyncIterator[bytes]:
    """The export as an .xlsx file: built page by page in a temporary file (a zip is written whole before it can be
    read), then sent in chunks; the file is removed however the download ends."""
    sheet = await anyio.to_thread.run_sync(_Sheet, columns, language, unmasked, title)
    try:
        async for page in snapshot.pages:
            await anyio.to_thread.run_sync(sheet.write, page)
        await anyio.to_thread.run_sync(sheet.close)
        with open(sheet.path, "rb") as workbook:  # noqa: ASYNC230 (a local temporary file, read in chunks)
            while chunk := workbook.read(_CHUNK):
                yield chunk
    finally:
        os.unlink(sheet.path)
