"""The one schedule of background jobs: the in-process runner and the arq worker are both built from `SCHEDULE`.

Each entry gives a job's period; the runner waits that long between runs, and the worker's arq cron is derived
from it (with `offset_s` as its phase within the period, so jobs sharing a minute do not all fire at once).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypedDict

from market.background.jobs import JOBS

__all__ = ["SCHEDULE", "CronTimes", "Scheduled"]


class CronTimes(TypedDict):
    """The `minute` and `second` arguments of arq's `cron(...)` (None: every minute)."""

    minute: set[int] | None
    second: set[int]


@dataclass(frozen=True)
class Scheduled:
    """One periodic job: what runs, how often, and how the arq worker treats it."""

    name: str
    """The job's name in `market.background.jobs.JOBS`, as `enqueue` and arq know it."""
    period_s: int
    """Seconds between runs: a divisor of 60, or whole minutes dividing an hour, so arq can fire it on the clock."""
    offset_s: int = 0
    """Where in each period the arq cron fires (seconds past the period's start); the runner ignores it."""
    run_at_startup: bool = False
    """Run once as soon as a worker (or the in-process runner) starts, instead of after the first period."""
    unique: bool = True
    """arq: one run per firing across all workers."""

    def __post_init__(self) -> None:
        """Refuse an unknown job, and a period arq's cron cannot express as an even beat."""
        if self.name not in JOBS:
            raise ValueError(f"{self.name}: not a job in market.background.jobs.JOBS")
        beats_a_minute = 0 < self.period_s <= 60 and 60 % self.period_s == 0
        beats_an_hour = self.period_s > 60 and self.period_s % 60 == 0 and 3600 % self.period_s == 0
        if not (beats_a_minute or beats_an_hour):
            raise ValueError(f"{self.name}: period {self.period_s} s neither divides a minute nor an hour in minutes")
        if not 0 <= self.offset_s < self.period_s:
            raise ValueError(f"{self.name}: offset {self.offset_s} s must lie within the period")

    @property
    def function(self) -> Callable[[dict[str, Any]], Awaitable[int]]:
        """The job function."""
        return JOBS[self.name]

    def cron_times(self) -> CronTimes:
        """arq `cron(...)` keyword arguments (`second`, `minute`) that fire every `period_s`, `offset_s` in."""
        if self.period_s <= 60:
            return {"minute": None, "second": {s for s in range(60) if s % self.period_s == self.offset_s}}
        minutes = self.period_s // 60
        return {"minute": {m for m in range(60) if m % minutes == self.offset_s // 60},
                "second": {self.offset_s % 60}}


SCHEDULE: tuple[Scheduled, ...] = (
    Scheduled("dispatch_outbox", period_s=5, run_at_startup=True),
    Scheduled("scan_notices", period_s=30),
    Scheduled("recover_contracts", period_s=60, offset_s=15),
    Scheduled("prune_matching_changes", period_s=600, offset_s=3 * 60 + 45),
    Scheduled("scan_cases", period_s=300, offset_s=2 * 60 + 20),
    Scheduled("scan_wages", period_s=60, offset_s=40),
    Scheduled("send_job_alerts", period_s=30, offset_s=10),
    Scheduled("grade_employers", period_s=3600, offset_s=17 * 60 + 30),
    Scheduled("suggest_courses", period_s=3600, offset_s=41 * 60 + 10),
)
"""Every periodic job. Enqueues (nudges) run a job sooner; these runs find whatever is due without them."""
