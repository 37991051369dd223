"""The courses package's records: courses listed by stations and admins, each trade's 求人倍率 week by week (what
"short for several weeks" is computed from), the suggestions sent to workers, and the workers who opted out."""

from enum import StrEnum

from piccolo.columns import (
    Boolean,
    Date,
    DoublePrecision,
    ForeignKey,
    Integer,
    Serial,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.stations.tables import Station

__all__ = ["Course", "CourseSuggestion", "SuggestionOptOut", "SuggestionState", "TradeWeek"]


class SuggestionState(StrEnum):
    """Where one suggestion stands."""

    waiting = "waiting"
    """Planned; the sending pass sends it at `next_attempt_at` (retried with back-off after a failure)."""
    sent = "sent"
    skipped = "skipped"
    """Not sent: `skip_reason` says why (opted out, another suggestion in the window, course gone, failed)."""


class Course(Table, tablename="courses"):
    """A training course (培训课程) for one trade: who gives it, when, where, the subsidy and the seats. Listed under
    a station (its staff edit it) or by an admin with no station."""

    id: Serial
    trade = Varchar(length=40, index=True)
    """The trade code (`matching` taxonomy) the course trains for."""
    name = Varchar(length=100)
    provider = Varchar(length=100)
    starts_on = Date()
    ends_on = Date()
    address = Varchar(length=200)
    lat = DoublePrecision()
    lon = DoublePrecision()
    subsidy_fen = Integer(default=0)
    """What the bureau pays towards the course per trainee (职业技能培训补贴), in fen."""
    seats = Integer(default=0)
    phone = Varchar(length=20, default="")
    station = ForeignKey(Station, null=True, default=None, index=True, on_delete=OnDelete.restrict)
    created_by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.set_null)
    cancelled = Boolean(default=False)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class TradeWeek(Table, tablename="course_trade_weeks"):
    """One trade's 求人倍率 in one district for one market week (Monday to Sunday), recorded once the week has
    ended: places on jobs starting that week over the workers holding the trade within reach when it was recorded.
    `slot` is `"<monday>:<trade>:<district>"`, unique: a week is recorded once."""

    id: Serial
    week = Date(index=True)
    """The week's Monday (market zone)."""
    trade = Varchar(length=40)
    district = Varchar(length=50, default="")
    slot = Varchar(length=120, unique=True)
    places_wanted = Integer(default=0)
    workers = Integer(default=0)
    ratio = DoublePrecision(null=True, default=None)
    """Places per worker; None when too few workers hold the trade there to say (`market.stats.counting`)."""
    recorded_at = Timestamptz(default=TimestamptzNow())


class CourseSuggestion(Table, tablename="course_suggestions"):
    """A course suggested to one worker, with the figure behind it (the short trade's latest week)."""

    id: Serial
    worker = ForeignKey(User, index=True, on_delete=OnDelete.cascade)
    course = ForeignKey(Course, index=True, on_delete=OnDelete.cascade)
    trade = Varchar(length=40)
    district = Varchar(length=50, default="")
    reason = Varchar(length=12)
    """`adjacent` (the worker holds a trade next to it) or `certificate` (holds it without the certificate)."""
    from_trade = Varchar(length=40, default="")
    """The trade the worker holds that makes them one step away."""
    ratio = DoublePrecision()
    places_wanted = Integer(default=0)
    workers = Integer(default=0)
    week = Date()
    distance_km = DoublePrecision(default=0.0)
    state = Varchar(length=8, choices=SuggestionState, default=SuggestionState.waiting, index=True)
    next_attempt_at = Timestamptz(index=True)
    attempts = Integer(default=0)
    last_error = Text(default="")
    skip_reason = Varchar(length=16, default="")
    created_at = Timestamptz(default=TimestamptzNow(), index=True)
    sent_at = Timestamptz(null=True, default=None)


class SuggestionOptOut(Table, tablename="course_suggestion_opt_outs"):
    """A worker who said no to course suggestions (without a row, suggestions are on: opt-out)."""

    id: Serial
    worker = ForeignKey(User, unique=True, index=True, on_delete=OnDelete.cascade)
    at = Timestamptz(default=TimestamptzNow())
