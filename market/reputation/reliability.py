"""The reliability formula: which figures count, when someone is new, what is shown. Pure; no I/O.

Rules (docs/reputation.md states them with their numbers):

- Everything is counted over the rolling window (`reputation_window_days`, 90 by default).
- A no-show counts when it stands: recorded and not objected to, or objected to and the objection rejected by
  staff. A pending objection does not count yet; an upheld objection removes it for good.
- A late cancel counts against the side that cancelled inside its free-cancel window.
- Reliability = completed / (completed + no-shows + LATE_CANCEL_WEIGHT × late cancels).
- Someone with fewer than `new_below` orders in the window (completed + no-shows + late cancels) is `new`: their
  reliability is the NEUTRAL value, not a share of one or two orders.
- Average stars and top tags only from `min_count` ratings on (fewer: None), so no single rating can be read off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["LATE_CANCEL_WEIGHT", "NEUTRAL", "TOP_TAGS", "Record", "Reliability", "reliability", "shown_average",
           "top_tags"]

LATE_CANCEL_WEIGHT = 0.5
"""A late cancel weighs half a no-show: the employer had some notice."""
NEUTRAL = 0.8
"""The reliability of someone new: the same prior matching shrinks towards (4 of 5 jobs done well)."""
TOP_TAGS = 3
"""How many tags an aggregate names, most given first."""


@dataclass
class Record:
    """One person's figures in the window: orders completed, no-shows that stand, late cancels, ratings received."""

    completed: int = 0
    no_shows: int = 0
    late_cancels: int = 0
    stars: list[int] = field(default_factory=list)
    tags: Counter[str] = field(default_factory=Counter)

    @property
    def ratings(self) -> int:
        """How many ratings count."""
        return len(self.stars)

    @property
    def mean_stars(self) -> float | None:
        """The plain mean of the stars (None without any); not for display below the minimum."""
        return sum(self.stars) / len(self.stars) if self.stars else None


@dataclass(frozen=True)
class Reliability:
    """A reliability value 0..1 and whether it is the neutral value of someone new."""

    value: float
    new: bool


def reliability(record: Record, new_below: int) -> Reliability:
    """The worker's reliability by the rules above."""
    orders = record.completed + record.no_shows + record.late_cancels
    if orders < new_below:
        return Reliability(NEUTRAL, True)
    weighed = record.completed + record.no_shows + LATE_CANCEL_WEIGHT * record.late_cancels
    return Reliability(round(record.completed / weighed, 3) if weighed else NEUTRAL, False)


def shown_average(record: Record, min_count: int) -> float | None:
    """Average stars to one decimal, or None below `min_count` ratings."""
    mean = record.mean_stars
    return round(mean, 1) if mean is not None and record.ratings >= min_count else None


def top_tags(record: Record, min_count: int, limit: int = TOP_TAGS) -> list[str] | None:
    """The most given tags (ties by name), or None below `min_count` ratings."""
    if record.ratings < min_count:
        return None
    ranked: Iterable[tuple[str, int]] = sorted(record.tags.items(), key=lambda item: (-item[1], item[0]))
    return [tag for tag, _ in ranked][:limit]
