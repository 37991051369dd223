"""The pay-by watch hears the workers: 没收到 turns a warning yellow at once, a confirmed payment settles the order."""

from __future__ import annotations

from market.core.events import Phase, Subscriptions
from market.orders.events import PaymentConfirmed, PaymentDisputed
from market.wages.watch import note_dispute, settle_orders

__all__ = ["subscribe"]

DISPUTED_KINDS = frozenset({"unpaid", "underpaid"})


async def _disputed(event: PaymentDisputed) -> None:
    if event.kind in DISPUTED_KINDS:
        await note_dispute(event.order_id, event.amount_fen)


async def _confirmed(event: PaymentConfirmed) -> None:
    await settle_orders([event.order_id], "confirmed")


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the watch's subscribers (in the writer's transaction: the warning changes with the order)."""
    subscriptions.subscribe(PaymentDisputed, _disputed, phase=Phase.in_transaction, name="wages.dispute")
    subscriptions.subscribe(PaymentConfirmed, _confirmed, phase=Phase.in_transaction, name="wages.confirmed")
