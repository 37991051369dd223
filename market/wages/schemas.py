"""The API shapes of the warning board and the working-day corrections."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import msgspec

from market.core.schemas import Schema, SchemaIn
from market.core.text import LINE_PATTERN

__all__ = ["WarningLevelChange", "WarningOrder", "WarningParty", "WarningRecord", "Workday", "WorkdayCreate"]


class WarningParty(Schema):
    """Someone a warning names: the employer or a worker (the phone only for station staff), or its station."""

    id: int
    name: str
    phone: str | None = None


class WarningOrder(Schema):
    """One order a warning covers."""

    order_id: int
    title: str
    worker: WarningParty
    owed_fen: int
    claimed_fen: int | None
    pay_due_at: datetime
    working_days_overdue: int
    disputed: bool
    """The worker said the pay did not come or was short."""
    settled_at: datetime | None
    settled_how: str


class WarningLevelChange(Schema):
    """A level the warning reached, why and when."""

    level: str
    reason: str
    at: datetime


class WarningRecord(Schema):
    """A wage warning (蓝/黄/红 `level`): what one employer owes at the sites one station serves, past the pay-by time.
    `amount_fen` and `workers` are what is still unsettled; `working_days_overdue` counts from the oldest order's
    pay-by time on the official calendar with the back office's corrections."""

    id: int
    level: str
    reason: str
    employer: WarningParty
    station: WarningParty | None
    workers: list[WarningParty]
    orders: list[WarningOrder]
    amount_fen: int
    worker_count: int
    working_days_overdue: int
    oldest_due_at: datetime
    opened_at: datetime
    closed_at: datetime | None
    history: list[WarningLevelChange]


class Workday(Schema):
    """A correction to the official calendar, with what the calendar itself says of that day (`official`: None when
    the calendar package does not know the year yet)."""

    day: date
    is_working_day: bool
    note: str
    changed_by: int
    changed_at: str
    official: bool | None


class WorkdayCreate(SchemaIn):
    """Say that a day is, or is not, a working day (a make-up day, a local holiday, a day the package has wrong)."""

    day: date
    is_working_day: bool
    note: Annotated[str, msgspec.Meta(max_length=200, pattern=LINE_PATTERN)] = ""
