"""What the credit package records: a coming fall noticed to the employer, and a grade that changed."""

from __future__ import annotations

from dataclasses import dataclass

from market.core.events import DomainEvent

__all__ = ["CreditFallNoticed", "CreditGradeChanged"]


@dataclass(frozen=True)
class CreditFallNoticed(DomainEvent):
    """The rules would lower the employer to `to_grade` (C or D): notice is given, the fall waits until `due_at`
    (ISO form) for the employer's answer and a supervisor's review."""

    notice_id: int
    employer_id: int
    from_grade: str
    to_grade: str
    due_at: str


@dataclass(frozen=True)
class CreditGradeChanged(DomainEvent):
    """The employer's grade is now `grade` (was `from_grade`); `by_id` is the supervisor who set it, or None."""

    change_id: int
    employer_id: int
    from_grade: str
    grade: str
    by_id: int | None = None
