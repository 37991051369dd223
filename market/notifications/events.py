"""What the notifications package records itself: deliveries queued for the dispatcher."""

from __future__ import annotations

from dataclasses import dataclass

from market.core.events import DomainEvent

__all__ = ["DeliveriesQueued"]


@dataclass(frozen=True)
class DeliveriesQueued(DomainEvent):
    """Outside deliveries (SMS, webhook) wait in the outbox; the background layer nudges the dispatcher."""

    count: int
