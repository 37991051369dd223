"""A case's trail: every event appended to a hash chain (the contracts library's hashing) and checked when read.

Each link hashes the previous link's hash with the canonical JSON of `{case, seq, kind, actor, at, details}`
(`contracts.event_hash`), so changing, removing or reordering any event is found. The table has no update or
delete path here, and the database refuses both (migration `wage case trail rules`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from contracts import GENESIS, event_hash
from market.cases.tables import CaseEvent
from market.core import clock

__all__ = ["KINDS", "ChainState", "TrailEvent", "append", "check", "load"]

KINDS = frozenset({"filed", "joined", "assigned", "note", "letter", "reply", "payment", "state", "follow_up",
                   "reminded", "overdue", "escalated", "supervised"})
"""What can happen to a case; `state` is a change of status (details `from`, `to`, `reason`)."""


@dataclass(frozen=True)
class TrailEvent:
    """One link as stored: what happened, who did it (a user id; None for the platform), when, and the hashes."""

    case_id: int
    seq: int
    kind: str
    actor_id: int | None
    at: datetime
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def payload(self) -> dict[str, Any]:
        """The hashed content, times in UTC to the millisecond."""
        return {"case": self.case_id, "seq": self.seq, "kind": self.kind, "actor": self.actor_id,
                "at": _utc_text(self.at), "details": self.details}

    def record(self) -> dict[str, Any]:
        """The JSON stored for the link."""
        return {**self.payload(), "prev_hash": self.prev_hash, "hash": self.hash}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> TrailEvent:
        """Rebuild a link from its stored JSON."""
        return cls(case_id=int(record["case"]), seq=int(record["seq"]), kind=str(record["kind"]),
                   actor_id=record["actor"], at=datetime.fromisoformat(str(record["at"]).replace("Z", "+00:00")),
                   details=dict(record.get("details") or {}), prev_hash=record["prev_hash"], hash=record["hash"])


@dataclass(frozen=True)
class ChainState:
    """The result of checking a trail: intact, or the first bad link."""

    ok: bool
    broken_at: int | None = None


def _utc_text(value: datetime) -> str:
    moment = value.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


async def load(case_id: int) -> list[TrailEvent]:
    """The case's links in order."""
    rows = await CaseEvent.select(CaseEvent.record).where(CaseEvent.case == case_id).order_by(
        CaseEvent.seq).output(load_json=True)
    return [TrailEvent.from_record(row["record"]) for row in rows]


def check(events: list[TrailEvent]) -> ChainState:
    """Sequence numbers, links and hashes, first to last."""
    previous = GENESIS
    for index, event in enumerate(events):
        if event.seq != index or event.prev_hash != previous or event_hash(previous, event.payload()) != event.hash:
            return ChainState(False, index)
        previous = event.hash
    return ChainState(True)


async def append(case_id: int, kind: str, actor_id: int | None, details: dict[str, Any] | None = None,
                 *, at: datetime | None = None) -> TrailEvent:
    """Add one link (inside the caller's write transaction, with the case row locked on PostgreSQL)."""
    if kind not in KINDS:
        raise ValueError(f"{kind}: not a kind of case event")
    head = await CaseEvent.select(CaseEvent.seq, CaseEvent.record).where(CaseEvent.case == case_id).order_by(
        CaseEvent.seq, ascending=False).first().output(load_json=True)
    seq, previous = (head["seq"] + 1, head["record"]["hash"]) if head else (0, GENESIS)
    when = at or clock.now()
    moment = when.replace(microsecond=when.microsecond // 1000 * 1000)  # what the hash says, to the millisecond
    clean = {str(key): value for key, value in (details or {}).items()}
    draft = TrailEvent(case_id, seq, kind, actor_id, moment, clean, previous, "")
    event = TrailEvent(case_id, seq, kind, actor_id, moment, clean, previous, event_hash(previous, draft.payload()))
    await CaseEvent(case=case_id, seq=seq, kind=kind, actor=actor_id, at=moment, record=event.record()).save()
    return event
