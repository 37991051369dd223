"""A person's record in words an employer understands: "近90天完成12单，1次爽约" (and in English)."""

from __future__ import annotations

from market.core.i18n import translate
from market.reputation.reliability import Record, shown_average

__all__ = ["moved_words", "record_words"]


def record_words(record: Record, window_days: int, new: bool, min_count: int, language: str) -> str:
    """The window's figures that matter, most telling first; a new person is said to be new."""
    parts = [translate("rep_completed", language, days=window_days, n=record.completed)]
    if record.no_shows:
        parts.append(translate("rep_no_shows", language, n=record.no_shows))
    if record.late_cancels:
        parts.append(translate("rep_late_cancels", language, n=record.late_cancels))
    average = shown_average(record, min_count)
    if average is not None:
        parts.append(translate("rep_stars", language, stars=f"{average:.1f}", n=record.ratings))
    if new:
        parts.append(translate("rep_new", language))
    return "".join(parts)


def moved_words(points: float, language: str) -> str:
    """How far the record moved the person against a newcomer's neutral value ("" when it did not)."""
    if abs(points) < 0.1:
        return ""
    code = "rep_moved_up" if points > 0 else "rep_moved_down"
    return translate(code, language, points=f"{abs(points):.1f}")
