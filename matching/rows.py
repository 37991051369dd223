"""Row bookkeeping shared by the indexes: ids ↔ rows, append-on-move, and compaction into spatial order."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np

from matching.columns import Columns
from matching.spatial import SpatialGrid

__all__ = ["RowTable"]


class RowTable:
    """Numpy columns (must include lat, lon, live) whose rows are kept in grid order, updated incrementally.

    A new item, or one that moved, is appended at the end (the grid scans that tail by box); its old row is only
    marked dead. When dead and appended rows pass 1/32 of all rows, compact() drops the dead rows and re-sorts
    everything by cell: O(n log n) once per n/32 changes, so an update costs amortised O(1).
    """

    def __init__(self, specs: dict[str, tuple[Any, float, int]], capacity: int = 1024) -> None:
        """Empty columns of the given specs."""
        self.columns = Columns(specs, capacity)
        self.grid = SpatialGrid()
        self.ids: list[Any] = []
        self.row_of: dict[Hashable, int] = {}
        self.size = 0
        self._dead = 0

    def __len__(self) -> int:
        """Live items."""
        return len(self.row_of)

    def place(self, item_id: Hashable, lat: float, lon: float) -> int:
        """The row to write an item into: its current row if it did not move, else a fresh row at the end."""
        row = self.row_of.get(item_id)
        columns = self.columns
        if row is not None and columns["lat"][row] == lat and columns["lon"][row] == lon:
            return row
        if row is not None:
            self._kill(row)
        row = self.size
        self.size += 1
        columns.ensure(self.size)
        self.ids.append(item_id)
        self.row_of[item_id] = row
        columns["lat"][row], columns["lon"][row], columns["live"][row] = lat, lon, True
        return row

    def load(self, ids: list[Any], lat: np.ndarray, lon: np.ndarray) -> None:
        """Fill an empty table with distinct ids as rows 0..n-1 (the bulk start-up path; compact() after)."""
        if self.size:
            raise ValueError("load() needs an empty table")
        count = len(ids)
        self.columns.ensure(count)
        self.ids = list(ids)
        self.row_of = {item_id: row for row, item_id in enumerate(self.ids)}
        self.columns["lat"][:count], self.columns["lon"][:count] = lat, lon
        self.columns["live"][:count] = True
        self.size = count

    def remove(self, item_id: Hashable) -> int | None:
        """Forget an item; its old row, or None when unknown."""
        row = self.row_of.pop(item_id, None)
        if row is not None:
            self._kill(row)
        return row

    def _kill(self, row: int) -> None:
        self.columns["live"][row] = False
        self._dead += 1

    def needs_compaction(self) -> bool:
        """True when dead plus unsorted rows exceed the budget."""
        churn = self._dead + self.size - self.grid.sorted_rows
        return churn > max(2048, self.size // 32)

    def compact(self) -> np.ndarray:
        """Drop dead rows and sort the rest by grid cell; returns the old row of each new row."""
        columns = self.columns
        live = np.flatnonzero(columns["live"][: self.size])
        keys = self.grid.cell_keys(columns["lat"][live], columns["lon"][live])
        by_key = np.argsort(keys, kind="stable")
        order = live[by_key]
        columns.permute(order)
        self.ids = [self.ids[i] for i in order.tolist()]
        self.row_of = {item_id: row for row, item_id in enumerate(self.ids)}
        self.size = len(order)
        self._dead = 0
        self.grid.set_sorted(keys[by_key])
        return order

    def near(self, lat: float, lon: float, radius_km: float) -> np.ndarray:
        """Rows that may be within radius_km (live or not)."""
        columns = self.columns
        return self.grid.query(lat, lon, radius_km, columns["lat"], columns["lon"], self.size)
