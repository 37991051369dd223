"""The simulation's core loop: a city is written, then day by day the agenda's acts run at their market times,
with the background jobs every `scan_every`; each day's figures are computed from the database at the end.

Other parts of the market plug in as one step each: a phase in `PHASES` (run when the city is set up, e.g.
`staff_acts.install`, which hooks complaints in at `wages_owed`) or a hook on a named moment (`Sim.on`):
`job_posted`, `order_completed`, `order_confirmed`, `case_closed`, `background_ran`, `day_end`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from market.background.jobs import JOBS
from market.core import clock
from market.core.database import batched_reads, one_connection
from market.core.zone import market_zone
from market.simulation import alert_acts, credit_acts, staff_acts
from market.simulation.behaviour import BEHAVIOUR, Behaviour
from market.simulation.context import Sim
from market.simulation.figures import DayFigures, RunTotals, day_figures, run_totals
from market.simulation.market_acts import schedule_day
from market.simulation.population import populate

__all__ = ["BACKGROUND_JOBS", "PHASES", "SimConfig", "SimResult", "simulate"]

START = date(2026, 3, 2)
"""The first simulated day (a Monday; the market clock is frozen there, whatever the wall clock says)."""

BACKGROUND_JOBS = ("scan_wages", "scan_cases", "scan_notices", "recover_contracts", "prune_matching_changes")
"""The background jobs run every `scan_every`, as the runner or arq would (sending SMS is left out); installers
add theirs (`grade_employers`, `send_job_alerts`)."""

Installer = Callable[[Sim], None]
PHASES: list[Installer] = [staff_acts.install, credit_acts.install, alert_acts.install]
"""Each plugs its behaviour into a fresh simulation (hooks, agenda items); later parts append theirs."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SimConfig:
    """What to simulate."""

    days: int
    seed: int
    workers: int = 300
    employers: int = 0
    """0: one employer per ten workers (at least 5)."""
    behaviour: Behaviour = BEHAVIOUR
    phases: Sequence[Installer] = field(default_factory=lambda: tuple(PHASES))
    alerts: bool = True
    """False: the run without tiered alerts (`alert_acts.install` left out of the phases)."""


@dataclass(frozen=True)
class SimResult:
    """What a run produced: each day's figures, the employers' latent honesty, the services' refusals."""

    days: list[DayFigures]
    honesty: dict[int, float]
    refused: dict[str, int]
    counts: dict[str, int]
    totals: RunTotals
    grades_by_day: dict[int, dict[int, str]]
    """Day number -> employer id -> credit grade at that day's end (empty without `credit_acts`)."""
    start: datetime
    end: datetime


async def _background(sim: Sim) -> None:
    for name in sim.background:
        await JOBS[name]({"matching": sim.matching})
    await sim.fire("background_ran", at=clock.now())


async def _run_until(sim: Sim, until: datetime, scan_every: timedelta, next_scan: datetime) -> datetime:
    """Run every act due before `until` at its own time, the background jobs on their beat; the next scan time."""
    while True:
        due = sim.agenda.pop_due(min(until, next_scan))
        if due is None:
            if next_scan > until:
                return next_scan
            clock.freeze(next_scan)
            await _background(sim)
            next_scan += scan_every
            continue
        when, act = due
        clock.freeze(max(when, clock.now()))
        await act()


async def simulate(config: SimConfig, progress: Progress | None = None) -> SimResult:
    """Run the simulated city on the configured (migrated, empty) database; the market clock is left frozen at
    the end. Deterministic for `config.seed`. On SQLite every query runs on one connection (`one_connection`): the
    acts come one at a time."""
    async with one_connection():
        return await _simulate(config, progress)


async def _simulate(config: SimConfig, progress: Progress | None) -> SimResult:
    zone = market_zone()
    start = datetime.combine(START, time(0), zone)
    clock.freeze(start - timedelta(hours=1))
    rng = random.Random(config.seed)  # noqa: S311 (a reproducible simulation, not a secret)
    employers = config.employers or max(5, config.workers // 10)
    city = await populate(rng, clock.now(), config.workers, employers)
    demand = random.Random(f"{config.seed}:demand")  # noqa: S311
    sim = Sim(rng=rng, demand=demand, seed=config.seed, city=city, behaviour=config.behaviour,
              background=list(BACKGROUND_JOBS))
    for install in config.phases:
        if config.alerts or install is not alert_acts.install:
            install(sim)
    next_scan = start
    for index in range(config.days):
        day_start = datetime.combine(START + timedelta(days=index), time(0), zone)
        day_end = day_start + timedelta(days=1)
        clock.freeze(max(day_start, clock.now()))
        schedule_day(sim, day_start)
        next_scan = await _run_until(sim, day_end - timedelta(microseconds=1), config.behaviour.scan_every,
                                     next_scan)
        clock.freeze(max(day_end, clock.now()))
        await sim.fire("day_end", start=day_start, end=day_end)
        if progress is not None:
            progress(index + 1, config.days)
    async with batched_reads():
        days = [await day_figures(datetime.combine(START + timedelta(days=i), time(0), zone),
                                  datetime.combine(START + timedelta(days=i + 1), time(0), zone))
                for i in range(config.days)]
        totals = await run_totals(start, start + timedelta(days=config.days))
    honesty = {e.user.id: e.honesty for e in city.employers}
    refused: dict[str, Any] = dict(sorted(sim.refused.items()))
    return SimResult(days=days, honesty=honesty, refused=refused, counts=dict(sorted(sim.counts.items())),
                     totals=totals, grades_by_day=sim.grades_by_day, start=start, end=clock.now())
