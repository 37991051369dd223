"""The worker profile table: skills, home position, travel radius, expected wage, identity (encrypted); and the
records kept of ID-number changes and of staff looking workers up."""

from piccolo.columns import JSON, DoublePrecision, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.stations.tables import Station


class WorkerProfile(Table, tablename="worker_profiles"):
    """One per worker; the resident ID is stored encrypted, with a keyed hash for uniqueness and a masked copy."""

    id: Serial

    user = ForeignKey(User, unique=True, index=True)
    real_name = Varchar(length=50, default="")
    id_number_encrypted = Text(null=True, default=None, secret=True)
    id_number_hash = Varchar(length=64, null=True, default=None, unique=True)
    id_number_masked = Varchar(length=18, default="")
    skills = JSON(default=[])
    lat = DoublePrecision(null=True, default=None)
    lon = DoublePrecision(null=True, default=None)
    address = Varchar(length=200, default="")
    max_distance_km = Integer(default=10)
    expected_daily_wage_fen = Integer(null=True, default=None)
    updated_at = Timestamptz(default=TimestamptzNow(), index=True)


class IdNumberAttempt(Table, tablename="id_number_attempts"):
    """A try to set a different ID number: counted against a worker's daily allowance when they made it themselves,
    and kept for staff review when the number was someone else's (`outcome` "conflict"). Only the masked number."""

    id: Serial

    worker = ForeignKey(User, null=True, index=True, on_delete=OnDelete.cascade)
    """Whose profile; null for a walk-in a station was registering."""
    made_by = ForeignKey(User, on_delete=OnDelete.cascade)
    """The worker themselves, or the staff member who typed it."""
    station = ForeignKey(Station, null=True, on_delete=OnDelete.set_null)
    outcome = Varchar(length=10)
    """"changed" (the number was free) or "conflict" (another account holds it)."""
    id_number_masked = Varchar(length=18)
    holder = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    """The account holding the number, for a conflict."""
    attempted_at = Timestamptz(default=TimestamptzNow(), index=True)


class WorkerSearch(Table, tablename="worker_searches"):
    """A staff member looking a worker up by phone, name or ID number: who, when, where, what (masked) and what came
    back (the one worker found, and how many matched)."""

    id: Serial

    staff = ForeignKey(User, index=True, on_delete=OnDelete.cascade)
    station = ForeignKey(Station, null=True, on_delete=OnDelete.set_null)
    phone_masked = Varchar(length=20)
    found = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    kind = Varchar(length=12, default="phone")
    """What was searched by: `phone`, `name` or `id_number`."""
    term_masked = Varchar(length=60, default="")
    """The name or ID number searched for, masked (张*, 3502**********1234); the phone is in `phone_masked`."""
    matches = Integer(default=0)
    searched_at = Timestamptz(default=TimestamptzNow(), index=True)
