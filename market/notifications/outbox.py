"""Writing to the outbox: called inside the transaction of the change being announced, never sending anything."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from market.core import clock
from market.core.events import record
from market.employers.tables import Employer
from market.notifications.events import DeliveriesQueued
from market.notifications.tables import Delivery, OutboxMessage, OutboxStatus
from market.notifications.templates import SMS_EVENTS

__all__ = ["announce", "announce_to_phone"]


async def _channels(event: str, recipients: list[int], sms: bool | None = None) -> dict[int, list[str]]:
    hooked = {row["user"] for row in await Employer.select(Employer.user).where(
        Employer.user.is_in(recipients) & (Employer.webhook_url != ""))} if recipients else set()
    texted = event in SMS_EVENTS if sms is None else sms
    return {user: (["sms"] if texted else []) + (["webhook"] if user in hooked else []) for user in recipients}


async def announce(event: str, recipients: Iterable[int], payload: dict[str, Any], *, key: str,
                   sms: bool | None = None) -> None:
    """Queue `event` for each recipient; `key` names the occurrence so writing it twice stores it once.

    Called by the subscribers in `market.notifications.subscribers`, inside the write transaction of the change it
    announces: if that rolls back, so does this.
    The message is in the recipient's inbox at once; a delivery row per outside channel (SMS, webhook) waits
    for the dispatcher. `sms` overrides whether it goes out as a text too (the recipient's choice, as for job
    alerts); by default the events in `SMS_EVENTS` do.
    """
    users = list(dict.fromkeys(recipients))
    if not users:
        return
    now = clock.now()
    keys = {user: f"{event}:{key}:{user}" for user in users}
    rows = [OutboxMessage(event=event, recipient=user, payload=payload, dedupe_key=keys[user], created_at=now,
                          status=OutboxStatus.delivered, delivered_at=now) for user in users]
    inserted = await OutboxMessage.insert(*rows).on_conflict(
        target=OutboxMessage.dedupe_key, action="DO NOTHING").returning(OutboxMessage.id, OutboxMessage.recipient)
    if not inserted:
        return
    channels = await _channels(event, [row["recipient"] for row in inserted], sms)
    deliveries = [Delivery(message=row["id"], channel=channel, next_attempt_at=now, created_at=now)
                  for row in inserted for channel in channels[row["recipient"]]]
    if deliveries:
        await Delivery.insert(*deliveries)
        record(DeliveriesQueued(count=len(deliveries)))


async def announce_to_phone(event: str, phone: str, payload: dict[str, Any], *, key: str) -> None:
    """Queue `event` as a text to `phone`, which may have no account (a sign-up code): no inbox entry, one SMS
    delivery. Called in the write transaction of the change it announces, like `announce`."""
    now = clock.now()
    inserted = await OutboxMessage.insert(OutboxMessage(
        event=event, recipient=None, phone=phone, payload=payload, dedupe_key=f"{event}:{key}", created_at=now,
        status=OutboxStatus.delivered, delivered_at=now)).on_conflict(
        target=OutboxMessage.dedupe_key, action="DO NOTHING").returning(OutboxMessage.id)
    if inserted:
        await Delivery.insert(Delivery(message=inserted[0]["id"], channel="sms", next_attempt_at=now, created_at=now))
        record(DeliveriesQueued(count=1))
