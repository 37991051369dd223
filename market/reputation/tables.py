"""Ratings the two parties of a completed order give each other, and the objections to them that staff decide."""

from enum import StrEnum

from piccolo.columns import JSON, Boolean, ForeignKey, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.orders.tables import Order


class Side(StrEnum):
    """Which party of the order gave the rating."""

    worker = "worker"
    employer = "employer"


class Rating(Table, tablename="ratings"):
    """One party's rating of the other on one order (1–5 stars, tags from its side's vocabulary, a note).

    `slot` is `"<order>:<rater side>"`, unique: each party rates once per order (a change rewrites the row within
    the change window). `removed` once staff upheld the rated party's objection: it counts in no aggregate.
    """

    id: Serial

    order = ForeignKey(Order, index=True, on_delete=OnDelete.restrict)
    slot = Varchar(length=30, unique=True)
    rater = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    rated = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    rater_side = Varchar(length=10, choices=Side)
    stars = Integer()
    tags = JSON(default="[]")
    note = Varchar(length=200, default="")
    given_at = Timestamptz(default=TimestamptzNow(), index=True)
    changed_at = Timestamptz(null=True, default=None)
    removed = Boolean(default=False)


class RatingObjection(Table, tablename="rating_objections"):
    """The rated party's objection to a rating, for staff to decide: upheld removes the rating from aggregates."""

    id: Serial

    rating = ForeignKey(Rating, unique=True, on_delete=OnDelete.restrict)
    objected_by = ForeignKey(User, on_delete=OnDelete.restrict)
    reason = Varchar(length=200)
    objected_at = Timestamptz(default=TimestamptzNow(), index=True)
    decided_at = Timestamptz(null=True, default=None)
    decided_by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    upheld = Boolean(null=True, default=None)
    decision_note = Varchar(length=200, default="")
