"""The demo city's place list: its districts, named sites and estates, and gig stations, for the gazetteer."""

from __future__ import annotations

from market.demo.city_places import AREAS, AREAS_BY_NAME, STATION_SPECS, named_point
from market.places.importing import PlaceRow

__all__ = ["demo_places", "demo_places_csv"]


def demo_places() -> list[PlaceRow]:
    """Every place of the demo city people would name: districts (with their extent), sites, estates, stations."""
    rows: list[PlaceRow] = []
    for area in AREAS:
        rows.append(PlaceRow(name=area.name, district=area.name, address=area.address_prefix, lat=area.lat,
                             lon=area.lon, radius_m=int(area.radius_km * 1000)))
        for name in (*area.sites, *area.estates):
            lat, lon = named_point(area, name)
            rows.append(PlaceRow(name=name, district=area.name, address=f"{area.address_prefix}{name}", lat=lat,
                                 lon=lon))
    for spec in STATION_SPECS:
        prefix = AREAS_BY_NAME[spec.area].address_prefix
        rows.append(PlaceRow(name=spec.name, district=spec.area, address=f"{prefix}{spec.street}", lat=spec.lat,
                             lon=spec.lon))
    return rows


def demo_places_csv() -> str:
    """The demo city's places as the CSV `linggong import-places` reads (an example of the format)."""
    lines = ["name,district,address,lat,lon,radius_m"]
    lines += [f"{r.name},{r.district},{r.address},{r.lat},{r.lon},{r.radius_m}" for r in demo_places()]
    return "\n".join(lines) + "\n"
