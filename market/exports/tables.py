"""The export log: who took which export, with which filters, how many rows, and when. Append-only."""

from piccolo.columns import JSON, ForeignKey, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


class ExportRecord(Table, tablename="export_records"):
    """One export taken: the reader, their role then, the export's name, its filters, the rows it held, the
    language of its header row and whether personal data was shown in full. The database refuses to change or
    delete a row (migration `export records append-only`)."""

    id: Serial
    reader = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    role = Varchar(length=12)
    name = Varchar(length=60, index=True)
    filters = JSON(default={})
    row_count = Integer()
    language = Varchar(length=5)
    unmasked = Varchar(length=60, default="")
    """The kinds of personal data shown in full (comma-separated; empty: everything masked)."""
    at = Timestamptz(default=TimestamptzNow())
