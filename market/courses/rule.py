"""The suggestion rule, with no I/O: when a trade is short, and when a worker is one step from it.

- **Short**: a trade is short in a district when each of the last `weeks` ended market weeks has a stored figure
  (`TradeWeek`) whose 求人倍率 is above `threshold`. A missing week, or a week with too few workers to give a
  ratio, breaks the run: nothing is guessed. One week at or below the threshold is enough to make it not short.
- **One step**: a worker is one step from a short trade when they hold it without the certificate the trade
  requires (`certificate`), or do not hold it but hold a trade the taxonomy relates to it with a similarity of at
  least `ADJACENT_SIMILARITY` (`adjacent`). A worker who already holds the trade (certified, or with no
  certificate needed) is not one step away: they are already supply.
- **Which**: among the short trades a worker is one step from, the one with the highest ratio; ties go to the
  nearer district, then the trade code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from matching.taxonomy import Taxonomy

__all__ = ["ADJACENT_SIMILARITY", "Held", "Shortage", "Step", "WeekFigure", "best_step", "is_short", "monday_of",
           "one_step", "short_run"]

ADJACENT_SIMILARITY = 0.5
"""Two trades are adjacent when the taxonomy's similarity between them is at least this (电工 and 水电工 0.75,
泥瓦工 and 砌筑工 0.7; 电工 and 空调安装工 0.4 are not)."""


@dataclass(frozen=True)
class WeekFigure:
    """One stored week of one trade in one district: its Monday, places wanted, workers, and the ratio (None: too
    few workers to say)."""

    week: date
    places_wanted: int
    workers: int
    ratio: float | None


@dataclass(frozen=True)
class Shortage:
    """A short trade in a district, with its latest week's figure: the number behind a suggestion."""

    trade: str
    district: str
    latest: WeekFigure


@dataclass(frozen=True)
class Held:
    """A trade a worker holds (as a taxonomy code) and whether they have its certificate."""

    trade: str
    certified: bool


@dataclass(frozen=True)
class Step:
    """Why a worker is one step from a short trade: `certificate` (holds it uncertified) or `adjacent` (holds
    `from_trade`, next to it)."""

    shortage: Shortage
    reason: Literal["adjacent", "certificate"]
    from_trade: str


def monday_of(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def short_run(weeks: Iterable[WeekFigure], *, today: date, threshold: float, weeks_needed: int) -> WeekFigure | None:
    """The latest week of the run when every one of the `weeks_needed` ended weeks before `today`'s week has a
    figure above `threshold`; None otherwise."""
    by_week = {figure.week: figure for figure in weeks}
    this_monday = monday_of(today)
    wanted = [this_monday - timedelta(weeks=n) for n in range(1, weeks_needed + 1)]
    for monday in wanted:
        figure = by_week.get(monday)
        if figure is None or figure.ratio is None or not figure.ratio > threshold:
            return None
    return by_week[wanted[0]]


def is_short(weeks: Iterable[WeekFigure], *, today: date, threshold: float, weeks_needed: int) -> bool:
    """Whether the trade whose stored `weeks` these are is short on `today` (see the module's rule)."""
    return short_run(weeks, today=today, threshold=threshold, weeks_needed=weeks_needed) is not None


def one_step(held: Sequence[Held], trade: str, taxonomy: Taxonomy) -> tuple[Literal["adjacent", "certificate"],
                                                                         str] | None:
    """How a worker holding `held` is one step from `trade`: (`certificate`, trade) or (`adjacent`, the nearest
    held trade); None when they already hold it in full, or nothing they hold is adjacent (or the trade is not in
    the taxonomy)."""
    if trade not in taxonomy.index:
        return None
    needs_certificate = taxonomy.get(trade).certificate_required
    for item in held:
        if item.trade == trade:
            return ("certificate", trade) if needs_certificate and not item.certified else None
    near = [(taxonomy.trade_similarity(item.trade, trade), item.trade) for item in held
            if item.trade in taxonomy.index]
    near = [(value, code) for value, code in near if value >= ADJACENT_SIMILARITY]
    if not near:
        return None
    return "adjacent", max(near, key=lambda pair: (pair[0], pair[1]))[1]


def best_step(held: Sequence[Held], shortages: Mapping[str, Sequence[Shortage]], districts: Iterable[str],
              taxonomy: Taxonomy) -> Step | None:
    """The step to suggest: among the shortages in the `districts` the worker reaches (`shortages` by district;
    `districts` nearest first), the one with the highest ratio that the worker is one step from; ties go to the
    nearer district, then the trade code."""
    found: list[tuple[int, Step]] = []
    for rank, district in enumerate(districts):
        for shortage in shortages.get(district, ()):
            how = one_step(held, shortage.trade, taxonomy)
            if how is not None:
                found.append((rank, Step(shortage, how[0], how[1])))
    if not found:
        return None
    return min(found, key=lambda f: (-(f[1].shortage.latest.ratio or 0.0), f[0], f[1].shortage.trade))[1]
