"""The alerts package's records: an employer's pool, invitations, workers' alert settings, planned tiers and the
alerts themselves (one per worker and job, by a unique key)."""

from enum import StrEnum

from piccolo.columns import Boolean, Date, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.jobs.tables import Job


class Tier(StrEnum):
    """Who a tier of a job's alerts goes to, in the order they go out."""

    pool = "pool"
    ranked = "ranked"
    nearby = "nearby"


class AlertState(StrEnum):
    """Where one worker's alert about one job stands."""

    waiting = "waiting"
    """Due at `due_at` (now, or when the worker's quiet hours end)."""
    sent = "sent"
    skipped = "skipped"
    """Not sent: `skip_reason` says why (job filled, cancelled, started, daily cap, alerts turned off)."""


class PoolMember(Table, tablename="pool_members"):
    """A worker an employer keeps in their pool (熟手): `pair` is `"<employer>:<worker>"`, unique."""

    id: Serial

    employer = ForeignKey(User, index=True, on_delete=OnDelete.cascade)
    worker = ForeignKey(User, index=True, on_delete=OnDelete.cascade)
    pair = Varchar(length=30, unique=True)
    added_at = Timestamptz(default=TimestamptzNow())


class Invitation(Table, tablename="job_invitations"):
    """An employer asked a worker to take one of their open jobs; `pair` is `"<job>:<worker>"`, unique."""

    id: Serial

    job = ForeignKey(Job, index=True, on_delete=OnDelete.cascade)
    worker = ForeignKey(User, index=True, on_delete=OnDelete.cascade)
    invited_by = ForeignKey(User, on_delete=OnDelete.cascade)
    pair = Varchar(length=30, unique=True)
    source = Varchar(length=10, default="pool")
    """`pool` or `candidate`: how the worker came to be invited."""
    invited_at = Timestamptz(default=TimestamptzNow())


class AlertSettings(Table, tablename="alert_settings"):
    """A worker's choice about job alerts; without a row, alerts are off (workers opt in)."""

    id: Serial

    worker = ForeignKey(User, unique=True, index=True, on_delete=OnDelete.cascade)
    enabled = Boolean(default=False)
    by_sms = Boolean(default=False)
    by_app = Boolean(default=True)
    quiet_from = Varchar(length=5, default="")
    """`HH:MM` on the market's clocks; empty with `quiet_to` for no quiet hours."""
    quiet_to = Varchar(length=5, default="")
    daily_cap = Integer(default=5)
    updated_at = Timestamptz(default=TimestamptzNow())


class AlertTierPlan(Table, tablename="alert_tiers"):
    """One tier of a job's alerts, planned when the job was posted: due at `due_at`, done when `done_at` is set
    (`outcome`: `sent`, `filled`, `cancelled`, `started`, `failed`). `slot` is `"<job>:<tier>"`, unique."""

    id: Serial

    job = ForeignKey(Job, index=True, on_delete=OnDelete.cascade)
    tier = Varchar(length=8, choices=Tier)
    slot = Varchar(length=30, unique=True)
    due_at = Timestamptz(index=True)
    next_attempt_at = Timestamptz(index=True)
    attempts = Integer(default=0)
    last_error = Text(default="")
    done_at = Timestamptz(null=True, default=None, index=True)
    outcome = Varchar(length=10, default="")
    recipients = Integer(default=0)


class JobAlert(Table, tablename="job_alerts"):
    """One worker's alert about one job: `pair` is `"<job>:<worker>"`, unique, so nobody hears of a job twice."""

    id: Serial

    job = ForeignKey(Job, index=True, on_delete=OnDelete.cascade)
    worker = ForeignKey(User, index=True, on_delete=OnDelete.cascade)
    tier = Varchar(length=8, choices=Tier)
    pair = Varchar(length=30, unique=True)
    state = Varchar(length=8, choices=AlertState, default=AlertState.waiting, index=True)
    due_at = Timestamptz(index=True)
    next_attempt_at = Timestamptz(index=True)
    attempts = Integer(default=0)
    last_error = Text(default="")
    sent_at = Timestamptz(null=True, default=None)
    sent_day = Date(null=True, default=None, index=True)
    """The market-zone day it was sent on: what the daily cap counts."""
    skip_reason = Varchar(length=12, default="")
    created_at = Timestamptz(default=TimestamptzNow())
