"""The API shapes of ratings, objections and the reputation aggregates."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from market.core.schemas import Schema, SchemaIn
from market.core.text import LINE_PATTERN, LINES_PATTERN

__all__ = ["EmployerReputation", "OrderRatings", "RatingAboutMe", "RatingCreate", "RatingObjectionCreate",
           "RatingObjectionDecision", "RatingObjectionRecord", "RatingRecord", "ReputationCounts", "WorkerReputation"]

Tag = Annotated[str, msgspec.Meta(max_length=10, pattern=LINE_PATTERN)]


class RatingCreate(SchemaIn):
    """A rating of the other party of a completed order: 1–5 stars, tags from one's side's list, an optional note."""

    stars: Annotated[int, msgspec.Meta(ge=1, le=5)]
    tags: Annotated[list[Tag], msgspec.Meta(max_length=5)] = []
    note: Annotated[str, msgspec.Meta(max_length=200, pattern=LINES_PATTERN)] = ""


class RatingRecord(Schema):
    """A rating as its giver sees it; `changeable_until` is when it becomes fixed."""

    id: int
    order_id: int
    rater_side: str
    stars: int
    tags: list[str]
    note: str
    given_at: datetime
    changed_at: datetime | None
    changeable_until: datetime
    removed: bool


class RatingObjectionRecord(Schema):
    """An objection to a rating and staff's decision on it (`upheld` None while pending)."""

    id: int
    rating_id: int
    order_id: int
    reason: str
    objected_at: datetime
    decided_at: datetime | None
    upheld: bool | None
    decision_note: str
    stars: int | None = None
    """The rating objected to (for staff)."""
    tags: list[str] | None = None
    note: str | None = None
    rater_side: str | None = None
    """Who gave the rating (for staff): `worker` (about the employer) or `employer` (about the worker)."""
    job_title: str | None = None
    starts_at: datetime | None = None
    """When the order's work began."""
    worker_name: str | None = None
    employer_name: str | None = None


class RatingAboutMe(Schema):
    """The other party's rating of the caller on this order: its stars and tags show once the caller has rated too
    or their own rating window closed (neither side can answer a rating in kind)."""

    given: bool
    stars: int | None = None
    tags: list[str] | None = None
    objection: RatingObjectionRecord | None = None


class OrderRatings(Schema):
    """What the caller may do about ratings on one order: rate (until `rate_until`), change, or object."""

    side: str
    tags: list[str]
    """The tags the caller's side may give."""
    can_rate: bool
    rate_until: datetime | None
    mine: RatingRecord | None
    about_me: RatingAboutMe


class RatingObjectionCreate(SchemaIn):
    """Why the rating about the caller is unfair (required)."""

    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=LINES_PATTERN)]


class RatingObjectionDecision(SchemaIn):
    """Staff's decision: `upheld` removes the rating from the aggregates; the note says why (required)."""

    upheld: bool
    note: Annotated[str, msgspec.Meta(max_length=200, pattern=LINES_PATTERN)] = ""
    """Why; blank is refused (400 on `note`), so every decision can be explained."""


class ReputationCounts(Schema):
    """What happened in the window."""

    completed: int
    no_shows: int
    """No-shows that stand (not objected to, or the objection rejected by staff)."""
    late_cancels: int
    ratings: int


class WorkerReputation(Schema):
    """A worker's figures over `window_days`: counts, reliability (neutral when `new`), average stars and top tags
    (None below `min_ratings`)."""

    worker_id: int
    window_days: int
    counts: ReputationCounts
    reliability: float
    average_stars: float | None
    top_tags: list[str] | None
    new: bool
    min_ratings: int


class EmployerReputation(Schema):
    """An employer's figures over `window_days`: ratings from workers, pay on time or late, late cancels."""

    employer_id: int
    window_days: int
    counts: ReputationCounts
    paid_on_time: int
    paid_late: int
    unpaid_overdue: int
    """Completed orders past their pay-by time with no payment recorded."""
    average_stars: float | None
    top_tags: list[str] | None
    new: bool
    min_ratings: int
