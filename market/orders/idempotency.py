"""Idempotency keys: a retried request with the same key gets the first request's result."""

from __future__ import annotations

import hashlib
from typing import Any

from market.core import clock
from market.core.errors import Conflict
from market.orders.tables import IdempotencyRecord

__all__ = ["fingerprint", "recall", "remember"]


def fingerprint(*parts: object) -> str:
    """A digest of what the request asked for, to tell a true retry from a reused key."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


async def recall(user_id: int, key: str, digest: str) -> dict[str, Any] | None:
    """The stored result for this user's key, or None; a Conflict if the key was used for something else."""
    row = await IdempotencyRecord.select().output(load_json=True).where(
        (IdempotencyRecord.user == user_id) & (IdempotencyRecord.key == key)).first()
    if row is None:
        return None
    if row["fingerprint"] != digest:
        raise Conflict("idempotency_key_reused")
    return row["response"]


async def remember(user_id: int, key: str, digest: str, status_code: int, response: dict[str, Any]) -> None:
    """Store the result; call inside the transaction that produced it."""
    await IdempotencyRecord(user=user_id, key=key, fingerprint=digest, status_code=status_code, response=response,
                            created_at=clock.now()).save()
