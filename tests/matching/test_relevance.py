"""Ranking quality on the hand-labelled relevance set (tests/matching/relevance.json) stays above a floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matching.evaluation import evaluate, ndcg_at_k

LABELLED = Path(__file__).with_name("relevance.json")
NDCG_FLOOR = 0.90
PER_JOB_FLOOR = 0.75


def test_labelled_set_is_big_enough_and_reasoned() -> None:
    doc = json.loads(LABELLED.read_text(encoding="utf-8"))
    workers = [w for job in doc["jobs"] for w in job["workers"]]
    assert len(doc["jobs"]) >= 20
    assert len(workers) >= 200
    assert all(w["reason"] and w["grade"] in (0, 1, 2, 3) for w in workers)


def test_ndcg_at_10_floor() -> None:
    mean, per_job = evaluate(json.loads(LABELLED.read_text(encoding="utf-8")))
    assert mean >= NDCG_FLOOR
    assert min(per_job.values()) >= PER_JOB_FLOOR


def test_ndcg_definition() -> None:
    assert ndcg_at_k([3, 2, 1], [1, 2, 3]) == pytest.approx(1.0)
    assert ndcg_at_k([1, 2, 3], [1, 2, 3]) < 1.0
    assert ndcg_at_k([], [0, 0]) == 1.0
    assert ndcg_at_k([0, 3], [3]) == pytest.approx(1 / 1.584962500721156 / 1)
