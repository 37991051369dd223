"""Regrade the employer when something the rules read lands: a deal done or paid, a late cancel, a wage warning
raised or closed, a case closed or reopened, a worker's rating (after the writer's commit: a failure there never
undoes the act, and the nightly pass finds what is left)."""

from __future__ import annotations

from market.cases.events import CaseClosed, CaseReopened
from market.core.events import DomainEvent, Phase, Subscriptions
from market.credit.grading import regrade
from market.orders.events import OrderCancelled, OrderCompleted, PaymentConfirmed, PaymentMarked
from market.reputation.events import RatingGiven
from market.wages.events import WarningClosed, WarningRaised

__all__ = ["subscribe"]


async def _regrade(event: DomainEvent) -> None:
    await regrade(int(getattr(event, "employer_id")))  # noqa: B009 - every event listed below names its employer


async def _cancelled(event: OrderCancelled) -> None:
    if event.late and event.side == "employer":
        await regrade(event.employer_id)


async def _rated(event: RatingGiven) -> None:
    if event.rater_side == "worker":  # a worker's rating of the employer is one of the grade's figures
        await regrade(event.employer_id)


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the grade's subscribers."""
    for event_type in (OrderCompleted, PaymentMarked, PaymentConfirmed, WarningRaised, WarningClosed, CaseClosed,
                       CaseReopened):
        subscriptions.subscribe(event_type, _regrade, phase=Phase.after_commit, name="credit.regrade")
    subscriptions.subscribe(OrderCancelled, _cancelled, phase=Phase.after_commit, name="credit.regrade_on_cancel")
    subscriptions.subscribe(RatingGiven, _rated, phase=Phase.after_commit, name="credit.regrade_on_rating")
