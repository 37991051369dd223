"""The credit grade rules over crafted 12-month records: each rule, its threshold, and the one-event guard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from market.credit.rules import (
    CaseFact,
    Deal,
    EmployerRecord,
    Thresholds,
    WarningFact,
    assess,
    is_fall,
    on_time_rate,
)

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
LIMITS = Thresholds(min_deals=5, min_ratings=5)


def deals(on_time: int, late: int = 0, unpaid_overdue: int = 0, first_id: int = 1) -> tuple[Deal, ...]:
    """`on_time` deals paid before their pay-by time, `late` paid after it, `unpaid_overdue` not paid and due."""
    due = NOW - timedelta(days=10)
    out = [Deal(first_id + i, due, due - timedelta(hours=2)) for i in range(on_time)]
    out += [Deal(first_id + on_time + i, due, due + timedelta(days=3)) for i in range(late)]
    out += [Deal(first_id + on_time + late + i, due, None) for i in range(unpaid_overdue)]
    return tuple(out)


def grade(**record: object) -> tuple[str, list[str]]:
    assessment = assess(EmployerRecord(as_of=NOW, **record), LIMITS)  # type: ignore[arg-type]
    return assessment.grade, [r.code for r in assessment.reasons]


def test_a_new_employer_is_b_and_told_the_deals_are_too_few():
    assert grade() == ("B", ["credit_too_few_deals", "credit_ratings_too_few"])


def test_good_deals_below_the_minimum_stay_b():
    assert grade(deals=deals(4))[0] == "B"


def test_enough_deals_all_paid_on_time_is_a():
    letter, codes = grade(deals=deals(5))
    assert letter == "A"
    assert "credit_on_time" in codes


def test_one_late_payment_in_twenty_still_a_one_in_ten_is_b():
    assert grade(deals=deals(19, late=1))[0] == "A"  # 95 %
    assert grade(deals=deals(9, late=1))[0] == "B"  # 90 %


def test_a_deal_not_yet_due_and_unpaid_is_not_counted_late():
    future = Deal(99, NOW + timedelta(days=1), None)
    record = EmployerRecord(as_of=NOW, deals=(*deals(5), future))
    assert on_time_rate(record) == 1.0
    assert assess(record, LIMITS).grade == "A"


def test_an_unpaid_overdue_deal_counts_as_late():
    record = EmployerRecord(as_of=NOW, deals=deals(3, unpaid_overdue=1))
    assert on_time_rate(record) == 0.75


def test_a_low_payment_rate_alone_is_one_concern_and_stays_b():
    letter, codes = grade(deals=deals(6, late=4))  # 60 %
    assert (letter, codes[0]) == ("B", "credit_late_pay")


def test_a_low_payment_rate_and_a_yellow_warning_are_c():
    warning = WarningFact(7, "yellow", (7,))
    assert grade(deals=deals(6, late=4), warnings=(warning,))[0] == "C"


def test_one_yellow_warning_alone_keeps_b_and_bars_a():
    letter, codes = grade(deals=deals(10), warnings=(WarningFact(1, "yellow", (3,)),))
    assert (letter, codes[0]) == ("B", "credit_warning_yellow")


def test_two_yellow_warnings_are_c():
    warnings = (WarningFact(1, "yellow", (3,)), WarningFact(2, "yellow", (4,)))
    assert grade(deals=deals(10), warnings=warnings)[0] == "C"


def test_a_red_warning_without_an_upheld_case_is_one_concern():
    assert grade(deals=deals(10), warnings=(WarningFact(1, "red", (3,)),))[0] == "B"


def test_a_red_warning_upheld_by_its_case_is_c_alone_even_below_the_minimum_deals():
    assessment = assess(EmployerRecord(as_of=NOW, deals=deals(1), warnings=(WarningFact(4, "red", (1,)),),
                                       upheld_cases=(CaseFact(9, "recovered_full", (1,), warning_id=4),)), LIMITS)
    assert assessment.grade == "C"
    first = assessment.reasons[0]
    assert (first.code, first.order_ids, first.case_ids, first.warning_ids) == ("credit_red_upheld", (1,), (9,), (4,))


def test_a_case_upholds_a_red_warning_it_shares_an_order_with():
    letter, codes = grade(deals=deals(10), warnings=(WarningFact(4, "red", (2, 3)),),
                          upheld_cases=(CaseFact(9, "referred", (3,)),))
    assert (letter, codes[0]) == ("C", "credit_red_upheld")


def test_an_upheld_case_alone_is_one_concern_and_with_a_yellow_warning_c():
    case = CaseFact(9, "recovered_partial", (3,))
    assert grade(deals=deals(10), upheld_cases=(case,))[0] == "B"
    assert grade(deals=deals(10), upheld_cases=(case,), warnings=(WarningFact(1, "yellow", (5,)),))[0] == "C"


def test_two_red_warnings_upheld_are_d():
    warnings = (WarningFact(1, "red", (1,)), WarningFact(2, "red", (2,)))
    cases = (CaseFact(8, "recovered_full", (1,), 1), CaseFact(9, "referred", (2,), 2))
    assert grade(deals=deals(10), warnings=warnings, upheld_cases=cases)[0] == "D"


def test_one_red_warning_upheld_with_two_further_concerns_is_d_with_one_c():
    serious = {"warnings": (WarningFact(1, "red", (1,)), WarningFact(2, "yellow", (2,))),
               "upheld_cases": (CaseFact(8, "recovered_full", (1,), 1),)}
    assert grade(deals=deals(10), **serious)[0] == "C"
    assert grade(deals=deals(6, late=4), **serious)[0] == "D"


def test_late_cancels_count_from_three_and_more_than_one_bars_a():
    assert grade(deals=deals(10), late_cancels=(50,))[0] == "A"
    assert grade(deals=deals(10), late_cancels=(50, 51))[0] == "B"
    assert grade(deals=deals(10), late_cancels=(50, 51, 52))[0] == "B"  # one concern
    letter, codes = grade(deals=deals(10), late_cancels=(50, 51, 52), warnings=(WarningFact(1, "yellow", (3,)),))
    assert letter == "C"
    assert "credit_late_cancels" in codes


def test_ratings_count_only_from_the_minimum():
    assert grade(deals=deals(10), rating_average=2.0, rating_count=4)[0] == "A"
    assert grade(deals=deals(10), rating_average=3.5, rating_count=5)[0] == "B"
    assert grade(deals=deals(10), rating_average=4.5, rating_count=5)[0] == "A"
    low = grade(deals=deals(10), rating_average=2.5, rating_count=8, late_cancels=(1, 2, 3))
    assert low[0] == "C"


def test_no_ratings_is_neither_for_nor_against():
    assert grade(deals=deals(5), rating_average=None, rating_count=0)[0] == "A"


def test_each_reason_names_the_deals_behind_it():
    assessment = assess(EmployerRecord(as_of=NOW, deals=deals(8, late=2), late_cancels=(40, 41)), LIMITS)
    by_code = {r.code: r for r in assessment.reasons}
    assert by_code["credit_mostly_on_time"].order_ids == (9, 10)
    assert by_code["credit_mostly_on_time"].figures == {"percent": 80, "n": 10, "late": 2}
    assert by_code["credit_late_cancels"].order_ids == (40, 41)


def test_falls_are_told_apart_from_rises():
    assert is_fall("A", "C")
    assert is_fall("C", "D")
    assert not is_fall("C", "B")
    assert not is_fall("B", "B")
