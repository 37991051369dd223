"""The pay-by watch's records: warnings with their orders and level history, and the calendar's corrections."""

from enum import StrEnum

from piccolo.columns import Boolean, Date, ForeignKey, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.orders.tables import Order
from market.stations.tables import Station


class Level(StrEnum):
    """A warning's level, lowest first (蓝/黄/红)."""

    blue = "blue"
    yellow = "yellow"
    red = "red"


class WorkdayOverride(Table, tablename="workday_overrides"):
    """A correction to the official calendar kept by the back office: `day` is (or is not) a working day."""

    id: Serial

    day = Date(unique=True)
    is_working_day = Boolean()
    note = Varchar(length=200, default="")
    changed_by = ForeignKey(User, on_delete=OnDelete.restrict)
    changed_at = Timestamptz(default=TimestamptzNow())


class WageWarning(Table, tablename="wage_warnings"):
    """Wages one employer owes at sites one station serves, past their pay-by time: open until every order in it
    is paid and confirmed (or otherwise settled).

    `open_slot` is `"<employer>:<station>"` while open and NULL once closed: a unique column, so two scans at once
    can never open two warnings for the same employer and station. `amount_fen` and `worker_count` are what the
    unsettled orders come to, refreshed by each scan.
    """

    id: Serial

    employer = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    station = ForeignKey(Station, null=True, default=None, index=True, on_delete=OnDelete.restrict)
    open_slot = Varchar(length=40, null=True, default=None, unique=True)
    level = Varchar(length=8, choices=Level)
    severity = Integer(default=1, index=True)
    """1 blue, 2 yellow, 3 red: the board sorts by it."""
    reason = Varchar(length=30, default="")
    amount_fen = Integer(default=0)
    worker_count = Integer(default=0)
    oldest_due_at = Timestamptz()
    opened_at = Timestamptz(default=TimestamptzNow())
    closed_at = Timestamptz(null=True, default=None, index=True)
    closed_how = Varchar(length=20, default="")


class WageWarningOrder(Table, tablename="wage_warning_orders"):
    """One order a warning covers: what is owed on it, whether the worker said 没收到, and when it was settled."""

    id: Serial

    warning = ForeignKey(WageWarning, index=True, on_delete=OnDelete.restrict)
    order = ForeignKey(Order, index=True, on_delete=OnDelete.restrict)
    worker = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    owed_fen = Integer()
    pay_due_at = Timestamptz()
    disputed_at = Timestamptz(null=True, default=None)
    claimed_fen = Integer(null=True, default=None)
    added_at = Timestamptz(default=TimestamptzNow())
    settled_at = Timestamptz(null=True, default=None)
    settled_how = Varchar(length=20, default="")


class WageWarningLevel(Table, tablename="wage_warning_levels"):
    """The level history of a warning, append-only: each level it reached, why, and when."""

    id: Serial

    warning = ForeignKey(WageWarning, index=True, on_delete=OnDelete.restrict)
    level = Varchar(length=8, choices=Level)
    reason = Varchar(length=30)
    at = Timestamptz()
