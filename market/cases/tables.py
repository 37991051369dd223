"""Wage cases, their claimants (each complaint filed into a case) and the case's append-only, hash-chained trail."""

from enum import StrEnum

from piccolo.columns import JSON, Boolean, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.orders.tables import Order
from market.stations.tables import Station


class CaseStatus(StrEnum):
    """Where a case is in the loop (受理 → 交办 → 办理 → 办结 → 回访 → 归档); what came of it is `Outcome`."""

    received = "received"
    assigned = "assigned"
    handling = "handling"
    closed = "closed"
    follow_up = "follow_up"
    archived = "archived"


class Outcome(StrEnum):
    """What came of a closed case, kept apart from its state."""

    recovered_full = "recovered_full"
    recovered_partial = "recovered_partial"
    unfounded = "unfounded"
    referred = "referred"
    withdrawn = "withdrawn"


class WageCase(Table, tablename="wage_cases"):
    """One case file about one employer's wages for one pay period, with one or more claimants.

    `status`, `level`, `supervision` and `state_since` repeat what the trail says (the time of the last state
    change), so lists can filter without replaying it; deadlines are computed from them and the calendar when read.
    """

    id: Serial
    employer = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    period = Varchar(length=7, index=True)
    station = ForeignKey(Station, null=True, default=None, index=True, on_delete=OnDelete.restrict)
    owner = ForeignKey(User, null=True, default=None, index=True, on_delete=OnDelete.restrict)
    status = Varchar(length=10, choices=CaseStatus, default=CaseStatus.received, index=True)
    outcome = Varchar(length=20, default="")
    outcome_note = Varchar(length=500, default="")
    level = Varchar(length=10, default="station")
    supervision = Varchar(length=10, default="")
    source = Varchar(length=10, default="complaint")
    warning_id = Integer(null=True, default=None, index=True)
    opened_at = Timestamptz(default=TimestamptzNow())
    state_since = Timestamptz(default=TimestamptzNow())
    closed_at = Timestamptz(null=True, default=None)
    reopened = Boolean(default=False)


class Claimant(Table, tablename="wage_case_claimants"):
    """One complaint in a case: a worker's order, what they say is owed, what came back, and their follow-up."""

    id: Serial
    case = ForeignKey(WageCase, index=True, on_delete=OnDelete.restrict)
    order = ForeignKey(Order, index=True, on_delete=OnDelete.restrict)
    worker = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    kind = Varchar(length=10)
    amount_fen = Integer(default=0)
    recovered_fen = Integer(default=0)
    note = Text(default="")
    channel = Varchar(length=16)
    filed_by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    filed_at = Timestamptz(default=TimestamptzNow())
    follow_up_resolved = Boolean(null=True, default=None)
    follow_up_note = Varchar(length=500, default="")
    follow_up_by = Varchar(length=10, default="")
    follow_up_at = Timestamptz(null=True, default=None)


class CaseEvent(Table, tablename="wage_case_events"):
    """One link of a case's trail, stored as it was hashed. The database refuses to change or delete a row."""

    id: Serial
    case = ForeignKey(WageCase, index=True, on_delete=OnDelete.restrict)
    seq = Integer()
    kind = Varchar(length=20)
    actor = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    at = Timestamptz(default=TimestamptzNow())
    record = JSON()
