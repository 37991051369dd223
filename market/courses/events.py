"""What the courses package records: a course listed or changed (the back office logs an admin's), and a course
suggested to a worker (the notifications turn it into an inbox message)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from market.core.events import DomainEvent

__all__ = ["CourseSaved", "CourseSuggested"]


@dataclass(frozen=True)
class CourseSaved(DomainEvent):
    """A course was listed (`created`) or changed (`changed`, naming the `fields`) by `actor_id` in `actor_role`."""

    course_id: int
    actor_id: int
    actor_role: str
    kind: str
    title: str
    station_id: int | None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class CourseSuggested(DomainEvent):
    """A course is suggested to a worker now, with the number behind it."""

    suggestion_id: int
    worker_id: int
    course_id: int
    trade_zh: str
    trade_en: str
    ratio: float
    title: str
    provider: str
    starts_on: date
    address: str
    subsidy_fen: int
