"""The warning ladder's rules and who sees which warnings, as pure functions."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from market.accounts.policy import Reach, warning_reach
from market.wages.rules import Facts, Thresholds, level_for

LIMITS = Thresholds(yellow_working_days=3, red_working_days=7, red_workers=3, red_amount_fen=500_000)


@pytest.mark.parametrize(("facts", "expected"), [
    (Facts(0, 1, 25_000, disputed=False), ("blue", "pay_by_passed")),
    (Facts(2, 2, 25_000, disputed=False), ("blue", "pay_by_passed")),
    (Facts(3, 1, 25_000, disputed=False), ("yellow", "working_days")),
    (Facts(0, 1, 25_000, disputed=True), ("yellow", "worker_says_unpaid")),
    (Facts(7, 1, 25_000, disputed=False), ("red", "working_days")),
    (Facts(0, 3, 75_000, disputed=False), ("red", "several_workers")),
    (Facts(0, 1, 500_000, disputed=False), ("red", "amount_threshold")),
    (Facts(1, 2, 499_999, disputed=True), ("yellow", "worker_says_unpaid")),
])
def test_each_rule_reaches_its_level(facts, expected):
    assert level_for(facts, LIMITS) == expected


def test_the_thresholds_are_the_settings():
    strict = Thresholds(yellow_working_days=1, red_working_days=2, red_workers=10, red_amount_fen=10**9)
    assert level_for(Facts(1, 1, 100, disputed=False), strict)[0] == "yellow"
    assert level_for(Facts(2, 1, 100, disputed=False), strict)[0] == "red"
    assert level_for(Facts(1, 5, 100, disputed=False), strict)[0] == "yellow"


@dataclass(frozen=True)
class Caller:
    id: int
    role: str


def test_who_sees_which_warnings():
    assert warning_reach(Caller(1, "supervisor")) == Reach(everything=True)
    assert warning_reach(Caller(1, "admin")) == Reach(everything=True)
    assert warning_reach(Caller(1, "staff"), [4]) == Reach(station_ids=frozenset({4}))
    assert warning_reach(Caller(1, "staff")) == Reach(), "staff without a station see nothing"
    assert warning_reach(Caller(9, "employer")) == Reach(employer_id=9)
    assert warning_reach(Caller(9, "worker")) == Reach()
