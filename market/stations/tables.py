"""Gig stations and which staff member works at which station."""

from piccolo.columns import DoublePrecision, ForeignKey, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User


class Station(Table, tablename="stations"):
    """A neighbourhood gig station (零工驿站) where people walk in for help."""

    id: Serial

    name = Varchar(length=100)
    district = Varchar(length=50, default="")
    address = Varchar(length=200)
    lat = DoublePrecision()
    lon = DoublePrecision()
    hours = Varchar(length=100, default="")
    phone = Varchar(length=20, default="")
    created_at = Timestamptz(default=TimestamptzNow())
    closed_at = Timestamptz(null=True, default=None)
    """When the back office closed the station: it leaves the public list and routing; its staff keep its history."""


class StationStaff(Table, tablename="station_staff"):
    """A staff member's station; a staff member belongs to at most one."""

    id: Serial

    station = ForeignKey(Station, index=True)
    user = ForeignKey(User, unique=True)
