"""The dispatcher: claims due deliveries, sends them through their channel, records every attempt.

Claiming is one conditional UPDATE (with SKIP LOCKED on PostgreSQL), so any number of dispatchers can run; a
claim left behind by a process that died is taken over after `LINGGONG_DISPATCH_CLAIM_TIMEOUT_S`. Retries are
kept in the database (attempts, last error, next attempt), so they behave the same under arq and in-process.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from piccolo.engine.postgres import PostgresEngine

from market.accounts.codes import sealed_code_context as account_code_context
from market.core import clock
from market.core.database import current_engine
from market.core.personal_data import decrypt
from market.employers.tables import Employer
from market.notifications.channels import DeliveryFailed, RecordingSms, send_webhook, sms_provider
from market.notifications.tables import Delivery, DeliveryStatus, OutboxMessage, SmsLog
from market.notifications.templates import SEALED_CODE_EVENTS, sms_text
from market.settings import get_settings
from market.stations.consent import sealed_code_context

__all__ = ["BACKOFF", "dispatch_due"]

logger = logging.getLogger("market.dispatch")

BACKOFF = [timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=8), timedelta(minutes=30),
           timedelta(hours=2)]
PARALLEL_SENDS = 20


_CLAIM = ("UPDATE deliveries SET status = 'sending', claimed_at = {} WHERE id IN ("
          "SELECT id FROM deliveries WHERE (status = 'pending' AND next_attempt_at <= {}) "
          "OR (status = 'sending' AND claimed_at < {}) ORDER BY next_attempt_at LIMIT {}) RETURNING id")
_CLAIM_SKIP_LOCKED = ("UPDATE deliveries SET status = 'sending', claimed_at = {} WHERE id IN ("
                      "SELECT id FROM deliveries WHERE (status = 'pending' AND next_attempt_at <= {}) "
                      "OR (status = 'sending' AND claimed_at < {}) ORDER BY next_attempt_at LIMIT {} "
                      "FOR UPDATE SKIP LOCKED) RETURNING id")


async def _claim(limit: int) -> list[int]:
    now = clock.now()
    query = _CLAIM_SKIP_LOCKED if isinstance(current_engine(), PostgresEngine) else _CLAIM
    stale = now - timedelta(seconds=get_settings().dispatch_claim_timeout_s)
    rows = await Delivery.raw(query, now, now, stale, limit)
    return [row["id"] for row in rows]


async def _load(ids: list[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = await Delivery.select(
        Delivery.id, Delivery.channel, Delivery.attempts, Delivery.message.event.as_alias("event"),  # type: ignore[union-attr]
        Delivery.message.as_alias("message_id"), Delivery.message.payload.as_alias("payload"),  # type: ignore[union-attr]
        Delivery.message.created_at.as_alias("created_at"),  # type: ignore[union-attr]
        Delivery.message.recipient.as_alias("recipient"),  # type: ignore[union-attr]
        Delivery.message.recipient.phone.as_alias("user_phone"),  # type: ignore[union-attr]
        Delivery.message.phone.as_alias("to_phone"),  # type: ignore[union-attr]
    ).where(Delivery.id.is_in(ids)).output(load_json=True)
    for row in rows:  # a message names a user (their phone now) or, with no account behind it, a phone
        row["phone"] = row.pop("user_phone") or row.pop("to_phone")
        row.pop("to_phone", None)
    return rows


async def _hooks(recipients: set[int]) -> dict[int, tuple[str, str]]:
    if not recipients:
        return {}
    rows = await Employer.select(Employer.user, Employer.webhook_url, Employer.webhook_secret).where(
        Employer.user.is_in(list(recipients)) & (Employer.webhook_url != ""))
    return {r["user"]: (r["webhook_url"], r["webhook_secret"]) for r in rows}


def _open_code(row: dict[str, Any]) -> str | None:
    """The one-time code sealed in a code text's payload (a station consent code, or an account's sign-in, sign-up
    or reset code), opened only to send it (None once scrubbed)."""
    payload = row["payload"]
    sealed = payload.get("sealed_code") if row["event"] in SEALED_CODE_EVENTS else None
    if not sealed:
        return None
    if row["event"].startswith("account_code_"):
        return decrypt(sealed, context=account_code_context(int(payload["account_code_id"])))
    return decrypt(sealed, context=sealed_code_context(int(payload.get("consent_code_id", 0))))


async def _scrub_codes(rows: list[dict[str, Any]]) -> None:
    """Once a consent text has gone (or failed for good), its payload keeps no copy of the code, even sealed."""
    for row in rows:
        if row["event"] in SEALED_CODE_EVENTS and "sealed_code" in row["payload"]:
            payload = {k: v for k, v in row["payload"].items() if k != "sealed_code"}
            await OutboxMessage.update({OutboxMessage.payload: payload}).where(OutboxMessage.id == row["message_id"])


async def _send(row: dict[str, Any], hooks: dict[int, tuple[str, str]]) -> None:
    if row["channel"] == "sms":
        text = sms_text(row["event"], row["payload"], row["recipient"], _open_code(row))
        await sms_provider().send(row["id"], row["phone"], text)
        return
    hook = hooks.get(row["recipient"])
    if hook is None:
        raise DeliveryFailed("the employer removed their webhook")
    event = {"delivery_id": row["id"], "event": row["event"], "created_at": row["created_at"].isoformat(),
             "data": row["payload"]}
    await send_webhook(hook[0], hook[1], row["id"], event)


async def _record_sms_batch(rows: list[dict[str, Any]]) -> None:
    """The development adapter in bulk: one insert for a whole batch (a repeat of a delivery is ignored). Staff
    read this log, so a one-time code in it shows as `******`."""
    texts = [SmsLog(delivery=r["id"], phone=r["phone"], text=sms_text(r["event"], r["payload"], r["recipient"]))
             for r in rows]
    await SmsLog.insert(*texts).on_conflict(target=SmsLog.delivery, action="DO NOTHING")


async def _mark_failed(row: dict[str, Any], error: str, now: datetime) -> None:
    attempts = row["attempts"] + 1
    final = attempts >= get_settings().dispatch_max_attempts
    retry_at = now + BACKOFF[min(attempts - 1, len(BACKOFF) - 1)]
    await Delivery.update({
        Delivery.attempts: attempts, Delivery.last_error: error[:500], Delivery.claimed_at: None,
        Delivery.status: DeliveryStatus.failed if final else DeliveryStatus.pending, Delivery.next_attempt_at: retry_at,
    }).where(Delivery.id == row["id"])
    if final:
        await _scrub_codes([row])
        logger.warning("delivery %s (%s) failed for good after %s attempts: %s", row["id"], row["channel"],
                       attempts, error)


async def _mark_delivered(ids: list[int]) -> None:
    await Delivery.update({Delivery.status: DeliveryStatus.delivered, Delivery.delivered_at: clock.now(),
                           Delivery.attempts: Delivery.attempts + 1, Delivery.claimed_at: None}).where(
        Delivery.id.is_in(ids) & (Delivery.status == DeliveryStatus.sending))


async def _deliver(rows: list[dict[str, Any]]) -> int:
    """Send a claimed batch. Texts for the recording adapter go in one insert; every other delivery is marked
    the moment its channel accepts it, so a crash re-sends at most the deliveries in flight."""
    bulk = [r for r in rows if r["channel"] == "sms" and isinstance(sms_provider(), RecordingSms)]
    if bulk:
        await _record_sms_batch(bulk)
        await _mark_delivered([r["id"] for r in bulk])
        await _scrub_codes(bulk)
    hooks = await _hooks({r["recipient"] for r in rows if r["channel"] == "webhook"})
    gate = asyncio.Semaphore(PARALLEL_SENDS)
    sent = len(bulk)

    async def one(row: dict[str, Any]) -> None:
        nonlocal sent
        async with gate:
            try:
                await _send(row, hooks)
            except Exception as exc:  # any channel failure is one failed attempt, retried later
                await _mark_failed(row, f"{type(exc).__name__}: {exc}", clock.now())
                return
            await _mark_delivered([row["id"]])
            await _scrub_codes([row])
            sent += 1

    bulk_ids = {r["id"] for r in bulk}
    await asyncio.gather(*(one(r) for r in rows if r["id"] not in bulk_ids))
    return sent


async def dispatch_due(batch: int = 200, max_batches: int = 50) -> int:
    """Send what is due, batch by batch, until nothing is due or `max_batches` ran; return how many were delivered."""
    total = 0
    for _ in range(max_batches):
        ids = await _claim(batch)
        if not ids:
            break
        total += await _deliver(await _load(ids))
    return total
