"""The outside channels: SMS (a development adapter or an HTTP gateway) and employers' signed webhooks."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from market.notifications.tables import SmsLog
from market.settings import get_settings

__all__ = ["DeliveryFailed", "SmsProvider", "send_webhook", "sign_webhook", "sms_provider"]

TIMEOUT_S = 5.0


class DeliveryFailed(Exception):
    """The channel refused or could not be reached; the delivery is retried later."""


class SmsProvider(Protocol):
    """Sends one text; `delivery_id` lets the provider drop a repeat of the same delivery."""

    async def send(self, delivery_id: int, phone: str, text: str) -> None:
        """Send, or raise DeliveryFailed."""


class RecordingSms:
    """Development adapter: records each text in `sms_log` (once per delivery), where staff and tests read it."""

    async def send(self, delivery_id: int, phone: str, text: str) -> None:
        """Record the text; a repeat of the same delivery is ignored."""
        await SmsLog.insert(SmsLog(delivery=delivery_id, phone=phone, text=text)).on_conflict(
            target=SmsLog.delivery, action="DO NOTHING")


@dataclass(frozen=True)
class GatewaySms:
    """Production adapter: POSTs a JSON body built from a template to the operator's SMS gateway."""

    url: str
    template: str
    token: str | None

    async def send(self, delivery_id: int, phone: str, text: str) -> None:
        """POST the text; any non-2xx answer or network error is a failed attempt."""
        values = {"phone": phone, "text": text, "id": str(delivery_id)}
        body = self.template
        for key, value in values.items():
            body = body.replace("{" + key + "}", json.dumps(value)[1:-1])
        headers = {"Content-Type": "application/json", "Idempotency-Key": f"linggong-sms-{delivery_id}"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        await _post(self.url, body.encode(), headers)


def sms_provider() -> SmsProvider:
    """The configured SMS adapter."""
    settings = get_settings()
    if settings.sms_url:
        return GatewaySms(settings.sms_url, settings.sms_template, settings.sms_token)
    return RecordingSms()


def sign_webhook(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header value: HMAC-SHA256 over "<timestamp>.<body>" with the employer's secret."""
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


async def send_webhook(url: str, secret: str, delivery_id: int, event: dict[str, Any]) -> None:
    """POST the event as JSON, signed, with the delivery id so the receiver can drop repeats."""
    body = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()
    timestamp = str(int(time.time()))
    headers = {"Content-Type": "application/json", "X-Linggong-Delivery": str(delivery_id),
               "X-Linggong-Timestamp": timestamp, "X-Linggong-Signature": sign_webhook(secret, timestamp, body)}
    await _post(url, body, headers)


async def _post(url: str, body: bytes, headers: dict[str, str]) -> None:
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT_S, follow_redirects=False) as client:
            response = await client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise DeliveryFailed(f"{type(exc).__name__}: {exc}") from exc
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed(f"HTTP {response.status_code}")
