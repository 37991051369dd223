"""Orders, the trail of every act on them, recorded no-shows, and stored answers for idempotent retries."""

from enum import StrEnum

from piccolo.columns import JSON, Boolean, DoublePrecision, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.jobs.tables import Job


class OrderStatus(StrEnum):
    """Where an order is in its life."""

    accepted = "accepted"
    checked_in = "checked_in"
    completed = "completed"
    paid = "paid"
    confirmed = "confirmed"
    cancelled = "cancelled"
    no_show = "no_show"


class Order(Table, tablename="orders"):
    """One worker's acceptance of one job; times are copied from the job as agreed at acceptance.

    A worker holds at most one order per job (unique index from migration `orders_unique_rules`).
    `contract_status` is `pending` (not tried yet), `retrying` (an attempt failed; the next is due at
    `contract_next_attempt_at`), `issued`, or `failed` (given up after `contract_attempts`; why in `contract_error`).
    """

    id: Serial

    job = ForeignKey(Job, index=True, on_delete=OnDelete.restrict)
    worker = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    status = Varchar(length=12, choices=OrderStatus, default=OrderStatus.accepted, index=True)
    starts_at = Timestamptz()
    ends_at = Timestamptz()
    pay_due_at = Timestamptz(index=True)
    agreed_pay_fen = Integer()
    accepted_at = Timestamptz(default=TimestamptzNow())
    accepted_by = ForeignKey(User, on_delete=OnDelete.restrict)
    consent_method = Varchar(length=20, default="app")
    checked_in_at = Timestamptz(null=True, default=None)
    check_in_lat = DoublePrecision(null=True, default=None)
    check_in_lon = DoublePrecision(null=True, default=None)
    check_in_distance_m = Integer(null=True, default=None)
    completed_at = Timestamptz(null=True, default=None)
    paid_at = Timestamptz(null=True, default=None)
    paid_amount_fen = Integer(null=True, default=None)
    payment_note = Varchar(length=200, default="")
    payment_confirmed_at = Timestamptz(null=True, default=None)
    cancelled_at = Timestamptz(null=True, default=None)
    cancelled_by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    cancelled_by_role = Varchar(length=10, default="")
    cancel_reason = Varchar(length=200, default="")
    cancel_late = Boolean(default=False)
    contract_status = Varchar(length=10, default="pending", index=True)
    contract_attempts = Integer(default=0)
    contract_next_attempt_at = Timestamptz(null=True, default=None, index=True)
    contract_error = Varchar(length=300, default="")
    updated_at = Timestamptz(default=TimestamptzNow())


class OrderEvent(Table, tablename="order_events"):
    """Who did what to an order, when, and for whom (a staff member acting for a walk-in)."""

    id: Serial

    order = ForeignKey(Order, index=True, on_delete=OnDelete.restrict)
    action = Varchar(length=20)
    from_status = Varchar(length=12, default="")
    to_status = Varchar(length=12)
    actor = ForeignKey(User, on_delete=OnDelete.restrict)
    on_behalf_of = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    at = Timestamptz(default=TimestamptzNow())
    lat = DoublePrecision(null=True, default=None)
    lon = DoublePrecision(null=True, default=None)
    note = Text(default="")


class NoShow(Table, tablename="order_no_shows"):
    """A recorded no-show: who recorded it, the worker's objection (within the window) and staff's decision on it.

    One per order: an objection upheld returns the order to `accepted` and the record stays, so the same no-show
    cannot be recorded again.
    """

    id: Serial

    order = ForeignKey(Order, unique=True, on_delete=OnDelete.restrict)
    recorded_at = Timestamptz()
    recorded_by = ForeignKey(User, on_delete=OnDelete.restrict)
    note = Varchar(length=200, default="")
    objection_due_at = Timestamptz()
    objected_at = Timestamptz(null=True, default=None)
    objection_note = Varchar(length=200, default="")
    decided_at = Timestamptz(null=True, default=None)
    decided_by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.restrict)
    upheld = Boolean(null=True, default=None)
    decision_note = Varchar(length=200, default="")


class IdempotencyRecord(Table, tablename="idempotency_records"):
    """The first answer to a request sent with an Idempotency-Key, replayed for retries of the same request."""

    id: Serial

    user = ForeignKey(User, on_delete=OnDelete.restrict)
    key = Varchar(length=100)
    fingerprint = Varchar(length=64)
    status_code = Integer()
    response = JSON()
    created_at = Timestamptz(default=TimestamptzNow())
