"""Inbox and delivery bodies."""

from __future__ import annotations

from datetime import datetime

from market.core.schemas import Schema

__all__ = ["DeliveryOut", "InboxPage", "Notification", "ReadResult", "SmsOut"]


class Notification(Schema):
    """One message in a user's inbox, in the request's language."""

    id: int
    event: str
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None
    link: str | None


class InboxPage(Schema):
    """A page of the inbox and how many messages are unread in all."""

    items: list[Notification]
    total: int
    limit: int
    offset: int
    unread: int


class ReadResult(Schema):
    """How many messages were marked read, and how many remain unread."""

    marked: int
    unread: int


class DeliveryOut(Schema):
    """A delivery through SMS or a webhook, with its attempts (staff see the failed ones)."""

    id: int
    channel: str
    status: str
    attempts: int
    last_error: str
    event: str
    recipient: int | None
    created_at: datetime
    delivered_at: datetime | None


class SmsOut(Schema):
    """A text the development SMS adapter recorded instead of sending."""

    id: int
    phone: str
    text: str
    sent_at: datetime
