"""Working days follow the official calendar: the National Day week off, the make-up Saturday on, corrections win,
and a year the calendar does not know yet falls back to Monday–Friday."""

from datetime import UTC, date, datetime

from market.core.workdays import add_working_days, is_working_day, known_by_the_calendar, working_days_between


def beijing(year: int, month: int, day: int, hour: int = 9) -> datetime:
    """A moment on the market's default clocks (UTC+8), as UTC."""
    return datetime(year, month, day, hour - 8, tzinfo=UTC)


def test_the_national_day_week_is_off_and_its_make_up_saturday_is_a_working_day():
    assert is_working_day(date(2026, 9, 30))
    assert not any(is_working_day(date(2026, 10, day)) for day in range(1, 8))
    assert is_working_day(date(2026, 10, 10)), "Saturday 10 October 2026 is a make-up working day"
    assert not is_working_day(date(2026, 10, 11))


def test_counting_skips_the_holiday_and_counts_the_make_up_day():
    # pay due on 30 September: 8, 9, 10 (Saturday, make-up) and 12 October are the first four working days after
    assert working_days_between(beijing(2026, 9, 30), beijing(2026, 10, 7)) == 0
    assert working_days_between(beijing(2026, 9, 30), beijing(2026, 10, 10)) == 3
    assert working_days_between(beijing(2026, 9, 30), beijing(2026, 10, 12)) == 4
    assert add_working_days(beijing(2026, 9, 30), 3) == beijing(2026, 10, 10)
    assert add_working_days(beijing(2026, 9, 30), 0) == beijing(2026, 9, 30)


def test_a_day_is_counted_on_the_markets_clocks_not_utc():
    late_evening = datetime(2026, 9, 30, 15, 30, tzinfo=UTC)  # 23:30 in Beijing, still 30 September
    just_after_midnight = datetime(2026, 9, 30, 16, 30, tzinfo=UTC)  # 00:30 on 1 October in Beijing
    assert working_days_between(beijing(2026, 9, 29), late_evening) == 1
    assert working_days_between(beijing(2026, 9, 29), just_after_midnight) == 1  # 1 October is a holiday


def test_a_correction_wins_over_the_calendar():
    overrides = {date(2026, 10, 8): False}
    assert not is_working_day(date(2026, 10, 8), overrides)
    assert working_days_between(beijing(2026, 9, 30), beijing(2026, 10, 10), overrides) == 2


def test_a_year_the_calendar_does_not_know_falls_back_to_weekdays_until_corrected():
    assert not known_by_the_calendar(date(2031, 3, 3))
    assert is_working_day(date(2031, 3, 3))  # a Monday
    assert not is_working_day(date(2031, 3, 8))  # a Saturday
    assert not is_working_day(date(2031, 3, 3), {date(2031, 3, 3): False})
