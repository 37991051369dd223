"""The suggestion rule (market/courses/rule.py), from crafted weekly histories and the shipped taxonomy."""

from __future__ import annotations

from datetime import date, timedelta

from market.courses.rule import Held, Shortage, WeekFigure, best_step, is_short, monday_of, one_step, short_run
from matching.taxonomy import load_taxonomy

TODAY = date(2026, 12, 2)  # a Wednesday: the week of Monday 11-30 is still running
THIS_MONDAY = date(2026, 11, 30)


def weeks(*ratios: float | None, start_back: int = 1) -> list[WeekFigure]:
    """Figures for the weeks before this one, newest first: `ratios[0]` is last week's."""
    return [WeekFigure(week=THIS_MONDAY - timedelta(weeks=back), places_wanted=0, workers=10, ratio=ratio)
            for back, ratio in enumerate(ratios, start=start_back)]


def short(history: list[WeekFigure], threshold: float = 1.5, weeks_needed: int = 3) -> bool:
    return is_short(history, today=TODAY, threshold=threshold, weeks_needed=weeks_needed)


def test_monday_of_a_wednesday_and_of_a_monday():
    assert monday_of(TODAY) == THIS_MONDAY
    assert monday_of(THIS_MONDAY) == THIS_MONDAY


def test_above_the_threshold_every_one_of_the_last_n_weeks_is_short():
    assert short(weeks(2.4, 1.6, 1.9))
    assert short_run(weeks(2.4, 1.6, 1.9), today=TODAY, threshold=1.5, weeks_needed=3).ratio == 2.4


def test_one_week_dip_is_not_short():
    assert not short(weeks(2.4, 1.2, 1.9))
    assert not short(weeks(1.5, 2.0, 2.0)), "at the threshold is not above it"


def test_a_dip_before_the_run_does_not_count():
    assert short(weeks(2.0, 2.0, 2.0, 0.3))


def test_a_missing_week_or_too_few_workers_breaks_the_run():
    assert not short(weeks(2.4, 2.1))
    assert not short(weeks(2.4, None, 2.1))
    assert not short(weeks(2.4, 2.4, 2.4, start_back=2)), "last week not on record"


def test_the_running_week_is_not_counted():
    history = [*weeks(2.4, 2.4), WeekFigure(THIS_MONDAY, 10, 2, 5.0)]
    assert not short(history)


def test_the_weeks_needed_and_threshold_are_parameters():
    assert short(weeks(1.2, 1.1), threshold=1.0, weeks_needed=2)
    assert not short(weeks(1.2, 1.1), threshold=1.15, weeks_needed=2)


def test_an_adjacent_trade_is_one_step():
    taxonomy = load_taxonomy()
    assert one_step([Held("plumber_electrician", False)], "electrician", taxonomy) == ("adjacent",
                                                                                        "plumber_electrician")
    assert one_step([Held("tiler", False)], "bricklayer", taxonomy) == ("adjacent", "tiler")


def test_a_related_but_distant_trade_is_not_one_step():
    taxonomy = load_taxonomy()
    assert taxonomy.trade_similarity("ac_technician", "electrician") == 0.4
    assert one_step([Held("ac_technician", True)], "electrician", taxonomy) is None
    assert one_step([Held("cook", False)], "electrician", taxonomy) is None


def test_the_trade_without_its_certificate_is_one_step():
    taxonomy = load_taxonomy()
    assert one_step([Held("electrician", False)], "electrician", taxonomy) == ("certificate", "electrician")
    assert one_step([Held("electrician", True)], "electrician", taxonomy) is None, "already supply"
    assert one_step([Held("bricklayer", False)], "bricklayer", taxonomy) is None, "no certificate needed"
    assert one_step([Held("electrician", False), Held("plumber_electrician", False)], "electrician",
                    taxonomy) == ("certificate", "electrician"), "the held trade decides, not an adjacent one"


def test_the_nearest_held_trade_is_named():
    assert one_step([Held("handyman", False), Held("plumber_electrician", False)], "electrician",
                    load_taxonomy()) == ("adjacent", "plumber_electrician")


def _shortage(trade: str, district: str, ratio: float) -> Shortage:
    return Shortage(trade, district, WeekFigure(THIS_MONDAY - timedelta(weeks=1), int(ratio * 10), 10, ratio))


def test_the_highest_ratio_in_a_district_the_worker_reaches_is_chosen():
    shortages = {"芗城区": [_shortage("bricklayer", "芗城区", 2.4), _shortage("electrician", "芗城区", 3.0)],
                 "龙文区": [_shortage("plasterer", "龙文区", 4.0)]}
    held = [Held("tiler", False)]
    step = best_step(held, shortages, ["芗城区"], load_taxonomy())
    assert step is not None
    assert (step.shortage.trade, step.reason, step.from_trade) == ("bricklayer", "adjacent", "tiler")
    farther = best_step(held, shortages, ["芗城区", "龙文区"], load_taxonomy())
    assert farther is not None
    assert farther.shortage.trade == "plasterer"
    assert best_step([Held("cook", False)], shortages, ["芗城区", "龙文区"], load_taxonomy()) is None


def test_a_tie_goes_to_the_nearer_district():
    shortages = {d: [_shortage("bricklayer", d, 2.4)] for d in ("南靖县", "芗城区", "龙文区")}
    step = best_step([Held("tiler", False)], shortages, ["芗城区", "龙文区", "南靖县"], load_taxonomy())
    assert step is not None
    assert step.shortage.district == "芗城区"
