"""Each simulated day's market figures, computed from the database alone after the run (to be replaced by market.stats's
figures once that part lands: `day_figures` is the one function the driver calls).

Definitions (local day D, the market's zone):
- jobs_posted, places_offered: jobs created on D, and their headcount;
- deals: orders accepted on D (whatever became of them later);
- fill_rate: of the places of jobs starting on D, the share held at the start by an order accepted before it
  and not cancelled;
- time_to_fill_median_h / _p90_h: for jobs posted on D whose every place was taken (by orders not cancelled),
  hours from posting to the last place taken;
- no_show_rate: of orders starting on D and not cancelled, the share recorded as no-shows;
- wages_agreed_fen / wages_paid_fen / paid_on_time: of orders worked whose pay-by time falls on D, the agreed pay,
  what was paid by the end of the run, and the share paid in full by the pay-by time;
- warnings_blue / _yellow / _red: warning levels reached on D (a warning raised from blue to red counts in both);
- cases_received / cases_closed: wage cases opened / closed on D.
Rates with nothing to divide are empty, not zero.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from market.cases.tables import WageCase
from market.jobs.tables import Job
from market.orders.tables import Order, OrderStatus
from market.wages.tables import WageWarningLevel

__all__ = ["DayFigures", "RunTotals", "day_figures", "figure_names", "run_totals"]

_WORKED = (OrderStatus.completed, OrderStatus.paid, OrderStatus.confirmed)


@dataclass(frozen=True)
class DayFigures:
    """One local day's figures (see the module's definitions)."""

    day: str
    jobs_posted: int
    places_offered: int
    deals: int
    fill_rate: float | None
    time_to_fill_median_h: float | None
    time_to_fill_p90_h: float | None
    no_show_rate: float | None
    wages_agreed_fen: int
    wages_paid_fen: int
    paid_on_time: float | None
    warnings_blue: int
    warnings_yellow: int
    warnings_red: int
    cases_received: int
    cases_closed: int

    def row(self) -> dict[str, Any]:
        """As a CSV row: rates rounded to 4 places, hours to 2, empty for none."""
        out: dict[str, Any] = {}
        for name, value in asdict(self).items():
            if value is None:
                out[name] = ""
            elif isinstance(value, float):
                out[name] = round(value, 2 if name.endswith("_h") else 4)
            else:
                out[name] = value
        return out


def figure_names() -> list[str]:
    """The CSV's columns, in order."""
    return [f.name for f in fields(DayFigures)]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, -(-9 * len(ordered) // 10) - 1))]


async def _fill(start: datetime, end: datetime) -> float | None:
    jobs = await Job.select(Job.id, Job.headcount, Job.starts_at).where((Job.starts_at >= start)
                                                                        & (Job.starts_at < end))
    if not jobs:
        return None
    held: dict[int, int] = defaultdict(int)
    starts = {j["id"]: j["starts_at"] for j in jobs}
    for order in await Order.select(Order.job, Order.accepted_at, Order.cancelled_at).where(
            Order.job.is_in(list(starts))):
        begins = starts[order["job"]]
        if order["accepted_at"] < begins and (order["cancelled_at"] is None or order["cancelled_at"] >= begins):
            held[order["job"]] += 1
    filled = sum(min(j["headcount"], held[j["id"]]) for j in jobs)
    return _share(filled, sum(j["headcount"] for j in jobs))


async def _times_to_fill(jobs: list[dict[str, Any]]) -> list[float]:
    if not jobs:
        return []
    taken: dict[int, list[datetime]] = defaultdict(list)
    for order in await Order.select(Order.job, Order.accepted_at).where(
            Order.job.is_in([j["id"] for j in jobs]) & (Order.status != OrderStatus.cancelled)):
        taken[order["job"]].append(order["accepted_at"])
    return [(max(taken[j["id"]]) - j["created_at"]).total_seconds() / 3600 for j in jobs
            if len(taken[j["id"]]) >= j["headcount"]]


async def day_figures(start: datetime, end: datetime) -> DayFigures:
    """The figures of the local day [start, end)."""
    posted = await Job.select(Job.id, Job.headcount, Job.created_at).where((Job.created_at >= start)
                                                                           & (Job.created_at < end))
    deals = await Order.count().where((Order.accepted_at >= start) & (Order.accepted_at < end))
    starting = await Order.select(Order.status).where((Order.starts_at >= start) & (Order.starts_at < end)
                                                      & (Order.status != OrderStatus.cancelled))
    due = await Order.select(Order.status, Order.agreed_pay_fen, Order.paid_amount_fen, Order.paid_at,
                             Order.pay_due_at).where((Order.pay_due_at >= start) & (Order.pay_due_at < end)
                                                     & Order.completed_at.is_not_null())
    paid = [o for o in due if o["paid_at"] is not None]
    on_time = [o for o in paid if o["paid_at"] <= o["pay_due_at"] and o["paid_amount_fen"] >= o["agreed_pay_fen"]]
    levels: defaultdict[str, int] = defaultdict(int)
    for row in await WageWarningLevel.select(WageWarningLevel.level).where((WageWarningLevel.at >= start)
                                                                           & (WageWarningLevel.at < end)):
        levels[row["level"]] += 1
    fills = await _times_to_fill(posted)
    return DayFigures(
        day=start.date().isoformat(), jobs_posted=len(posted), places_offered=sum(j["headcount"] for j in posted),
        deals=deals, fill_rate=await _fill(start, end),
        time_to_fill_median_h=statistics.median(fills) if fills else None,
        time_to_fill_p90_h=_p90(fills) if fills else None,
        no_show_rate=_share(sum(1 for o in starting if o["status"] == OrderStatus.no_show), len(starting)),
        wages_agreed_fen=sum(o["agreed_pay_fen"] for o in due),
        wages_paid_fen=sum(o["paid_amount_fen"] or 0 for o in paid),
        paid_on_time=_share(len(on_time), len(due)),
        warnings_blue=levels["blue"], warnings_yellow=levels["yellow"], warnings_red=levels["red"],
        cases_received=await WageCase.count().where((WageCase.opened_at >= start) & (WageCase.opened_at < end)),
        cases_closed=await WageCase.count().where((WageCase.closed_at >= start) & (WageCase.closed_at < end)),
    )


@dataclass(frozen=True)
class RunTotals:
    """The whole run's fill figures, for comparing two runs of one seed (definitions as the daily ones, over the
    run: jobs posted in it, places of jobs starting in it)."""

    jobs_posted: int
    jobs_filled: int
    """Jobs posted in the run whose every place was taken (orders not cancelled)."""
    fill_rate: float | None
    time_to_fill_median_h: float | None
    time_to_fill_p90_h: float | None


async def run_totals(start: datetime, end: datetime) -> RunTotals:
    """The fill figures of the run [start, end)."""
    posted = await Job.select(Job.id, Job.headcount, Job.created_at).where((Job.created_at >= start)
                                                                           & (Job.created_at < end))
    fills = await _times_to_fill(posted)
    return RunTotals(jobs_posted=len(posted), jobs_filled=len(fills), fill_rate=await _fill(start, end),
                     time_to_fill_median_h=statistics.median(fills) if fills else None,
                     time_to_fill_p90_h=_p90(fills) if fills else None)
