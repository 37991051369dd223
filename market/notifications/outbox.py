"""Writing to the outbox: called inside the transaction of the change being announced, never sending anything."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from market.core import clock
from market.notifications.tables import OutboxMessage

__all__ = ["announce"]


async def announce(event: str, recipients: Iterable[int], payload: dict[str, Any], *, key: str) -> None:
    """Queue `event` for each recipient; `key` names the occurrence so writing it twice stores it once.

    Must be called inside the write transaction of the change it announces: if that rolls back, so does this.
    A dispatcher (background jobs) delivers what is queued.
    """
    rows = [
        OutboxMessage(event=event, recipient=user_id, payload=payload, dedupe_key=f"{event}:{key}:{user_id}",
                      created_at=clock.now())
        for user_id in dict.fromkeys(recipients)
    ]
    if rows:
        await OutboxMessage.insert(*rows).on_conflict(target=OutboxMessage.dedupe_key, action="DO NOTHING")
