"""Growable numpy columns addressed by row, shared by the worker and job indexes."""

from __future__ import annotations

import numpy as np

__all__ = ["Columns"]


class Columns:
    """Named numpy arrays of equal length that double in capacity as rows are added."""

    def __init__(self, specs: dict[str, tuple[np.dtype | type, float, int]], capacity: int = 1024) -> None:
        """specs maps a name to (dtype, fill value, width); width 0 means a 1-D column."""
        self._specs = specs
        self.capacity = capacity
        self.arrays: dict[str, np.ndarray] = {name: self._empty(name, capacity) for name in specs}

    def _empty(self, name: str, rows: int) -> np.ndarray:
        dtype, fill, width = self._specs[name]
        shape = (rows, width) if width else (rows,)
        return np.full(shape, fill, dtype=dtype)

    def __getitem__(self, name: str) -> np.ndarray:
        """The array for a column (length = capacity)."""
        return self.arrays[name]

    def ensure(self, rows: int) -> None:
        """Grow every column so that `rows` rows fit."""
        if rows <= self.capacity:
            return
        capacity = max(rows, 2 * self.capacity)
        for name, old in self.arrays.items():
            grown = self._empty(name, capacity)
            grown[: len(old)] = old
            self.arrays[name] = grown
        self.capacity = capacity

    def widen(self, name: str, width: int) -> None:
        """Give a 2-D column at least `width` slots per row."""
        dtype, fill, old_width = self._specs[name]
        if width <= old_width:
            return
        self._specs[name] = (dtype, fill, width)
        grown = self._empty(name, self.capacity)
        grown[:, :old_width] = self.arrays[name]
        self.arrays[name] = grown

    def width(self, name: str) -> int:
        """Slots per row of a 2-D column."""
        return self._specs[name][2]

    def permute(self, order: np.ndarray) -> None:
        """Keep only rows `order`, in that order, as rows 0..len(order)-1 (capacity is kept)."""
        for name, old in self.arrays.items():
            fresh = self._empty(name, self.capacity)
            fresh[: len(order)] = old[order]
            self.arrays[name] = fresh
