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
    must_change_password = Boolean(default=False)
    """Signed in with a temporary password an admin set: only changing it is allowed until then."""
    created_at = Timestamptz(default=TimestamptzNow())
    registered_by: ForeignKey["User"] = ForeignKey("self", null=True)


class AccountCode(Table, tablename="account_codes"):
    """A six-digit code texted for signing in, signing up or resetting a password (`market.accounts.codes`).

    Neither the code nor the phone is kept in the clear: both as keyed hashes (the text itself goes through the
    outbox with the code sealed). The client address is kept hashed too, to count codes per address.
    """

    id: Serial
    phone_hash = Varchar(length=64, index=True)
    address_hash = Varchar(length=64, index=True)
    purpose = Varchar(length=10)
    code_hash = Varchar(length=64, secret=True)
    attempts = Integer(default=0)
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow(), index=True)
