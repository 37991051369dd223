"""Credit grade records: each employer's standing (what the rules last said, a supervisor's override, a D's
dates), notices of a coming fall with the employer's answer, and the append-only history of grade changes."""

from enum import StrEnum

from piccolo.columns import JSON, Boolean, Date, ForeignKey, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


class NoticeState(StrEnum):
    """Where a notice of a fall to C or D stands."""

    pending = "pending"
    applied = "applied"
    withdrawn = "withdrawn"
    overruled = "overruled"


class CreditStanding(Table, tablename="credit_standings"):
    """One per graded employer: the rules' last answer, a supervisor's override while it stands, and for a D the
    day it began (`barred_since`, set only when the grade barred them) and the day it may be lifted."""

    id: Serial

    employer = ForeignKey(User, unique=True, index=True, on_delete=OnDelete.restrict)
    computed_grade = Varchar(length=1, default="B")
    computed_reasons = JSON(default=[])
    computed_at = Timestamptz(default=TimestamptzNow())
    override_grade = Varchar(length=1, null=True, default=None)
    override_reason = Text(default="")
    override_by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    override_at = Timestamptz(null=True, default=None)
    barred_by_credit = Boolean(default=False)
    barred_since = Timestamptz(null=True, default=None)
    lift_on = Date(null=True, default=None)


class CreditNotice(Table, tablename="credit_notices"):
    """Notice to an employer that their grade will fall to `to_grade` on `due_at` unless a supervisor decides
    otherwise; `open_slot` is the employer's id while pending (unique: one pending notice each), NULL after."""

    id: Serial

    employer = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    open_slot = Varchar(length=20, null=True, default=None, unique=True)
    from_grade = Varchar(length=1)
    to_grade = Varchar(length=1)
    reasons = JSON(default=[])
    noticed_at = Timestamptz()
    due_at = Timestamptz(index=True)
    response = Text(default="")
    responded_at = Timestamptz(null=True, default=None)
    state = Varchar(length=10, choices=NoticeState, default=NoticeState.pending, index=True)
    settled_at = Timestamptz(null=True, default=None)


class CreditGradeChange(Table, tablename="credit_grade_changes"):
    """The history of an employer's grade, append-only: from what to what, why, when, and by whom (NULL: the
    rules; a supervisor's id: their review, with its written reason in `note`)."""

    id: Serial

    employer = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    from_grade = Varchar(length=1)
    grade = Varchar(length=1)
    reasons = JSON(default=[])
    note = Text(default="")
    by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    at = Timestamptz()
