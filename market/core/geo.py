"""Distances on the earth and the bounding boxes that pre-filter them in SQL."""

from __future__ import annotations

import math

__all__ = ["EARTH_RADIUS_KM", "bounding_box", "distance_km", "in_mainland_china", "wgs84_to_gcj02"]

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box that contains every point within `radius_km`."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


# GCJ-02, the datum Chinese map apps (Amap, Tencent) expect: WGS-84 shifted by a published, deliberately irregular
# offset of a few hundred metres inside mainland China, and not at all outside it. The formula is the well-known
# one (Krasovsky 1940 ellipsoid, two trigonometric series); written here from its definition.
_GCJ_A = 6378245.0
_GCJ_EE = 0.00669342162296594323


def in_mainland_china(lat: float, lon: float) -> bool:
    """Roughly: inside the box where the GCJ-02 offset applies (a point outside it keeps its coordinates)."""
    return 0.8293 <= lat <= 55.8271 and 72.004 <= lon <= 137.8347


def _series(x: float, y: float, terms: tuple[float, float]) -> float:
    """The common trigonometric part of both offsets: 2/3 of three sine pairs (x, then y periods)."""
    p = math.pi
    out = (20.0 * math.sin(6.0 * x * p) + 20.0 * math.sin(2.0 * x * p)) * 2.0 / 3.0
    out += (20.0 * math.sin(y * p) + 40.0 * math.sin(y / 3.0 * p)) * 2.0 / 3.0
    out += (terms[0] * math.sin(y / 12.0 * p) + terms[1] * math.sin(y / 30.0 * p)) * 2.0 / 3.0
    return out


def _lat_offset(x: float, y: float) -> float:
    base = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    return base + _series(x, y, (160.0, 320.0))


def _lon_offset(x: float, y: float) -> float:
    base = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    # The longitude series runs over x where the latitude one runs over y.
    return base + _series(x, x, (150.0, 300.0))


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """(lat, lon) in GCJ-02 for a WGS-84 point; unchanged outside mainland China."""
    if not in_mainland_china(lat, lon):
        return lat, lon
    x, y = lon - 105.0, lat - 35.0
    rad_lat = math.radians(lat)
    magic = 1.0 - _GCJ_EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = _lat_offset(x, y) * 180.0 / ((_GCJ_A * (1.0 - _GCJ_EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = _lon_offset(x, y) * 180.0 / (_GCJ_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return lat + d_lat, lon + d_lon
