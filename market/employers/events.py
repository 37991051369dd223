"""What the employers package records: an employer barred from posting, or let post again."""

from __future__ import annotations

from dataclasses import dataclass

from market.core.events import DomainEvent

__all__ = ["EmployerBarred", "EmployerUnbarred"]


@dataclass(frozen=True)
class EmployerBarred(DomainEvent):
    """The employer may no longer post, and their open jobs leave the radar. `source` says who decided: `admin`
    (the back office, `actor_id` the admin) or `credit` (a grade D, issue 13; `actor_id` None)."""

    employer_id: int
    reason: str
    source: str
    actor_id: int | None = None


@dataclass(frozen=True)
class EmployerUnbarred(DomainEvent):
    """The employer may post again; their open jobs come back to the radar."""

    employer_id: int
    reason: str
    source: str
    actor_id: int | None = None
