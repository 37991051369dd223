"""The two comparisons the simulated city is for: fill figures with tiered alerts on versus off (two runs of one
seed), and how well the credit grade separates the dishonest employers from the honest ones as days pass."""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from typing import Any

from market.simulation.driver import SimResult
from market.simulation.honesty import grade_auc, is_dishonest, share_graded_down

__all__ = ["CHECKPOINTS", "alerts_rows", "first_graded_down", "grade_rows", "run_summary"]

CHECKPOINTS = (30, 60)
"""Days after which the grades are compared with the latent honesty (and the run's last day)."""
_DOWN = ("C", "D")


def _rounded(value: float | None, places: int = 4) -> Any:
    return "" if value is None else round(value, places)


def run_summary(result: SimResult) -> dict[str, Any]:
    """What the alerts comparison needs of one run (written as run.json, so a run in another process counts)."""
    totals, counts = result.totals, result.counts
    return {
        "days": len(result.days), "jobs_posted": totals.jobs_posted, "jobs_filled": totals.jobs_filled,
        "fill_rate": _rounded(totals.fill_rate), "time_to_fill_median_h": _rounded(totals.time_to_fill_median_h, 2),
        "time_to_fill_p90_h": _rounded(totals.time_to_fill_p90_h, 2), "deals": sum(d.deals for d in result.days),
        "radar_looks": counts.get("radar looks", 0), "alerts_sent": counts.get("alerts sent", 0),
        "alerts_opened": counts.get("alerts opened", 0),
        "alerted_jobs_taken": counts.get("alerted jobs taken", 0)}


def alerts_rows(runs: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per run (`on`, `off`, from `run_summary`): jobs posted and filled, fill rate, time to fill (median,
    p90), deals, and the radar looks and alerts behind them."""
    return [{"alerts": name, **summary} for name, summary in runs.items()]


def first_graded_down(grades_by_day: Mapping[int, Mapping[int, str]]) -> dict[int, int]:
    """Employer id -> the first day at whose end they held C or D."""
    first: dict[int, int] = {}
    for day in sorted(grades_by_day):
        for employer, grade in grades_by_day[day].items():
            if grade in _DOWN:
                first.setdefault(employer, day)
    return first


def grade_rows(result: SimResult) -> list[dict[str, Any]]:
    """After 30 and 60 days (those the run reached) and after its last day: the share of dishonest employers graded
    C/D, the share of honest ones not, the AUC, and the median days until a dishonest employer was first graded
    down (of those graded down by then)."""
    grades, honesty = result.grades_by_day, result.honesty
    if not grades:
        return []
    last = max(grades)
    first = first_graded_down(grades)
    rows = []
    for day in sorted({d for d in CHECKPOINTS if d <= last} | {last}):
        held = grades[day]
        dishonest = [e for e in held if e in honesty and is_dishonest(honesty[e])]
        down_days = sorted(first[e] for e in dishonest if e in first and first[e] <= day)
        honest_down = share_graded_down(held, honesty, dishonest=False)
        rows.append({
            "after_days": day, "employers": len(held), "dishonest": len(dishonest),
            "dishonest_graded_c_or_d": _rounded(share_graded_down(held, honesty, dishonest=True)),
            "honest_not_graded_c_or_d": _rounded(None if honest_down is None else 1 - honest_down),
            "auc": _rounded(grade_auc(held, honesty)),
            "dishonest_ever_graded_down": len(down_days),
            "median_days_to_first_down": _rounded(statistics.median(down_days) if down_days else None, 1)})
    return rows
