"""What the back office records for others to hear: the trades taxonomy grew."""

from __future__ import annotations

from dataclasses import dataclass

from market.core.events import DomainEvent

__all__ = ["TradeAdded"]


@dataclass(frozen=True)
class TradeAdded(DomainEvent):
    """An admin added a synonym to a trade, or a new trade (`kind`), to the taxonomy the matcher uses."""

    addition_id: int
    kind: str
    code: str
    name: str
