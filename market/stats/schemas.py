"""What the figures answer: each figure with its definition key, its base and whether it rests on too few cases."""

from __future__ import annotations

from datetime import date, datetime

import msgspec

from market.core.schemas import Schema

__all__ = ["EmployerGrades", "Figure", "LowGrade", "Period", "Stats", "TradeSupply", "Trades", "WarningFigures"]


class Figure(Schema):
    """One figure: `key` names its definition (docs/figures.md, the console's legend); `value` is None and
    `too_few` true when its base `n` is below the minimum, so a rate of three cases is never shown as a percentage."""

    key: str
    value: int | float | None
    unit: str
    """`count`, `rate` (0–1), `fen`, `hours`, `days` or `ratio`."""
    n: int | None = None
    """The cases the figure rests on (a rate's denominator), when that is not the value itself."""
    too_few: bool = False


class Period(Schema):
    """One day, week (from its Monday) or month of the series: its first day and the figures the charts draw."""

    start: date
    figures: dict[str, Figure]


class WarningFigures(Schema):
    """Wage warnings by colour: opened in the period, open now, closed in the period."""

    opened: dict[str, int]
    open_now: dict[str, int]
    closed: dict[str, int]


class LowGrade(Schema):
    """An employer graded C or D, or barred."""

    employer_id: int
    name: str
    grade: str
    barred: bool


class EmployerGrades(Schema):
    """Employers by credit grade (today's), how many are barred, and the C/D or barred ones."""

    by_grade: dict[str, int]
    barred: int
    low: list[LowGrade]
    low_total: int


class Stats(Schema):
    """The console's figures for one period and area, with when they were computed."""

    computed_at: datetime
    from_: date = msgspec.field(name="from")
    to: date
    interval: str
    district: str | None
    station_id: int | None
    min_cases: int
    figures: dict[str, Figure]
    series: list[Period]
    warnings: WarningFigures
    cases: dict[str, Figure]
    employers: EmployerGrades


class TradeSupply(Schema):
    """Supply and demand for one trade in one district: places wanted, workers who hold the trade and reach the
    district, and 求人倍率 (places per worker)."""

    trade: str
    trade_zh: str
    trade_en: str
    district: str
    places_wanted: int
    workers: int
    ratio: Figure


class Trades(Schema):
    """The trade × district grid for one period."""

    computed_at: datetime
    from_: date = msgspec.field(name="from")
    to: date
    district: str | None
    station_id: int | None
    districts: list[str]
    items: list[TradeSupply]
