"""Distances on WGS-84 coordinates at city scale: great-circle, and the fast local (equirectangular) form."""

from __future__ import annotations

import math

import numpy as np

__all__ = ["EARTH_RADIUS_KM", "KM_PER_DEGREE", "haversine_km", "local_km", "local_km_many", "validate_point"]

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180.0


def validate_point(lat: float, lon: float) -> None:
    """Raise ValueError when a coordinate is out of range or not a number."""
    if not (-90.0 <= lat <= 90.0) or not (-180.0 <= lon <= 180.0):
        raise ValueError(f"coordinate out of range: lat={lat}, lon={lon}")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def local_km(lat0: float, lon0: float, lat: float, lon: float) -> float:
    """Distance in km from (lat0, lon0), flattening the Earth around that point (within 0.1 % below 50 km)."""
    dx = (lon - lon0) * (KM_PER_DEGREE * math.cos(math.radians(lat0)))
    dy = (lat - lat0) * KM_PER_DEGREE
    return math.sqrt(dx * dx + dy * dy)


def local_km_many(lat0: float, lon0: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """local_km from one point to many (float64 arrays of degrees), computed the same way."""
    dx = (lons - lon0) * (KM_PER_DEGREE * math.cos(math.radians(lat0)))
    dy = (lats - lat0) * KM_PER_DEGREE
    return np.sqrt(dx * dx + dy * dy)
