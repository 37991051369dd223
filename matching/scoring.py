"""The ranking formula: weights in one place, and each component of a worker–job score."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = [
    "DISTANCE_SCALE_KM",
    "EMPLOYER_GRADE_ADJUSTMENT",
    "MIN_SKILL_FIT",
    "OPEN_JOB_SKILL_FIT",
    "WEIGHTS",
    "closeness",
    "experience_factor",
    "rating_score",
    "reliability_score",
    "trust_score",
]

# score = Σ WEIGHTS[c] · component c, every component in 0..1, so the score is in 0..1 too.
WEIGHTS: dict[str, float] = {
    "skill": 0.50,
    "distance": 0.20,
    "reliability": 0.15,
    "rating": 0.10,
    "experience": 0.05,
}
# The radar (jobs for a worker) adds this to a job's score by its employer's credit grade (诚信等级): good grades
# earn a higher place, C-grade employers a lower one. Not part of the worker–job pair score, so a job's candidates
# are ranked without it.
EMPLOYER_GRADE_ADJUSTMENT: dict[str | None, float] = {"A": 0.05, "B": 0.0, "C": -0.05, None: 0.0}
# A worker whose skill fit is below this is not a candidate at all, however close.
MIN_SKILL_FIT = 0.34
# Skill fit of a job that asks for no skill: anyone may do it, but a job in one's own trade fits better.
OPEN_JOB_SKILL_FIT = 0.6
# Closeness halves about every 3.5 km: exp(-d / 5).
DISTANCE_SCALE_KM = 5.0
# Years of experience beyond this count no more.
EXPERIENCE_CAP_YEARS = 10.0
# Reliability prior: a newcomer is treated as having done 4 of 5 jobs well (Beta(4, 1), mean 0.8).
RELIABILITY_PRIOR_GOOD = 4.0
RELIABILITY_PRIOR_BAD = 1.0
LATE_CANCEL_WEIGHT = 0.5
# Rating prior: a newcomer's 1..5 stars are shrunk toward 4.0 as if rated by 5 people.
RATING_PRIOR_MEAN = 4.0
RATING_PRIOR_COUNT = 5.0


def reliability_score(completed: Any, no_shows: Any, late_cancels: Any) -> Any:
    """Share of work done as promised, shrunk toward the prior for workers with little history (numbers or arrays)."""
    good = completed + RELIABILITY_PRIOR_GOOD
    bad = no_shows + LATE_CANCEL_WEIGHT * late_cancels + RELIABILITY_PRIOR_BAD
    return good / (good + bad)


def rating_score(rating: Any, ratings: Any) -> Any:
    """Mean stars (1..5) shrunk toward the prior and mapped to 0..1 (numbers or arrays; None = no rating)."""
    total = RATING_PRIOR_MEAN * RATING_PRIOR_COUNT + (0.0 if rating is None else rating) * ratings
    mean = total / (RATING_PRIOR_COUNT + ratings)
    return (mean - 1.0) / 4.0


def trust_score(completed: Any, no_shows: Any, late_cancels: Any, rating: Any, ratings: Any) -> Any:
    """The weighted part of the score that depends on the worker alone (reliability and rating)."""
    return (
        WEIGHTS["reliability"] * reliability_score(completed, no_shows, late_cancels)
        + WEIGHTS["rating"] * rating_score(rating, ratings)
    )


def experience_factor(years: Any) -> Any:
    """Years in a trade mapped to 0..1, capped (a number or an array)."""
    if isinstance(years, np.ndarray):
        return np.minimum(np.maximum(years, 0.0), EXPERIENCE_CAP_YEARS) / EXPERIENCE_CAP_YEARS
    return min(max(years, 0.0), EXPERIENCE_CAP_YEARS) / EXPERIENCE_CAP_YEARS


def closeness(distance_km: float | np.ndarray) -> float | np.ndarray:
    """Closer is better: 1 at the door, about 0.37 at 5 km, 0.14 at 10 km."""
    if isinstance(distance_km, np.ndarray):
        return np.exp(-distance_km / DISTANCE_SCALE_KM)
    return math.exp(-distance_km / DISTANCE_SCALE_KM)
