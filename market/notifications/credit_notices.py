"""Who hears about credit grades: the employer gets notice of a coming fall (with the date it takes effect and
that they may answer in writing) and word of every change; supervisors hear of a fall to D (失信)."""

from __future__ import annotations

from market.core.events import Phase, Subscriptions
from market.credit.events import CreditFallNoticed, CreditGradeChanged
from market.notifications.outbox import announce
from market.notifications.wage_notices import supervisors

__all__ = ["CREDIT_NOTICES", "subscribe"]

CREDIT_NOTICES = ("credit_fall_notice", "credit_grade_changed")
"""The notices of this module."""


async def _fall_noticed(event: CreditFallNoticed) -> None:
    await announce("credit_fall_notice", [event.employer_id],
                   {"grade": event.to_grade, "from_grade": event.from_grade, "due_at": event.due_at,
                    "link": "#/grade"}, key=str(event.notice_id))
    if event.to_grade == "D":
        await announce("credit_fall_notice", await supervisors(),
                       {"grade": event.to_grade, "from_grade": event.from_grade, "due_at": event.due_at,
                        "link": f"#/sv/grade/{event.employer_id}"}, key=str(event.notice_id))


async def _grade_changed(event: CreditGradeChanged) -> None:
    told = [event.employer_id] + (await supervisors() if "D" in (event.grade, event.from_grade) else [])
    await announce("credit_grade_changed", told, {"grade": event.grade, "from_grade": event.from_grade,
                                                  "link": "#/grade"},
                   key=str(event.change_id))


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the credit notices (in the writer's transaction)."""
    subscriptions.subscribe(CreditFallNoticed, _fall_noticed, phase=Phase.in_transaction,
                            name="outbox.credit_fall_noticed")
    subscriptions.subscribe(CreditGradeChanged, _grade_changed, phase=Phase.in_transaction,
                            name="outbox.credit_grade_changed")
