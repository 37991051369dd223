"""The gazetteer table: one row per named place of the city."""

from piccolo.columns import DoublePrecision, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class Place(Table, tablename="places"):
    """A named place people say (a market, an estate, a station, a district) with its postal address and its
    WGS-84 position; `radius_m` is how far the place extends (a district several km, a shop none).

    `name_key` and `address_key` are the search forms of name and address (`market.places.keys.search_key`);
    a place is identified by (`district`, `name`), which `linggong import-places` updates in place.
    """

    id: Serial

    name = Varchar(length=100)
    district = Varchar(length=50, default="")
    address = Varchar(length=200)
    lat = DoublePrecision()
    lon = DoublePrecision()
    radius_m = Integer(default=0)
    name_key = Varchar(length=100, index=True)
    address_key = Varchar(length=200)
    updated_at = Timestamptz(default=TimestamptzNow())
