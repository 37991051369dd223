"""The admin log: every back-office act appended to one hash chain, read by admins and the bureau's supervisors.

Each link hashes the previous link's hash with the canonical JSON of `{seq, kind, actor, subject, at, details}`
(`contracts.event_hash`, as the case trail does), so changing, removing or reordering an entry is found. There is no
update or delete path here, and the database refuses both (migration `admin log rules`). Secrets (a temporary
password) are never among the details: callers pass only what may be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from piccolo.engine.postgres import PostgresEngine

from contracts import GENESIS, event_hash
from market.backoffice.tables import AdminLogEntry
from market.core import clock
from market.core.database import current_engine

__all__ = ["KINDS", "ChainCheck", "LogFilter", "append", "check_chain", "read"]

KINDS = frozenset({
    "station_created", "station_changed", "station_closed", "station_reopened",
    "staff_created", "staff_assigned", "password_reset",
    "user_deactivated", "user_reactivated",
    "employer_barred", "employer_unbarred",
    "trade_added", "synonym_added",
    "course_created", "course_changed",
})
"""What an admin can do that the log keeps."""

_LOCK_KEY = 7_141_400  # PostgreSQL advisory lock: one appender at a time (SQLite's writer lock does it there)


@dataclass(frozen=True)
class LogFilter:
    """Which entries to read: of one `kind`, by one `actor`, from/to a moment (inclusive/exclusive)."""

    kind: str | None = None
    actor_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class ChainCheck:
    """The chain intact, or the first sequence number whose link is wrong."""

    ok: bool
    broken_at: int | None = None


def _utc_text(value: datetime) -> str:
    moment = value.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _payload(record: dict[str, Any]) -> dict[str, Any]:
    return {key: record[key] for key in ("seq", "kind", "actor", "subject", "at", "details")}


async def append(kind: str, actor_id: int | None, subject: tuple[str, int | None],
                 details: dict[str, Any] | None = None) -> int:
    """Add one entry (inside the act's own write transaction, so an act that rolls back leaves none); its seq."""
    if kind not in KINDS:
        raise ValueError(f"{kind}: not a kind of admin act")
    if isinstance(current_engine(), PostgresEngine):
        await AdminLogEntry.raw("SELECT pg_advisory_xact_lock({})", _LOCK_KEY)
    head = await AdminLogEntry.select(AdminLogEntry.seq, AdminLogEntry.record).order_by(
        AdminLogEntry.seq, ascending=False).first().output(load_json=True)
    seq, previous = (head["seq"] + 1, head["record"]["hash"]) if head else (0, GENESIS)
    now = clock.now()
    moment = now.replace(microsecond=now.microsecond // 1000 * 1000)
    record = {"seq": seq, "kind": kind, "actor": actor_id, "subject": {"kind": subject[0], "id": subject[1]},
              "at": _utc_text(moment), "details": {str(k): v for k, v in (details or {}).items()}}
    record |= {"prev_hash": previous, "hash": event_hash(previous, _payload(record))}
    await AdminLogEntry(seq=seq, kind=kind, actor=actor_id, subject_kind=subject[0], subject_id=subject[1],
                        at=moment, record=record).save()
    return seq


def _condition(wanted: LogFilter) -> Any:
    condition: Any = AdminLogEntry.seq >= 0
    if wanted.kind:
        condition &= AdminLogEntry.kind == wanted.kind
    if wanted.actor_id is not None:
        condition &= AdminLogEntry.actor == wanted.actor_id
    if wanted.since is not None:
        condition &= AdminLogEntry.at >= wanted.since
    if wanted.until is not None:
        condition &= AdminLogEntry.at < wanted.until
    return condition


async def read(wanted: LogFilter, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Entries newest first, with the actor's name, and how many match in all."""
    condition = _condition(wanted)
    rows = await AdminLogEntry.select(
        AdminLogEntry.record, AdminLogEntry.actor.name.as_alias("actor_name"),  # type: ignore[union-attr]
    ).where(condition).order_by(AdminLogEntry.seq, ascending=False).limit(limit).offset(offset).output(
        load_json=True)
    return rows, await AdminLogEntry.count().where(condition)


async def check_chain() -> ChainCheck:
    """Sequence numbers, links and hashes of the whole log, first to last."""
    rows = await AdminLogEntry.select(AdminLogEntry.record).order_by(AdminLogEntry.seq).output(load_json=True)
    previous = GENESIS
    for index, row in enumerate(rows):
        record = row["record"]
        if record["seq"] != index or record["prev_hash"] != previous or event_hash(
                previous, _payload(record)) != record["hash"]:
            return ChainCheck(False, index)
        previous = record["hash"]
    return ChainCheck(True)
