"""Links that open the phone's map app at a place: a `geo:` URI (WGS-84, RFC 5870) and an Amap marker link in
GCJ-02, the datum Chinese map apps expect (`market.core.geo.wgs84_to_gcj02`)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from market.core.geo import wgs84_to_gcj02
from market.places.schemas import Navigation

__all__ = ["navigation"]


def navigation(lat: float, lon: float, label: str) -> Navigation:
    """Where to send a phone to find (lat, lon), WGS-84, labelled with the place's address."""
    gcj_lat, gcj_lon = wgs84_to_gcj02(lat, lon)
    amap = "https://uri.amap.com/marker?" + urlencode(
        {"position": f"{gcj_lon:.6f},{gcj_lat:.6f}", "name": label, "coordinate": "gaode", "callnative": "1",
         "src": "linggong"})
    # RFC 5870: a geo URI's coordinates are WGS-84 unless it names another crs; `q=` with a label is what
    # Android's map apps read to drop a named pin.
    geo = f"geo:{lat:.6f},{lon:.6f}?q={lat:.6f},{lon:.6f}({quote(label, safe='')})"
    return Navigation(geo_uri=geo, amap_url=amap, gcj02_lat=round(gcj_lat, 6), gcj02_lon=round(gcj_lon, 6))
