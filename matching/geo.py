"""Great-circle distances on WGS-84 coordinates (spherical Earth, good to 0.5 % at city scale)."""

from __future__ import annotations

import math

import numpy as np

__all__ = ["EARTH_RADIUS_KM", "haversine_km", "haversine_km_many", "validate_point"]

EARTH_RADIUS_KM = 6371.0088


def validate_point(lat: float, lon: float) -> None:
    """Raise ValueError when a coordinate is out of range or not a number."""
    if not (-90.0 <= lat <= 90.0) or not (-180.0 <= lon <= 180.0):
        raise ValueError(f"coordinate out of range: lat={lat}, lon={lon}")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_km_many(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Distances in km from one point to many (float64 arrays of degrees)."""
    p1 = math.radians(lat)
    p2 = np.radians(lats)
    dp = p2 - p1
    dl = np.radians(lons - lon)
    a = np.sin(dp * 0.5) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl * 0.5) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
