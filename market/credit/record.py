"""Gathering one employer's 12-month record for the rules from the orders, wage warnings, cases and ratings."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from market.cases.tables import CaseStatus, Claimant, WageCase
from market.credit.rules import UPHELD_OUTCOMES, CaseFact, Deal, EmployerRecord, Thresholds, WarningFact
from market.orders.tables import Order, OrderStatus
from market.reputation.tables import Rating
from market.settings import get_settings
from market.wages.tables import WageWarning, WageWarningLevel, WageWarningOrder

__all__ = ["gather_record", "thresholds", "workers_ratings_from_reputation"]

_DONE = [OrderStatus.completed, OrderStatus.paid, OrderStatus.confirmed]
_CLOSED = [CaseStatus.closed, CaseStatus.follow_up, CaseStatus.archived]
_LEVELS = {"yellow": 2, "red": 3}


def thresholds() -> Thresholds:
    """The rules' settings."""
    settings = get_settings()
    return Thresholds(min_deals=settings.credit_min_deals, min_ratings=settings.credit_min_ratings)


async def workers_ratings_from_reputation(employer_id: int, since: datetime) -> tuple[float | None, int]:
    """The workers' average rating of the employer since `since` and how many there are ((None, 0): none).

    Ratings staff removed on an upheld objection do not count (`market.reputation`, docs/reputation.md)."""
    rows = await Rating.select(Rating.stars).where(
        (Rating.rated == employer_id) & (Rating.rater_side == "worker") & (Rating.removed == False)  # noqa: E712
        & (Rating.given_at >= since))
    stars = [int(row["stars"]) for row in rows]
    return (sum(stars) / len(stars) if stars else None), len(stars)


async def _deals(employer_id: int, since: datetime) -> tuple[Deal, ...]:
    rows = await Order.select(Order.id, Order.pay_due_at, Order.paid_at).where(
        (Order.job.employer == employer_id) & Order.status.is_in(_DONE) & (Order.ends_at >= since)  # type: ignore[attr-defined]
    ).order_by(Order.id)
    return tuple(Deal(row["id"], row["pay_due_at"], row["paid_at"]) for row in rows)


async def _warnings(employer_id: int, since: datetime) -> tuple[WarningFact, ...]:
    warnings = await WageWarning.select(WageWarning.id).where(
        (WageWarning.employer == employer_id) & (WageWarning.opened_at >= since)).order_by(WageWarning.id)
    ids = [row["id"] for row in warnings]
    if not ids:
        return ()
    reached: dict[int, str] = {}
    for row in await WageWarningLevel.select(WageWarningLevel.warning, WageWarningLevel.level).where(
            WageWarningLevel.warning.is_in(ids)):
        if _LEVELS.get(row["level"], 0) > _LEVELS.get(reached.get(row["warning"], ""), 0):
            reached[row["warning"]] = row["level"]
    orders: dict[int, list[int]] = defaultdict(list)
    for row in await WageWarningOrder.select(WageWarningOrder.warning, WageWarningOrder.order).where(
            WageWarningOrder.warning.is_in(ids)).order_by(WageWarningOrder.order):
        orders[row["warning"]].append(row["order"])
    return tuple(WarningFact(i, reached[i], tuple(orders[i])) for i in ids if i in reached)


async def _upheld_cases(employer_id: int, since: datetime) -> tuple[CaseFact, ...]:
    cases = await WageCase.select(WageCase.id, WageCase.outcome, WageCase.warning_id).where(
        (WageCase.employer == employer_id) & WageCase.status.is_in(_CLOSED)
        & WageCase.outcome.is_in(list(UPHELD_OUTCOMES)) & (WageCase.closed_at >= since)).order_by(WageCase.id)
    if not cases:
        return ()
    orders: dict[int, list[int]] = defaultdict(list)
    for row in await Claimant.select(Claimant.case, Claimant.order).where(
            Claimant.case.is_in([c["id"] for c in cases])).order_by(Claimant.order):
        orders[row["case"]].append(row["order"])
    return tuple(CaseFact(c["id"], c["outcome"], tuple(orders[c["id"]]), c["warning_id"]) for c in cases)


async def _late_cancels(employer_id: int, since: datetime) -> tuple[int, ...]:
    rows = await Order.select(Order.id).where(
        (Order.job.employer == employer_id) & Order.cancel_late.eq(True)  # type: ignore[attr-defined]
        & (Order.cancelled_by_role == "employer") & (Order.cancelled_at >= since)).order_by(Order.id)
    return tuple(row["id"] for row in rows)


async def gather_record(employer_id: int, now: datetime) -> EmployerRecord:
    """The employer's record over the window ending `now` (`credit_window_days`)."""
    since = now - timedelta(days=get_settings().credit_window_days)
    average, count = await workers_ratings_from_reputation(employer_id, since)
    return EmployerRecord(as_of=now, deals=await _deals(employer_id, since),
                          warnings=await _warnings(employer_id, since),
                          upheld_cases=await _upheld_cases(employer_id, since),
                          late_cancels=await _late_cancels(employer_id, since),
                          rating_average=average, rating_count=count)
