"""What the ratings record: a rating given or changed, an objection to it, and staff's decision on the objection."""

from __future__ import annotations

from dataclasses import dataclass

from market.core.events import DomainEvent

__all__ = ["RatingGiven", "RatingObjected", "RatingObjectionDecided"]


@dataclass(frozen=True)
class RatingGiven(DomainEvent):
    """`rater_id` (the order's `rater_side`) rated `rated_id` `stars` on `order_id`; `changed` when it rewrote their
    earlier rating within the change window. The worker's figures (matching) change with it."""

    rating_id: int
    order_id: int
    rater_id: int
    rated_id: int
    rater_side: str
    worker_id: int
    employer_id: int
    stars: int
    changed: bool = False


@dataclass(frozen=True)
class RatingObjected(DomainEvent):
    """The rated party objected to a rating; staff decide (the staff of the station nearest the `site` hear of it)."""

    objection_id: int
    rating_id: int
    order_id: int
    rated_id: int
    title: str = ""
    """The job's title, for the notice."""
    stars: int = 0
    site: tuple[float, float] | None = None
    """The job's place (lat, lon)."""


@dataclass(frozen=True)
class RatingObjectionDecided(DomainEvent):
    """Staff decided an objection: `upheld` removes the rating from every aggregate."""

    objection_id: int
    rating_id: int
    order_id: int
    rated_id: int
    worker_id: int
    upheld: bool
