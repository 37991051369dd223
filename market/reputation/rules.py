"""The rating rules read from the settings, and the tags each side may give (one vocabulary per direction)."""

from __future__ import annotations

from dataclasses import dataclass

from market.settings import get_settings

__all__ = ["DONE_STATUSES", "TAGS", "ReputationRules", "rating_slot", "reputation_rules"]

DONE_STATUSES = ("completed", "paid", "confirmed")
"""An order in one of these was completed: its parties may rate each other, and it counts as done."""

TAGS: dict[str, tuple[str, ...]] = {
    # what a worker may say about an employer
    "worker": ("工钱爽快", "活儿说得清", "按时结算", "安全有保障", "态度和气"),
    # what an employer may say about a worker
    "employer": ("准时", "手艺好", "肯干", "细心", "守规矩"),
}
"""Tags by the side that gives the rating (the rater's role on the order)."""


@dataclass(frozen=True)
class ReputationRules:
    """The numbers of docs/reputation.md, from the settings."""

    rating_window_days: int
    rating_change_hours: int
    min_count: int
    window_days: int
    new_below: int


def reputation_rules() -> ReputationRules:
    """The current rules (settings are read once per process)."""
    s = get_settings()
    return ReputationRules(rating_window_days=s.rating_window_days, rating_change_hours=s.rating_change_hours,
                           min_count=s.rating_min_count, window_days=s.reputation_window_days,
                           new_below=s.reputation_new_below)


def rating_slot(order_id: int, rater_side: str) -> str:
    """The unique key of one side's rating on one order."""
    return f"{order_id}:{rater_side}"
