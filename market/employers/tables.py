"""The employer table: who posts work, their credit code (encrypted) and credit grade."""

from piccolo.columns import Boolean, DoublePrecision, ForeignKey, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


class Employer(Table, tablename="employers"):
    """One per employer account; households may have no credit code."""

    id: Serial

    user = ForeignKey(User, unique=True, index=True)
    name = Varchar(length=100, default="")
    credit_code_encrypted = Text(null=True, default=None, secret=True)
    credit_code_hash = Varchar(length=64, null=True, default=None, unique=True)
    credit_code_masked = Varchar(length=18, default="")
    contact_name = Varchar(length=50, default="")
    address = Varchar(length=200, default="")
    lat = DoublePrecision(null=True, default=None)
    lon = DoublePrecision(null=True, default=None)
    credit_grade = Varchar(length=1, default="B")
    barred = Boolean(default=False)
    webhook_url = Varchar(length=300, default="")
    webhook_secret = Varchar(length=64, default="", secret=True)
    updated_at = Timestamptz(default=TimestamptzNow())
