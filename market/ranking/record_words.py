"""Candidates' records explained: the reputation window's figures, and how far they moved the score."""

from __future__ import annotations

from collections.abc import Sequence

from market.ranking.schemas import CandidateRecord
from market.reputation.records import worker_records
from market.reputation.reliability import reliability, shown_average
from market.reputation.rules import reputation_rules
from market.reputation.words import moved_words, record_words
from matching.scoring import WEIGHTS, rating_score, reliability_score

__all__ = ["candidate_records", "moved_points"]


def moved_points(breakdown: dict[str, float]) -> float:
    """Points (of 100) that reliability and rating add to or take from the score against a newcomer's values."""
    moved = (WEIGHTS["reliability"] * (breakdown.get("reliability", 0.0) - reliability_score(0, 0, 0))
             + WEIGHTS["rating"] * (breakdown.get("rating", 0.0) - rating_score(None, 0)))
    return round(moved * 100, 1)


async def candidate_records(worker_ids: list[int], breakdowns: Sequence[dict[str, float]],
                            language: str) -> dict[int, CandidateRecord]:
    """The record of each candidate on a page, by worker id (breakdowns in the same order as the ids)."""
    rules = reputation_rules()
    records = await worker_records(worker_ids)
    found: dict[int, CandidateRecord] = {}
    for worker_id, breakdown in zip(worker_ids, breakdowns, strict=True):
        record = records[worker_id]
        new = reliability(record, rules.new_below).new
        points = moved_points(breakdown)
        found[worker_id] = CandidateRecord(
            window_days=rules.window_days, completed=record.completed, no_shows=record.no_shows,
            late_cancels=record.late_cancels, ratings=record.ratings,
            average_stars=shown_average(record, rules.min_count), new=new, moved_points=points,
            words=record_words(record, rules.window_days, new, rules.min_count, language),
            moved_words=moved_words(points, language))
    return found
