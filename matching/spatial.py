"""Spatial prefilter over rows kept in grid-cell order, with rows appended since the last sort scanned by box."""

from __future__ import annotations

import math

import numpy as np

from matching.geo import KM_PER_DEGREE

__all__ = ["SpatialGrid"]

_COLUMNS = 1 << 20


class SpatialGrid:
    """Rows 0..sorted-1 are ordered by cell key (lat band, lon column); later rows are an unsorted tail.

    A query returns, for each lat band the box touches, the contiguous run of rows in the box's columns (found with
    searchsorted), plus the tail rows inside the box. Row numbers come out ascending, so gathers read memory in order.
    """

    def __init__(self, cell_deg: float = 0.02) -> None:
        """An empty grid with square cells of `cell_deg` degrees."""
        self.cell_deg = cell_deg
        self._keys = np.zeros(0, dtype=np.int64)

    @property
    def sorted_rows(self) -> int:
        """How many leading rows are in cell order."""
        return len(self._keys)

    def cell_keys(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """The cell key of each point; sorting rows by it gives the grid order."""
        band = np.floor((lat + 90.0) / self.cell_deg).astype(np.int64)
        column = np.floor((lon + 180.0) / self.cell_deg).astype(np.int64)
        return band * _COLUMNS + column

    def set_sorted(self, keys: np.ndarray) -> None:
        """Declare rows 0..len(keys)-1 sorted, with these (ascending) keys."""
        self._keys = keys

    def query(
        self, lat: float, lon: float, radius_km: float, lats: np.ndarray, lons: np.ndarray, total_rows: int
    ) -> np.ndarray:
        """Ascending rows that may lie within radius_km of (lat, lon): a superset; callers filter by distance."""
        dlat = radius_km / KM_PER_DEGREE
        dlon = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(min(abs(lat) + dlat, 89.9))), 1e-6))
        parts = self._sorted_runs(lat, lon, dlat, dlon)
        tail = len(self._keys)
        if total_rows > tail:
            inside = (np.abs(lats[tail:total_rows] - lat) <= dlat) & (np.abs(lons[tail:total_rows] - lon) <= dlon)
            parts.append(np.flatnonzero(inside) + tail)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def _sorted_runs(self, lat: float, lon: float, dlat: float, dlon: float) -> list[np.ndarray]:
        if not len(self._keys):
            return []
        c = self.cell_deg
        band_lo, band_hi = math.floor((lat - dlat + 90.0) / c), math.floor((lat + dlat + 90.0) / c)
        col_lo, col_hi = math.floor((lon - dlon + 180.0) / c), math.floor((lon + dlon + 180.0) / c)
        bands = np.arange(band_lo, band_hi + 1, dtype=np.int64) * _COLUMNS
        starts = np.searchsorted(self._keys, bands + col_lo, side="left").tolist()
        stops = np.searchsorted(self._keys, bands + col_hi, side="right").tolist()
        return [np.arange(a, b) for a, b in zip(starts, stops, strict=True) if b > a]
