"""The jobs table: postings with place, time, headcount, filled count and pay."""

from enum import StrEnum

from piccolo.columns import JSON, DoublePrecision, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


class JobStatus(StrEnum):
    """A job is open until its employer cancels it; `held` while its employer is graded D (失信), open again when
    the grade is lifted (market.jobs.holding)."""

    open = "open"
    cancelled = "cancelled"
    held = "held"


class PayUnit(StrEnum):
    """What the pay amount is per."""

    hour = "hour"
    day = "day"
    piece = "piece"


class Job(Table, tablename="jobs"):
    """A posting; `filled` counts its live orders and never exceeds `headcount`.

    The database enforces `0 <= filled <= headcount` too (migration `jobs_capacity_rule`).
    """

    id: Serial

    employer = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    posted_by = ForeignKey(User, on_delete=OnDelete.restrict)
    title = Varchar(length=60)
    description = Text(default="")
    skills = JSON(default=[])
    address = Varchar(length=200)
    lat = DoublePrecision(index=True)
    lon = DoublePrecision()
    starts_at = Timestamptz(index=True)
    ends_at = Timestamptz()
    headcount = Integer()
    filled = Integer(default=0)
    pay_amount_fen = Integer()
    pay_unit = Varchar(length=5, choices=PayUnit)
    pay_due_hours = Integer(default=24)
    status = Varchar(length=10, choices=JobStatus, default=JobStatus.open, index=True)
    created_at = Timestamptz(default=TimestamptzNow())
    cancelled_at = Timestamptz(null=True, default=None)
