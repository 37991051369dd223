"""Small shared rules of the figures: the fewest cases a rate is shown from, and how a rate or a ratio is made."""

from __future__ import annotations

from market.stats.schemas import Figure

__all__ = ["MIN_CASES", "count", "ratio"]

MIN_CASES = 5
"""A rate or a ratio resting on fewer cases than this is shown as too few, not as a percentage."""


def count(key: str, value: int, unit: str = "count") -> Figure:
    """A figure that is a plain count or sum."""
    return Figure(key=key, value=value, unit=unit)


def ratio(key: str, part: float, whole: int, unit: str = "rate", digits: int = 4) -> Figure:
    """`part / whole`, or too few when `whole` is below `MIN_CASES`."""
    if whole < MIN_CASES:
        return Figure(key=key, value=None, unit=unit, n=whole, too_few=True)
    return Figure(key=key, value=round(part / whole, digits), unit=unit, n=whole)
