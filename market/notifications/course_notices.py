"""Who hears of a course suggestion: the worker, in their inbox, in the sending pass's transaction (outbox)."""

from __future__ import annotations

from market.core.events import Phase, Subscriptions
from market.courses.events import CourseSuggested
from market.notifications.outbox import announce

__all__ = ["COURSE_NOTICES", "subscribe"]

COURSE_NOTICES = ("course_suggestion",)
"""The notices of this module."""


async def _suggested(event: CourseSuggested) -> None:
    payload = {"suggestion_id": event.suggestion_id, "course_id": event.course_id, "trade_zh": event.trade_zh,
               "trade_en": event.trade_en, "ratio": f"{event.ratio:.1f}", "title": event.title,
               "provider": event.provider, "starts_on": event.starts_on.isoformat(), "address": event.address,
               "amount_fen": event.subsidy_fen}
    await announce("course_suggestion", [event.worker_id], payload, key=str(event.suggestion_id), sms=False)


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the course suggestion's notice (in the writer's transaction)."""
    subscriptions.subscribe(CourseSuggested, _suggested, phase=Phase.in_transaction, name="outbox.course_suggestion")
