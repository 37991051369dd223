"""The reliability formula (market/reputation/reliability.py): each rule pinned with a crafted record."""

from __future__ import annotations

from collections import Counter

from market.reputation.reliability import LATE_CANCEL_WEIGHT, NEUTRAL, Record, reliability, shown_average, top_tags


def test_someone_with_too_little_history_gets_the_neutral_value_flagged_new():
    value = reliability(Record(completed=1, no_shows=1), new_below=3)
    assert (value.value, value.new) == (NEUTRAL, True)


def test_reliability_is_the_share_of_orders_kept():
    assert reliability(Record(completed=9, no_shows=1), new_below=3).value == 0.9
    assert reliability(Record(completed=3), new_below=3) == reliability(Record(completed=30), new_below=3)


def test_a_late_cancel_weighs_half_a_no_show():
    assert LATE_CANCEL_WEIGHT == 0.5
    late = reliability(Record(completed=8, late_cancels=2), new_below=3).value
    no_show = reliability(Record(completed=8, no_shows=1), new_below=3).value
    assert late == no_show == round(8 / 9, 3)


def test_no_shows_and_late_cancels_count_towards_leaving_new():
    assert reliability(Record(no_shows=2, late_cancels=1), new_below=3) .new is False
    assert reliability(Record(no_shows=2, late_cancels=1), new_below=3).value == 0.0


def test_averages_and_tags_only_from_the_minimum_count():
    two = Record(stars=[5, 1], tags=Counter({"准时": 2}))
    assert (shown_average(two, 3), top_tags(two, 3)) == (None, None)
    three = Record(stars=[5, 4, 4], tags=Counter({"肯干": 1, "准时": 3, "手艺好": 1, "细心": 2}))
    assert shown_average(three, 3) == 4.3
    assert top_tags(three, 3) == ["准时", "细心", "手艺好"]  # most given first, ties by name
