"""Pick the top k of a score vector with a deterministic tie-break and a lazy acceptance check."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import numpy as np

__all__ = ["TIE_DECIMALS", "sort_key", "top_positions"]

# Scores equal to this many decimals are ties, broken by ascending id (the oracle does the same).
TIE_DECIMALS = 9


def sort_key(score: float, item_id: Any) -> tuple[float, Any]:
    """Ranking order: higher score first, then smaller id."""
    return (-round(score, TIE_DECIMALS), item_id)


def top_positions(
    scores: np.ndarray,
    id_of: Callable[[int], Hashable],
    limit: int,
    accept: Callable[[int], bool],
) -> list[int]:
    """Positions of the best `limit` scores whose accept(position) is true, best first.

    id_of(i) is the id of position i. Only the head is sorted in Python; it grows when acceptance rejects too many.
    """
    count = len(scores)
    if limit <= 0:
        return []
    want = min(count, limit + 8)
    chosen: list[int] = []
    seen = 0
    while want > 0:
        if want < count:
            threshold = np.partition(scores, count - want)[count - want]
            head = np.flatnonzero(scores >= threshold - 10.0 ** -TIE_DECIMALS)
        else:
            head = np.arange(count)
        ordered = sorted(head.tolist(), key=lambda i: sort_key(float(scores[i]), id_of(i)))
        chosen = []
        for position in ordered:
            if accept(position):
                chosen.append(position)
                if len(chosen) == limit:
                    return chosen
        if len(head) >= count or len(head) == seen:
            break
        seen = len(head)
        want = min(count, want * 4)
    return chosen
