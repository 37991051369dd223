"""The employers' latent honesty, and how well a grade separates the dishonest from the honest (for comparing the
credit grades, once they exist, with what the simulation knows)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["DISHONEST_BELOW", "GRADE_ORDER", "grade_auc", "is_dishonest", "share_graded_down"]

DISHONEST_BELOW = 0.5
"""An employer with a latent honesty below this is dishonest (it fails to pay on time more often than not)."""
GRADE_ORDER = {"A": 0, "B": 1, "C": 2, "D": 3}
"""Worse grades higher."""


def is_dishonest(honesty: float) -> bool:
    """Whether a latent honesty counts as dishonest."""
    return honesty < DISHONEST_BELOW


def grade_auc(grades: Mapping[int, str], honesty: Mapping[int, float]) -> float | None:
    """The chance that a random dishonest employer is graded worse than a random honest one (ties count half):
    1.0 separates perfectly, 0.5 is a coin. Employers without a grade are left out; None without both kinds."""
    bad = [GRADE_ORDER[grades[e]] for e in sorted(grades) if e in honesty and is_dishonest(honesty[e])]
    good = [GRADE_ORDER[grades[e]] for e in sorted(grades) if e in honesty and not is_dishonest(honesty[e])]
    if not bad or not good:
        return None
    wins = sum((b > g) + 0.5 * (b == g) for b in bad for g in good)
    return wins / (len(bad) * len(good))


def share_graded_down(grades: Mapping[int, str], honesty: Mapping[int, float], *,
                      dishonest: bool) -> float | None:
    """Of the dishonest (or the honest) employers with a grade, the share graded C or D."""
    chosen = [grades[e] for e in sorted(grades) if e in honesty and is_dishonest(honesty[e]) == dishonest]
    return sum(g in ("C", "D") for g in chosen) / len(chosen) if chosen else None
