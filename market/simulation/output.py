"""Writing a run's figures (figures.csv), the employers' latent honesty (honesty.csv) and printing the totals."""

from __future__ import annotations

import csv
from pathlib import Path

from market.simulation.driver import SimResult
from market.simulation.figures import figure_names
from market.simulation.honesty import is_dishonest

__all__ = ["summary_lines", "write_csvs"]


def write_csvs(result: SimResult, out: Path) -> tuple[Path, Path]:
    """figures.csv (one row a day) and honesty.csv (employer_id, honesty, dishonest) in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    figures, honesty = out / "figures.csv", out / "honesty.csv"
    with figures.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=figure_names(), lineterminator="\n")
        writer.writeheader()
        writer.writerows(day.row() for day in result.days)
    with honesty.open("w", newline="", encoding="utf-8") as handle:
        writer2 = csv.writer(handle, lineterminator="\n")
        writer2.writerow(["employer_id", "honesty", "dishonest"])
        for employer_id, value in sorted(result.honesty.items()):
            writer2.writerow([employer_id, f"{value:.4f}", int(is_dishonest(value))])
    return figures, honesty


def summary_lines(result: SimResult) -> list[str]:
    """The run's totals and the per-day table, for the terminal."""
    names = ["day", "jobs_posted", "places_offered", "deals", "fill_rate", "time_to_fill_median_h", "no_show_rate",
             "wages_agreed_fen", "wages_paid_fen", "paid_on_time", "warnings_red", "cases_received", "cases_closed"]
    lines = ["  ".join(names)]
    lines += ["  ".join(str(day.row()[n]) for n in names) for day in result.days]
    total = {n: sum(getattr(d, n) for d in result.days) for n in ("jobs_posted", "deals", "cases_received",
                                                                  "cases_closed", "wages_agreed_fen",
                                                                  "wages_paid_fen")}
    lines.append("totals: " + ", ".join(f"{k} {v}" for k, v in total.items()))
    lines.append("acts: " + ", ".join(f"{k} {v}" for k, v in result.counts.items()))
    if result.refused:
        lines.append("refused by the services: " + ", ".join(f"{k} {v}" for k, v in result.refused.items()))
    return lines
