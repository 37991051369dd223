"""Figures read live from their own small tables: seekers, contracts verified, warnings, cases, employer grades."""

from __future__ import annotations

from typing import Any

from market.accounts.auth import CurrentUser
from market.cases.figures import case_figures
from market.employers.tables import Employer
from market.stats.counting import MIN_CASES, count, ratio
from market.stats.params import Window
from market.stats.schemas import EmployerGrades, Figure, LowGrade, WarningFigures
from market.stats.sites import day_bounds
from market.stats.supply import Seekers
from market.stats.tables import JobFigures
from market.wages.tables import Level, WageWarning

__all__ = ["case_figures_of", "contracts_verified", "employer_grades", "seeker_count", "warning_figures"]

LOW_GRADES = ("C", "D")
LOW_LIST = 50


def seeker_count(seekers: Seekers, stations: list[int] | None) -> Figure:
    """Workers with a home and a trade, whose nearest station is in the area."""
    if stations is None:
        return count("seekers", len(seekers.trades))
    indexes = {i for i, s in enumerate(seekers.stations) if s.id in stations}
    return count("seekers", sum(1 for home in seekers.home_station.tolist() if home in indexes))


async def contracts_verified(window: Window, stations: list[int] | None) -> Figure:
    """Contracts of the window's deals that someone verified as genuine at least once."""
    sql = ("SELECT COUNT(DISTINCT v.contract) AS n FROM contract_verifications v "
           "JOIN contracts c ON c.id = v.contract JOIN orders o ON o.id = c.\"order\" "
           "JOIN stats_jobs s ON s.job = o.job WHERE v.valid_count > 0 AND s.day >= {} AND s.day <= {}")
    args: list[Any] = [window.first.isoformat(), window.last.isoformat()]
    if stations is not None:
        sql += " AND s.station IN (" + ", ".join("{}" for _ in stations or [0]) + ")"
        args += stations or [0]
    rows = await JobFigures.raw(sql, *args)
    return count("contracts_verified", int(rows[0]["n"] or 0) if rows else 0)


def _by_level(rows: list[dict[str, Any]]) -> dict[str, int]:
    found = {str(level): 0 for level in Level}
    for row in rows:
        found[row["level"]] = found.get(row["level"], 0) + 1
    return found


async def warning_figures(window: Window, stations: list[int] | None) -> WarningFigures:
    """Warnings by colour (the level reached): opened and closed in the window, open now."""
    since, until = day_bounds(window.first, window.last)
    rows = await WageWarning.select(WageWarning.level, WageWarning.station, WageWarning.opened_at,
                                    WageWarning.closed_at).where(
        (WageWarning.closed_at.is_null()) | (WageWarning.closed_at >= since) | (WageWarning.opened_at >= since))
    rows = [r for r in rows if stations is None or r["station"] in stations]
    return WarningFigures(
        opened=_by_level([r for r in rows if since <= r["opened_at"] < until]),
        open_now=_by_level([r for r in rows if r["closed_at"] is None]),
        closed=_by_level([r for r in rows if r["closed_at"] is not None and since <= r["closed_at"] < until]))


async def case_figures_of(viewer: CurrentUser, window: Window, stations: list[int] | None) -> dict[str, Figure]:
    """The cases package's closure figures over the cases received in the window (by station when limited)."""
    since, until = day_bounds(window.first, window.last)
    found = await case_figures(viewer, since, until)
    if stations is None:
        received, closed, on_time, recovered = (found.received, found.closed, found.closed_on_time,
                                                found.recovered_fen)
        median = found.median_days_to_close
    else:
        rows = [r for r in found.by_station if r.id in stations]
        received, closed = sum(r.received for r in rows), sum(r.closed for r in rows)
        on_time, recovered = sum(r.closed_on_time for r in rows), sum(r.recovered_fen for r in rows)
        median = None  # the cases package gives the median for the whole city only
    return {
        "cases_received": count("cases_received", received), "cases_closed": count("cases_closed", closed),
        "cases_on_time_rate": ratio("cases_on_time_rate", on_time, closed),
        "cases_closure_rate": ratio("cases_closure_rate", closed, received),
        "cases_median_days": Figure(key="cases_median_days", value=median if closed >= MIN_CASES else None, unit="days",
                                    n=closed, too_few=closed < MIN_CASES),
        "wages_recovered_fen": count("wages_recovered_fen", recovered, "fen")}


async def employer_grades() -> EmployerGrades:
    """Employers by today's credit grade; the C/D and barred ones listed (worst first)."""
    rows = await Employer.select(Employer.user, Employer.name, Employer.credit_grade, Employer.barred)
    by_grade = dict.fromkeys(("A", "B", "C", "D"), 0)
    for row in rows:
        by_grade[row["credit_grade"] or "B"] = by_grade.get(row["credit_grade"] or "B", 0) + 1
    low = sorted((r for r in rows if r["credit_grade"] in LOW_GRADES or r["barred"]),
                 key=lambda r: (not r["barred"], -ord(r["credit_grade"] or "B"), r["name"]))
    return EmployerGrades(by_grade=by_grade, barred=sum(1 for r in rows if r["barred"]), low_total=len(low),
                          low=[LowGrade(employer_id=r["user"], name=r["name"], grade=r["credit_grade"] or "B",
                                        barred=bool(r["barred"])) for r in low[:LOW_LIST]])
