"""The outbox: messages written in the same transaction as the change that causes them."""

from enum import StrEnum

from piccolo.columns import JSON, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


class OutboxStatus(StrEnum):
    """Delivery state of an outbox message."""

    pending = "pending"
    delivered = "delivered"
    failed = "failed"


class OutboxMessage(Table, tablename="outbox_messages"):
    """One event for one recipient; `dedupe_key` makes writing the same event twice a no-op."""

    id: Serial

    event = Varchar(length=40, index=True)
    recipient = ForeignKey(User, index=True)
    payload = JSON(default={})
    dedupe_key = Varchar(length=120, unique=True)
    status = Varchar(length=10, choices=OutboxStatus, default=OutboxStatus.pending, index=True)
    attempts = Integer(default=0)
    last_error = Text(default="")
    created_at = Timestamptz(default=TimestamptzNow())
    delivered_at = Timestamptz(null=True, default=None)
