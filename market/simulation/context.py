"""What every simulated act shares: the seed's random streams, the city, the agenda, the live matching state,
hooks other parts of the market plug into, and a tally of what the services refused."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from market.core import clock
from market.ranking.state import LiveMatching
from market.simulation.agenda import Act, Agenda
from market.simulation.behaviour import Behaviour
from market.simulation.population import SimCity, SimEmployer, SimWorker

__all__ = ["Hook", "Sim"]

Hook = Callable[["Sim", dict[str, Any]], Awaitable[None]]
"""Called with the simulation and the facts of what just happened (e.g. `order_id`, `employer`, `worker`)."""


@dataclass
class Sim:
    """One run's shared state."""

    rng: random.Random
    city: SimCity
    behaviour: Behaviour
    demand: random.Random = field(default_factory=lambda: random.Random(0))  # noqa: S311
    """A second stream for what the city wants whatever the market does (when employers post and what, when
    workers open the radar), so two runs of one seed that differ in a mechanism face the same demand."""
    seed: int = 0
    """The run's seed (an installer may derive a stream of its own from it)."""
    matching: LiveMatching = field(default_factory=LiveMatching)
    agenda: Agenda = field(default_factory=Agenda)
    hooks: dict[str, list[Hook]] = field(default_factory=dict)
    refused: Counter[str] = field(default_factory=Counter)
    """Service refusals by error code (a full job, a clash…): the market saying no, counted, not a failure."""
    counts: Counter[str] = field(default_factory=Counter)
    """What the simulated people did (radar looks, jobs seen, accepts…), for the run's summary."""
    employers_by_id: dict[int, SimEmployer] = field(default_factory=dict)
    workers_by_id: dict[int, SimWorker] = field(default_factory=dict)
    cases_seen: set[int] = field(default_factory=set)
    """Cases already scheduled for handling (a complaint may join an open case)."""
    background: list[str] = field(default_factory=list)
    """The background jobs (names in `market.background.jobs.JOBS`) run every `scan_every`; installers add theirs."""
    grades_by_day: dict[int, dict[int, str]] = field(default_factory=dict)
    """Day number (1 = the first day) -> employer id -> credit grade held at that day's end."""

    def __post_init__(self) -> None:
        """Index the employers by their user id."""
        self.employers_by_id = {e.user.id: e for e in self.city.employers}
        self.workers_by_id = {w.user.id: w for w in self.city.workers}

    def later(self, delay: timedelta, act: Act) -> None:
        """Schedule `act` after `delay` from the market clock's now."""
        self.agenda.at(clock.now() + delay, act)

    def between(self, span: tuple[timedelta, timedelta]) -> timedelta:
        """A delay drawn evenly within `span`, to the minute."""
        low, high = span
        return low + timedelta(minutes=self.rng.randint(0, int((high - low).total_seconds() // 60)))

    def on(self, name: str, hook: Hook) -> None:
        """Plug `hook` in at the named moment (`job_posted`, `order_confirmed`, `order_completed`, `case_closed`,
        `background_ran`, `day_end`…)."""
        self.hooks.setdefault(name, []).append(hook)

    async def fire(self, name: str, **facts: Any) -> None:
        """Run the hooks plugged in at `name`, in the order they were added."""
        for hook in self.hooks.get(name, ()):
            await hook(self, facts)

    def at(self, when: datetime, act: Act) -> None:
        """Schedule `act` at the market time `when`."""
        self.agenda.at(when, act)
