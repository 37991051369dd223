"""The simulated city: deterministic for a seed (the comparisons too), the same demand with tiered alerts on and
off, its figures agree with a hand count of the database, and dishonest employers end with more unpaid orders
than honest ones."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from market.alerts.tables import AlertState, JobAlert
from market.background import wiring
from market.cases.tables import WageCase
from market.core.database import current_engine
from market.jobs.tables import Job
from market.orders.tables import Order, OrderStatus
from market.simulation.driver import SimConfig, SimResult, simulate
from market.simulation.honesty import grade_auc, is_dishonest, share_graded_down
from market.simulation.output import write_csvs
from tests.market.conftest import ON_POSTGRES

SHORT = SimConfig(days=3, seed=7, workers=30, employers=10)


async def _run(config: SimConfig) -> SimResult:
    wiring.install()
    return await simulate(config)


async def _empty_again(pristine: Path | None, name: str) -> None:
    """Back to an empty, migrated database for another run (ids start again at 1)."""
    engine = current_engine()
    if pristine is not None:
        copy = pristine.with_name(f"{name}.sqlite3")
        shutil.copyfile(pristine, copy)
        engine.path = str(copy)  # type: ignore[attr-defined]
        return
    tables = await Job.raw("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration'")
    names = ", ".join(f'"{t["tablename"]}"' for t in tables)
    await engine.run_ddl(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


async def test_the_same_seed_writes_the_same_csv_and_alerts_off_faces_the_same_demand(tmp_path: Path) -> None:
    pristine = None
    if not ON_POSTGRES:
        pristine = tmp_path / "pristine.sqlite3"
        shutil.copyfile(current_engine().path, pristine)  # type: ignore[attr-defined]
    on = await _run(SHORT)
    first = write_csvs(on, tmp_path / "first")
    await _empty_again(pristine, "second")
    second = write_csvs(await _run(SHORT), tmp_path / "second")
    for a, b in zip(first, second, strict=True):  # figures, honesty, grades, run.json
        assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
    assert sum(1 for _ in first[0].open()) == 1 + SHORT.days
    assert sum(1 for _ in first[1].open()) == 1 + SHORT.employers
    assert json.loads(first[3].read_text(encoding="utf-8"))["alerts_sent"] > 0
    await _empty_again(pristine, "third")
    off = await _run(dataclasses.replace(SHORT, alerts=False))
    assert [(d.jobs_posted, d.places_offered) for d in off.days] == [(d.jobs_posted, d.places_offered)
                                                                      for d in on.days]
    assert await JobAlert.count().where(JobAlert.state == AlertState.sent) == 0
    assert "alerts sent" not in off.counts
    assert off.counts["radar looks"] == on.counts["radar looks"] - on.counts["alerts opened"]  # the daily looks


async def test_a_short_run_agrees_with_a_hand_count_of_the_database() -> None:
    result = await _run(SHORT)
    days = result.days
    assert [d.day for d in days] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    jobs = await Job.select(Job.headcount)
    orders = await Order.select(Order.status, Order.agreed_pay_fen, Order.paid_amount_fen, Order.completed_at,
                                Order.pay_due_at)
    assert sum(d.jobs_posted for d in days) == len(jobs) > 0
    assert sum(d.places_offered for d in days) == sum(j["headcount"] for j in jobs)
    assert sum(d.deals for d in days) == len(orders) > 0
    assert sum(d.cases_received for d in days) == await WageCase.count()
    end = result.end
    due_in_run = [o for o in orders if o["completed_at"] is not None and o["pay_due_at"] < end]
    assert sum(d.wages_agreed_fen for d in days) == sum(o["agreed_pay_fen"] for o in due_in_run)
    assert sum(d.wages_paid_fen for d in days) == sum(o["paid_amount_fen"] or 0 for o in due_in_run)
    for day in days:
        assert day.fill_rate is None or 0 <= day.fill_rate <= 1
        assert day.no_show_rate is None or 0 <= day.no_show_rate <= 1


@pytest.mark.slow
async def test_dishonest_employers_end_with_more_unpaid_orders_and_their_workers_complain() -> None:
    result = await _run(SimConfig(days=10, seed=3, workers=40, employers=20, alerts=False))  # wages, not alerts
    rows = await Order.select(Order.job.employer.as_alias("employer"), Order.status, Order.agreed_pay_fen,
                              Order.paid_amount_fen).where(Order.completed_at.is_not_null())
    worked: Counter[bool] = Counter()
    unpaid: Counter[bool] = Counter()
    for row in rows:
        dishonest = is_dishonest(result.honesty[row["employer"]])
        worked[dishonest] += 1
        short = row["status"] == OrderStatus.completed or (row["paid_amount_fen"] or 0) < row["agreed_pay_fen"]
        unpaid[dishonest] += short
    assert worked[True]
    assert worked[False]
    assert unpaid[True] / worked[True] > unpaid[False] / worked[False]
    assert sum(d.cases_received for d in result.days) == await WageCase.count() > 0  # workers complained
    closed = await WageCase.count().where(WageCase.closed_at.is_not_null())
    assert sum(d.cases_closed for d in result.days) == closed


def test_the_grade_comparison_reads_a_crafted_mapping() -> None:
    honesty = {1: 0.95, 2: 0.9, 3: 0.2, 4: 0.1, 5: 0.88}
    perfect = {1: "A", 2: "B", 3: "D", 4: "C", 5: "A"}
    assert grade_auc(perfect, honesty) == 1.0
    assert grade_auc({1: "B", 2: "B", 3: "B", 4: "B", 5: "B"}, honesty) == 0.5
    assert grade_auc({1: "D", 2: "C", 3: "A", 4: "A", 5: "D"}, honesty) == 0.0
    assert grade_auc({1: "A", 3: "C", 4: "A"}, honesty) == 0.75
    assert grade_auc({1: "A", 2: "B"}, honesty) is None
    assert share_graded_down(perfect, honesty, dishonest=True) == 1.0
    assert share_graded_down({1: "C", 2: "A", 5: "B"}, honesty, dishonest=False) == pytest.approx(1 / 3)


def test_the_command_refuses_an_empty_simulation_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from market.cli import main

    assert main(["simulate", "--days", "0"]) == 2
    assert capsys.readouterr().err.strip() == (
        "linggong simulate: --days and --workers must be at least 1, --employers at least 0")


def test_the_grade_comparison_reads_the_grades_after_30_and_60_days_and_the_first_fall() -> None:
    from datetime import UTC, datetime

    from market.simulation.comparisons import grade_rows
    from market.simulation.figures import RunTotals

    honesty = {1: 0.95, 2: 0.9, 3: 0.2, 4: 0.1}
    grades = {day: {1: "A", 2: "B", 3: "B", 4: "B"} for day in range(1, 71)}
    for day in range(12, 71):
        grades[day][3] = "C"  # the first dishonest employer falls after day 12
    for day in range(40, 71):
        grades[day][4] = "D"  # the second after day 40
        grades[day][2] = "C"  # and an honest one is wrongly graded down
    at = datetime(2026, 3, 2, tzinfo=UTC)
    result = SimResult(days=[], honesty=honesty, refused={}, counts={}, totals=RunTotals(0, 0, None, None, None),
                       grades_by_day=grades, start=at, end=at)
    rows = {row["after_days"]: row for row in grade_rows(result)}
    assert sorted(rows) == [30, 60, 70]
    assert rows[30]["dishonest_graded_c_or_d"] == 0.5
    assert rows[30]["honest_not_graded_c_or_d"] == 1.0
    assert rows[30]["auc"] == 0.875  # C beats A and B, B beats A and ties B: 3.5 of 4
    assert rows[30]["median_days_to_first_down"] == 12
    assert rows[60]["dishonest_graded_c_or_d"] == 1.0
    assert rows[60]["honest_not_graded_c_or_d"] == 0.5
    assert rows[60]["dishonest_ever_graded_down"] == 2
    assert rows[60]["median_days_to_first_down"] == 26  # of 12 and 40
