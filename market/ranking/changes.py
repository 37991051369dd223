"""Recording changes matching sees, inside the writer's transaction (the same outbox pattern as notifications)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from piccolo.query.functions.aggregate import Max

from market.core import clock
from market.core.database import after_commit
from market.ranking.tables import ChangeKind, MatchingChange

__all__ = ["RETAIN", "latest_seq", "local_writes", "prune_changes", "record_change", "record_changes"]

RETAIN = timedelta(hours=1)
"""Change rows are kept this long; a process that has not polled for half of it rebuilds instead (state.py)."""

_local_writes = 0


def local_writes() -> int:
    """How many changes this process has recorded: a poller that sees it move polls at once, not after 1 s."""
    return _local_writes


def _wrote() -> None:
    global _local_writes
    _local_writes += 1


async def record_change(kind: ChangeKind | str, entity_id: int) -> None:
    """Note that `kind` `entity_id` changed; call inside the write transaction of the change itself."""
    await MatchingChange.insert(MatchingChange(kind=ChangeKind(kind), entity_id=entity_id, at=clock.now()))
    _wrote()
    after_commit(_wrote)  # again once committed: a poll between the insert and the commit could not see the row


async def record_changes(kind: ChangeKind | str, entity_ids: Iterable[int]) -> None:
    """`record_change` for many entities of one kind in one statement (bulk writes)."""
    now, kind = clock.now(), ChangeKind(kind)
    rows = [MatchingChange(kind=kind, entity_id=entity_id, at=now) for entity_id in entity_ids]
    if rows:
        await MatchingChange.insert(*rows)
        _wrote()
        after_commit(_wrote)


async def latest_seq() -> int:
    """The newest change's sequence number (0 when there is none)."""
    row = await MatchingChange.select(Max(MatchingChange.seq, alias="top")).first()
    return int(row["top"] or 0) if row else 0


async def prune_changes() -> int:
    """Delete the change rows older than `RETAIN`; how many went. The newest row always stays: SQLite numbers a new
    row after the highest one left, and a number going back would hide changes from every process's watermark."""
    newest = await latest_seq()
    gone = await MatchingChange.delete().where(
        (MatchingChange.at < clock.now() - RETAIN) & (MatchingChange.seq < newest)).returning(MatchingChange.seq)
    return len(gone)
