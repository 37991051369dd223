"""The users table: one row per person who logs in, whatever their role."""

from enum import StrEnum

from piccolo.columns import Boolean, ForeignKey, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class Role(StrEnum):
    """What a user is to the market."""

    worker = "worker"
    employer = "employer"
    staff = "staff"
    supervisor = "supervisor"
    """The labour bureau (人社部门): oversees every station's cases, warnings and figures; acts for nobody."""
    admin = "admin"


class User(Table, tablename="users"):
    """A person with a phone number and a password (or a walk-in registered by station staff)."""

    id: Serial

    phone = Varchar(length=11, unique=True, index=True)
    password_hash = Varchar(length=200, secret=True)
    name = Varchar(length=50)
    role = Varchar(length=10, choices=Role, index=True)
    is_active = Boolean(default=True)
    token_version = Integer(default=0)
    created_at = Timestamptz(default=TimestamptzNow())
    registered_by: ForeignKey["User"] = ForeignKey("self", null=True)
