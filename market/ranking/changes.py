"""Recording changes matching sees, inside the writer's transaction (the same outbox pattern as notifications)."""

from __future__ import annotations

from market.core import clock
from market.ranking.tables import ChangeKind, MatchingChange

__all__ = ["local_writes", "record_change"]

_local_writes = 0


def local_writes() -> int:
    """How many changes this process has recorded: a poller that sees it move polls at once, not after 1 s."""
    return _local_writes


async def record_change(kind: ChangeKind | str, entity_id: int) -> None:
    """Note that `kind` `entity_id` changed; call inside the write transaction of the change itself."""
    global _local_writes
    await MatchingChange.insert(MatchingChange(kind=ChangeKind(kind), entity_id=entity_id, at=clock.now()))
    _local_writes += 1
