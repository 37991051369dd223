"""Every probability and delay the simulated people act by, in one place (docs/simulation.md lists them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

__all__ = ["BEHAVIOUR", "Behaviour"]


@dataclass(frozen=True)
class Behaviour:
    """How the simulated city behaves; the defaults are `BEHAVIOUR`."""

    post_hours: tuple[int, ...] = (7, 8, 8, 9, 9, 10, 11, 13, 14, 15, 16, 17, 19, 20)
    """Local hours employers post at (repeats weigh an hour)."""
    lead_days: tuple[int, ...] = (1, 1, 1, 2, 2, 3)
    """Days between posting and the start."""
    browse_hours: tuple[int, ...] = (6, 7, 7, 8, 12, 12, 13, 18, 19, 20, 20, 21, 22)
    """Local hours workers open the radar at."""
    radar_page: int = 10
    """Jobs a worker looks at on the radar."""
    accept_base: float = 0.10
    accept_per_score: float = 0.60
    """A worker takes a job on the radar with chance base + per_score × score (score 0–1), trying the best first."""
    accept_tries: int = 5
    """At most this many of the top jobs are considered per look."""
    worker_late_cancel: float = 0.04
    employer_cancel: float = 0.02
    no_show: float = 0.05
    """Per order: the worker cancels late, the employer cancels, the worker does not come."""
    confirm_delay: tuple[timedelta, timedelta] = (timedelta(minutes=30), timedelta(hours=12))
    late_pay_delay: tuple[timedelta, timedelta] = (timedelta(days=1), timedelta(days=6))
    short_pay_share: tuple[float, float] = (0.5, 0.9)
    late_share: float = 0.5
    short_share: float = 0.25
    """Of an employer's (1 − honesty) chance of not paying on time: late in full, short, and (the rest) never."""
    complain_unpaid: float = 0.75
    complain_short: float = 0.8
    complain_after: tuple[timedelta, timedelta] = (timedelta(days=1), timedelta(days=4))
    """A worker unpaid this long after the pay-by time complains with `complain_unpaid`."""
    assign_delay: tuple[timedelta, timedelta] = (timedelta(hours=2), timedelta(days=2))
    note_delay: tuple[timedelta, timedelta] = (timedelta(days=1), timedelta(days=3))
    close_delay: tuple[timedelta, timedelta] = (timedelta(days=1), timedelta(days=7))
    pays_when_pressed_base: float = 0.3
    pays_when_pressed_per_honesty: float = 0.6
    """After the clerk's call, the employer pays what is owed with chance base + per_honesty × honesty."""
    alert_opt_in: float = 0.6
    """Share of workers who turned job alerts on (in the app's inbox); the rest never get one."""
    alert_quiet_share: float = 0.4
    """Of those, the share with quiet hours 22:00–07:00."""
    alert_opens: float = 0.6
    alert_open_delay: tuple[timedelta, timedelta] = (timedelta(minutes=2), timedelta(hours=2))
    """A worker opens an alert they were sent with this chance, this long after it came: a radar look with the
    alerted job considered first."""
    scan_every: timedelta = timedelta(hours=1)
    """The background jobs (wage watch, case clocks, reminders, contract recovery) run this often."""


BEHAVIOUR = Behaviour()
