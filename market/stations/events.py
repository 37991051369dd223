"""What the stations' side of the market records: a consent code texted to a walk-in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from market.core.events import DomainEvent

__all__ = ["ConsentCodeIssued"]


@dataclass(frozen=True)
class ConsentCodeIssued(DomainEvent):
    """A one-time code was made for a worker; `notice` names the text that carries it (sealed) to their phone."""

    worker_id: int
    code_id: int
    notice: str
    payload: dict[str, Any]
