"""The worker profile table: skills, home position, travel radius, expected wage, identity (encrypted)."""

from piccolo.columns import JSON, DoublePrecision, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


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
