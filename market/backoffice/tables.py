"""The back office's tables: the append-only admin log, and the trades and synonyms admins added to the taxonomy."""

from piccolo.columns import JSON, ForeignKey, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


class AdminLogEntry(Table, tablename="admin_log"):
    """One admin act, as hashed into the log's chain (`market.backoffice.log`). The database refuses to change or
    delete a row; `record` is the hashed JSON (`{seq, kind, actor, subject, at, details}` and the hashes)."""

    id: Serial
    seq = Integer(unique=True)
    kind = Varchar(length=40, index=True)
    actor = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict, index=True)
    subject_kind = Varchar(length=20, default="")
    subject_id = Integer(null=True, default=None)
    at = Timestamptz(default=TimestamptzNow(), index=True)
    record = JSON()


class TradeAddition(Table, tablename="trade_additions"):
    """A trade or a synonym an admin added to the shipped taxonomy: `kind` `synonym` names an existing trade's
    `code` and the new `name`; `trade` makes a new trade (`code`, `name` its Chinese name, `en`, `related_to`)."""

    id: Serial
    kind = Varchar(length=10)
    code = Varchar(length=40, index=True)
    name = Varchar(length=40, unique=True)
    en = Varchar(length=60, default="")
    category = Varchar(length=40, default="")
    related_to = Varchar(length=40, default="")
    added_by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    added_at = Timestamptz(default=TimestamptzNow())
