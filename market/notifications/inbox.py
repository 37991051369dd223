"""Reading the inbox and the delivery records: each user their own messages, staff the failures and SMS log."""

from __future__ import annotations

from typing import Any

from market.core import clock
from market.core.errors import NotFound
from market.notifications.schemas import DeliveryOut, InboxPage, Notification, ReadResult, SmsOut
from market.notifications.tables import Delivery, DeliveryStatus, OutboxMessage, SmsLog
from market.notifications.templates import render

__all__ = ["failed_deliveries", "list_inbox", "mark_all_read", "mark_read", "sms_log"]


def _link(payload: dict[str, Any]) -> str | None:
    named = payload.get("link")
    if isinstance(named, str) and named.startswith("#/"):  # a screen the notice names (a credit grade, a queue)
        return f"/{named}"
    if "order_id" in payload:
        return f"/#/orders/{payload['order_id']}"
    if "job_id" in payload:
        return f"/#/jobs/{payload['job_id']}"
    if "warning_id" in payload:
        return "/#/warnings"
    return None


async def _unread(user_id: int) -> int:
    return await OutboxMessage.count().where((OutboxMessage.recipient == user_id) & OutboxMessage.read_at.is_null())


async def list_inbox(user_id: int, language: str, unread_only: bool, limit: int, offset: int) -> InboxPage:
    """The user's messages, newest first, rendered in `language`."""
    condition: Any = OutboxMessage.recipient == user_id
    if unread_only:
        condition = condition & OutboxMessage.read_at.is_null()
    rows = await OutboxMessage.select(OutboxMessage.id, OutboxMessage.event, OutboxMessage.payload,
                                      OutboxMessage.created_at, OutboxMessage.read_at).where(condition).order_by(
        OutboxMessage.id, ascending=False).limit(limit).offset(offset).output(load_json=True)
    items = []
    for row in rows:
        text = render(row["event"], row["payload"], language, user_id)
        items.append(Notification(id=row["id"], event=row["event"], title=text.title, body=text.body,
                                  created_at=row["created_at"], read_at=row["read_at"], link=_link(row["payload"])))
    return InboxPage(items=items, total=await OutboxMessage.count().where(condition), limit=limit, offset=offset,
                     unread=await _unread(user_id))


async def mark_read(user_id: int, message_id: int) -> ReadResult:
    """Mark one of the user's messages read (again is harmless)."""
    if not await OutboxMessage.exists().where((OutboxMessage.id == message_id) & (OutboxMessage.recipient == user_id)):
        raise NotFound("not_found")
    marked = await OutboxMessage.update({OutboxMessage.read_at: clock.now()}).where(
        (OutboxMessage.id == message_id) & OutboxMessage.read_at.is_null()).returning(OutboxMessage.id)
    return ReadResult(marked=len(marked), unread=await _unread(user_id))


async def mark_all_read(user_id: int) -> ReadResult:
    """Mark every unread message of the user read."""
    marked = await OutboxMessage.update({OutboxMessage.read_at: clock.now()}).where(
        (OutboxMessage.recipient == user_id) & OutboxMessage.read_at.is_null()).returning(OutboxMessage.id)
    return ReadResult(marked=len(marked), unread=0)


async def failed_deliveries(limit: int, offset: int) -> tuple[list[DeliveryOut], int]:
    """Deliveries that gave up after their last retry, newest first, for staff to follow up by hand."""
    condition = Delivery.status == DeliveryStatus.failed
    rows = await Delivery.select(
        *Delivery.all_columns(), Delivery.message.event.as_alias("event"),  # type: ignore[union-attr]
        Delivery.message.recipient.as_alias("recipient")).where(condition).order_by(  # type: ignore[union-attr]
        Delivery.id, ascending=False).limit(limit).offset(offset)
    items = [DeliveryOut(id=r["id"], channel=r["channel"], status=r["status"], attempts=r["attempts"],
                         last_error=r["last_error"], event=r["event"], recipient=r["recipient"],
                         created_at=r["created_at"], delivered_at=r["delivered_at"]) for r in rows]
    return items, await Delivery.count().where(condition)


async def sms_log(phone: str | None, limit: int, offset: int) -> tuple[list[SmsOut], int]:
    """Texts recorded by the development SMS adapter, newest first."""
    condition = SmsLog.phone == phone if phone else None
    query, count = SmsLog.select(), SmsLog.count()
    if condition is not None:
        query, count = query.where(condition), count.where(condition)
    rows = await query.order_by(SmsLog.id, ascending=False).limit(limit).offset(offset)
    return [SmsOut(id=r["id"], phone=r["phone"], text=r["text"], sent_at=r["sent_at"]) for r in rows], await count
