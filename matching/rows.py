"""Row bookkeeping shared by the indexes: stable slots per id, rows in spatial order, append-on-move, compaction."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import numpy as np

from matching.columns import Columns
from matching.spatial import SpatialGrid

__all__ = ["RowTable"]


class RowTable:
    """Numpy columns (must include lat, lon, live) whose rows are kept in grid order, updated incrementally.

    Each id owns a stable *slot* (for the indexes' Python-side data); its *row* in the columns may change. A new
    item, or one that moved, is appended at the end (the grid scans that tail by box) and its old row is only
    marked dead. When dead and appended rows pass 1/32 of all rows, compact() drops dead rows and re-sorts by cell
    with numpy alone (no per-item Python work), so an update costs amortised O(1).
    """

    def __init__(self, specs: dict[str, tuple[Any, float, int]], capacity: int = 1024) -> None:
        """Empty columns of the given specs (a `slot` column is added)."""
        self.columns = Columns({**specs, "slot": (np.int64, -1, 0)}, capacity)
        self.grid = SpatialGrid()
        self.item_ids: list[Any] = []  # by slot
        self._slot_of: dict[Hashable, int] = {}
        self._row_of_slot = np.full(capacity, -1, dtype=np.int64)
        self._free_slots: list[int] = []
        self.size = 0
        self._dead = 0

    def __len__(self) -> int:
        """Live items."""
        return len(self._slot_of)

    def __contains__(self, item_id: object) -> bool:
        """Whether an item is held."""
        return item_id in self._slot_of

    def slot_at(self, row: int) -> int:
        """The slot of the item in a row."""
        return int(self.columns["slot"][row])

    def id_at(self, row: int) -> Any:
        """The id of the item in a row."""
        return self.item_ids[int(self.columns["slot"][row])]

    def slots_of(self, item_ids: Iterable[Hashable]) -> np.ndarray:
        """The slots of those of these items that are held."""
        return np.array([self._slot_of[i] for i in item_ids if i in self._slot_of], dtype=np.int64)

    def _new_slot(self, item_id: Hashable) -> int:
        if self._free_slots:
            slot = self._free_slots.pop()
            self.item_ids[slot] = item_id
        else:
            slot = len(self.item_ids)
            self.item_ids.append(item_id)
            if slot >= len(self._row_of_slot):
                grown = np.full(2 * len(self._row_of_slot), -1, dtype=np.int64)
                grown[: len(self._row_of_slot)] = self._row_of_slot
                self._row_of_slot = grown
        self._slot_of[item_id] = slot
        return slot

    def place(self, item_id: Hashable, lat: float, lon: float) -> tuple[int, int]:
        """(row, slot) to write an item into: its current row if it did not move, else a fresh row at the end."""
        columns = self.columns
        slot = self._slot_of.get(item_id)
        if slot is None:
            slot = self._new_slot(item_id)
        else:
            row = int(self._row_of_slot[slot])
            if columns["lat"][row] == lat and columns["lon"][row] == lon:
                return row, slot
            self._kill(row)
        row = self.size
        self.size += 1
        columns.ensure(self.size)
        columns["lat"][row], columns["lon"][row], columns["live"][row] = lat, lon, True
        columns["slot"][row] = slot
        self._row_of_slot[slot] = row
        return row, slot

    def load(self, ids: list[Any], lat: np.ndarray, lon: np.ndarray) -> None:
        """Fill an empty table with distinct ids as slots and rows 0..n-1 (the bulk start-up path; compact() after)."""
        if self.size or self.item_ids:
            raise ValueError("load() needs an empty table")
        count = len(ids)
        columns = self.columns
        columns.ensure(count)
        self.item_ids = list(ids)
        self._slot_of = dict(zip(self.item_ids, range(count), strict=True))
        self._row_of_slot = np.arange(max(count, 1), dtype=np.int64)
        columns["lat"][:count], columns["lon"][:count] = lat, lon
        columns["live"][:count] = True
        columns["slot"][:count] = np.arange(count)
        self.size = count

    def remove(self, item_id: Hashable) -> int | None:
        """Forget an item; its former slot (free for reuse), or None when unknown."""
        slot = self._slot_of.pop(item_id, None)
        if slot is not None:
            self._kill(int(self._row_of_slot[slot]))
            self._row_of_slot[slot] = -1
            self._free_slots.append(slot)
        return slot

    def _kill(self, row: int) -> None:
        self.columns["live"][row] = False
        self._dead += 1

    def needs_compaction(self) -> bool:
        """True when dead plus unsorted rows exceed the budget."""
        churn = self._dead + self.size - self.grid.sorted_rows
        return churn > max(2048, self.size // 32)

    def compact(self) -> None:
        """Drop dead rows and sort the rest by grid cell."""
        columns = self.columns
        live = np.flatnonzero(columns["live"][: self.size])
        keys = self.grid.cell_keys(columns["lat"][live], columns["lon"][live])
        by_key = np.argsort(keys, kind="stable")
        columns.permute(live[by_key])
        self.size = len(live)
        self._row_of_slot[columns["slot"][: self.size]] = np.arange(self.size)
        self._dead = 0
        self.grid.set_sorted(keys[by_key])

    def near(self, lat: float, lon: float, radius_km: float) -> np.ndarray:
        """Rows that may be within radius_km (live or not)."""
        columns = self.columns
        return self.grid.query(lat, lon, radius_km, columns["lat"], columns["lon"], self.size)
