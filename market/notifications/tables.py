"""The outbox and its deliveries: messages written with the change that causes them, then sent per channel."""

from enum import StrEnum

from piccolo.columns import JSON, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


class OutboxStatus(StrEnum):
    """Delivery state of an outbox message (kept for the in-app inbox: delivered when written)."""

    pending = "pending"
    delivered = "delivered"
    failed = "failed"


class DeliveryStatus(StrEnum):
    """Where one channel's delivery of a message stands."""

    pending = "pending"
    sending = "sending"
    delivered = "delivered"
    failed = "failed"


class OutboxMessage(Table, tablename="outbox_messages"):
    """One event for one recipient; `dedupe_key` makes writing the same event twice a no-op.

    It is also the recipient's in-app inbox entry (`read_at` once they have read it). A text to a phone that may
    have no account (a sign-up code) has no recipient and names the `phone` instead: it is in nobody's inbox.
    """

    id: Serial
    event = Varchar(length=40, index=True)
    recipient = ForeignKey(User, index=True, null=True)
    phone = Varchar(length=11, default="")
    payload = JSON(default={})
    dedupe_key = Varchar(length=120, unique=True)
    status = Varchar(length=10, choices=OutboxStatus, default=OutboxStatus.pending, index=True)
    attempts = Integer(default=0)
    last_error = Text(default="")
    created_at = Timestamptz(default=TimestamptzNow())
    delivered_at = Timestamptz(null=True, default=None)
    read_at = Timestamptz(null=True, default=None)


class Delivery(Table, tablename="deliveries"):
    """One message sent through one outside channel (sms, webhook), with every attempt recorded."""

    id: Serial
    message = ForeignKey(OutboxMessage, index=True, on_delete=OnDelete.restrict)
    channel = Varchar(length=10)
    status = Varchar(length=10, choices=DeliveryStatus, default=DeliveryStatus.pending, index=True)
    attempts = Integer(default=0)
    last_error = Text(default="")
    next_attempt_at = Timestamptz(default=TimestamptzNow(), index=True)
    claimed_at = Timestamptz(null=True, default=None)
    delivered_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())


class SmsLog(Table, tablename="sms_log"):
    """Texts the development SMS adapter "sent": where staff and tests read them. One row per delivery."""

    id: Serial
    delivery = ForeignKey(Delivery, unique=True, on_delete=OnDelete.restrict)
    phone = Varchar(length=20, index=True)
    text = Text()
    sent_at = Timestamptz(default=TimestamptzNow())
