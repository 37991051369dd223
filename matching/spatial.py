"""Spatial prefilter: rows sorted by grid cell (lat band, lon column) plus a small unsorted delta of changed rows."""

from __future__ import annotations

import math

import numpy as np

from matching.geo import EARTH_RADIUS_KM

__all__ = ["SpatialGrid"]

_KM_PER_DEG = math.pi * EARTH_RADIUS_KM / 180.0
_COLUMNS = 1 << 20


class SpatialGrid:
    """Answers "which rows may lie within r km of a point" with sorted key ranges, updated incrementally.

    Rows moved or added since the last compaction live in a delta that is scanned by bounding box; the sorted
    part is rebuilt (O(n log n)) only when the delta outgrows a fraction of all rows, so an update is amortised O(1).
    """

    def __init__(self, cell_deg: float = 0.02) -> None:
        """An empty grid with square cells of `cell_deg` degrees."""
        self.cell_deg = cell_deg
        self._keys = np.zeros(0, dtype=np.int64)
        self._order = np.zeros(0, dtype=np.int64)
        self._stale = np.zeros(0, dtype=bool)  # row is in the delta: ignore its sorted entry
        self._delta: dict[int, None] = {}
        self._delta_array: np.ndarray | None = None

    def _cell_keys(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        band = np.floor((lat + 90.0) / self.cell_deg).astype(np.int64)
        column = np.floor((lon + 180.0) / self.cell_deg).astype(np.int64)
        return band * _COLUMNS + column

    def rebuild(self, lat: np.ndarray, lon: np.ndarray, live: np.ndarray) -> None:
        """Sort all live rows by cell; empties the delta."""
        rows = np.flatnonzero(live)
        keys = self._cell_keys(lat[rows], lon[rows])
        by_key = np.argsort(keys, kind="stable")
        self._keys, self._order = keys[by_key], rows[by_key]
        self._stale = np.zeros(len(lat), dtype=bool)
        self._delta.clear()
        self._delta_array = None

    def touch(self, row: int) -> None:
        """Mark a row as added, moved or removed; it is answered from the delta until the next rebuild."""
        if row >= len(self._stale):
            grown = np.zeros(max(row + 1, 2 * len(self._stale)), dtype=bool)
            grown[: len(self._stale)] = self._stale
            self._stale = grown
        self._stale[row] = True
        self._delta[row] = None
        self._delta_array = None

    def needs_rebuild(self, live_rows: int) -> bool:
        """True when the delta is large enough that scanning it costs more than a rebuild saves."""
        return len(self._delta) > max(2048, live_rows // 32)

    def query(self, lat: float, lon: float, radius_km: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
        """Rows that may lie within radius_km of (lat, lon): a superset; callers filter by exact distance."""
        dlat = radius_km / _KM_PER_DEG
        dlon = radius_km / (_KM_PER_DEG * max(math.cos(math.radians(min(abs(lat) + dlat, 89.9))), 1e-6))
        parts = [self._sorted_part(lat, lon, dlat, dlon)]
        if self._delta:
            if self._delta_array is None:
                self._delta_array = np.fromiter(self._delta, dtype=np.int64, count=len(self._delta))
            delta = self._delta_array
            near = (np.abs(lats[delta] - lat) <= dlat) & (np.abs(lons[delta] - lon) <= dlon)
            parts.append(delta[near])
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def _sorted_part(self, lat: float, lon: float, dlat: float, dlon: float) -> np.ndarray:
        if not len(self._keys):
            return self._order
        c = self.cell_deg
        band_lo, band_hi = math.floor((lat - dlat + 90.0) / c), math.floor((lat + dlat + 90.0) / c)
        col_lo, col_hi = math.floor((lon - dlon + 180.0) / c), math.floor((lon + dlon + 180.0) / c)
        bands = np.arange(band_lo, band_hi + 1, dtype=np.int64) * _COLUMNS
        starts = np.searchsorted(self._keys, bands + col_lo, side="left")
        stops = np.searchsorted(self._keys, bands + col_hi, side="right")
        rows = np.concatenate([self._order[a:b] for a, b in zip(starts.tolist(), stops.tolist(), strict=True)])
        if self._delta:
            rows = rows[~self._stale[rows]]
        return rows
