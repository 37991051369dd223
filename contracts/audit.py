"""The audit trail: hash-chained events per contract, as pure functions over plain data."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

__all__ = [
    "GENESIS",
    "AuditEvent",
    "ChainCheck",
    "EventKind",
    "append_event",
    "canonical_json",
    "chain_head",
    "check_chain",
    "event_hash",
]

GENESIS = "0" * 64
"""The previous hash of a contract's first event."""


class EventKind(StrEnum):
    """What happened to a contract."""

    CREATED = "created"
    SIGNED_BY_WORKER = "signed_by_worker"
    SIGNED_BY_EMPLOYER = "signed_by_employer"
    SEALED = "sealed"
    VIEWED = "viewed"
    DOWNLOADED = "downloaded"
    VERIFIED = "verified"
    CANCELLED = "cancelled"


def _utc_text(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("event time must be timezone-aware")
    moment = value.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One link of the chain: what happened, who did it, when, through which channel, and the hashes."""

    contract_number: str
    seq: int
    kind: EventKind
    actor: str
    channel: str
    at: datetime
    details: Mapping[str, str] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""

    def payload(self) -> dict[str, Any]:
        """The hashed content of the event (times in UTC to the millisecond), without the hashes."""
        return {
            "contract_number": self.contract_number,
            "seq": self.seq,
            "kind": str(self.kind),
            "actor": self.actor,
            "channel": self.channel,
            "at": _utc_text(self.at),
            "details": dict(self.details),
        }

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict of the event, with its hashes, for storage or the /audit endpoint."""
        return {**self.payload(), "prev_hash": self.prev_hash, "hash": self.hash}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> AuditEvent:
        """Rebuild an event from to_record's dict."""
        at = datetime.fromisoformat(str(record["at"]).replace("Z", "+00:00"))
        return cls(
            contract_number=record["contract_number"], seq=int(record["seq"]), kind=EventKind(record["kind"]),
            actor=record["actor"], channel=record["channel"], at=at, details=dict(record.get("details") or {}),
            prev_hash=record["prev_hash"], hash=record["hash"],
        )


def canonical_json(payload: Mapping[str, Any]) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8 without escaping."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_hash(prev_hash: str, payload: Mapping[str, Any]) -> str:
    """SHA-256 hex of the previous hash, a newline, and the event's canonical JSON."""
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + canonical_json(payload)).hexdigest()


def chain_head(events: Sequence[AuditEvent]) -> str:
    """The hash of the last event, or GENESIS for an empty chain."""
    return events[-1].hash if events else GENESIS


def append_event(
    events: Sequence[AuditEvent], contract_number: str, kind: EventKind, actor: str, channel: str, at: datetime,
    details: Mapping[str, str] | None = None,
) -> AuditEvent:
    """Make the next event of the chain, linked to its head; the caller stores it."""
    draft = AuditEvent(
        contract_number=contract_number, seq=len(events), kind=kind, actor=actor, channel=channel, at=at,
        details={str(k): str(v) for k, v in (details or {}).items()}, prev_hash=chain_head(events),
    )
    return replace(draft, hash=event_hash(draft.prev_hash, draft.payload()))


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """The result of checking a chain: ok, or the index of the first bad event and why."""

    ok: bool
    broken_at: int | None = None
    reason: str = ""


def check_chain(events: Sequence[AuditEvent], contract_number: str | None = None) -> ChainCheck:
    """Check sequence numbers, links and hashes of a contract's events; report the first break."""
    prev = GENESIS
    for index, event in enumerate(events):
        number = contract_number or events[0].contract_number
        if event.contract_number != number:
            return ChainCheck(False, index, "event belongs to another contract")
        if event.seq != index:
            return ChainCheck(False, index, f"sequence number {event.seq}, expected {index}")
        if event.prev_hash != prev:
            return ChainCheck(False, index, "previous hash does not match the event before")
        if event_hash(event.prev_hash, event.payload()) != event.hash:
            return ChainCheck(False, index, "hash does not match the event's content")
        prev = event.hash
    return ChainCheck(True)
