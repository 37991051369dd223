"""NDCG@10 of the matching engine on the hand-labelled relevance set in tests/matching/relevance.json."""

from __future__ import annotations

import json
from pathlib import Path

from matching.evaluation import evaluate

__all__ = ["labelled_ndcg"]

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "matching" / "relevance.json"


def labelled_ndcg(path: Path = LABELLED) -> tuple[float, dict[str, float]]:
    """Mean NDCG@10 over the labelled jobs, and each job's NDCG@10."""
    return evaluate(json.loads(path.read_text(encoding="utf-8")))
