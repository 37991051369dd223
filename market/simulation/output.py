"""Writing a run's figures (figures.csv), the employers' latent honesty (honesty.csv), the grade comparison
(grades.csv) and the alerts comparison (alerts.csv), and printing them with the totals."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from market.simulation.comparisons import alerts_rows, grade_rows, run_summary
from market.simulation.driver import SimResult
from market.simulation.figures import figure_names
from market.simulation.honesty import is_dishonest

__all__ = ["comparison_lines", "summary_lines", "write_alerts_csv", "write_csvs"]


def _write_rows(path: Path, rows: Sequence[Mapping[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_alerts_csv(runs: Mapping[str, Mapping[str, Any]], out: Path) -> Path:
    """alerts.csv: the fill figures of the runs with tiered alerts on and off, one row each."""
    out.mkdir(parents=True, exist_ok=True)
    return _write_rows(out / "alerts.csv", alerts_rows(runs))


def write_csvs(result: SimResult, out: Path) -> tuple[Path, Path, Path, Path]:
    """figures.csv (one row a day), honesty.csv (employer_id, honesty, dishonest), grades.csv (the grade
    comparison after 30, 60 and the last day) and run.json (the run's fill totals and counts) in `out`."""
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
    summary = out / "run.json"
    summary.write_text(json.dumps(run_summary(result), indent=1) + "\n", encoding="utf-8")
    return figures, honesty, _write_rows(out / "grades.csv", grade_rows(result)), summary


def _table(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    return ["  ".join(rows[0]), *("  ".join(str(v) for v in row.values()) for row in rows)] if rows else []


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
    lines.append("credit grade against latent honesty:")
    lines += _table(grade_rows(result))
    return lines


def comparison_lines(runs: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The alerts comparison, for the terminal."""
    return ["tiered alerts on versus off (same seed):", *_table(alerts_rows(runs))]
