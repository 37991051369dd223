"""The figures' own tables, derived from jobs and orders and recomputed a day at a time (docs/figures.md).

A job and its orders belong to the day the work starts (in the market's zone), so one day's rows are rebuilt from
the jobs starting that day; `stats_stale_days` lists the days an event touched since they were last rebuilt.
"""

from piccolo.columns import BigInt, Boolean, Integer, Serial, Timestamptz, Varchar
from piccolo.table import Table

__all__ = ["DayFigures", "JobFigures", "StaleDay"]


class JobFigures(Table, tablename="stats_jobs"):
    """One job's facts as the figures count them: where (station, district), what trade, and what came of it."""

    id: Serial
    job = Integer(unique=True)
    day = Varchar(length=10, index=True)
    """The local day the work starts, `YYYY-MM-DD`."""
    starts_at = Timestamptz(index=True)
    station = Integer(null=True, default=None)
    """The station that serves the site (the nearest); None when the city had none."""
    district = Varchar(length=50, default="")
    trade = Varchar(length=40, default="")
    """The trade code of the job's first skill (`matching` taxonomy), or "" when it names none."""
    cancelled = Boolean(default=False)
    headcount = Integer(default=0)
    filled_before_start = Integer(default=0)
    deals = Integer(default=0)
    seconds_to_fill = Integer(null=True, default=None)
    """Posting to the last place taken, for a job whose every place was taken; else None."""


class DayFigures(Table, tablename="stats_days"):
    """The sums of one day's jobs and orders for one station, district and trade: what the console adds up."""

    id: Serial
    day = Varchar(length=10, index=True)
    station = Integer(null=True, default=None)
    district = Varchar(length=50, default="")
    trade = Varchar(length=40, default="")
    jobs = Integer(default=0)
    jobs_cancelled = Integer(default=0)
    places = Integer(default=0)
    filled_before_start = Integer(default=0)
    jobs_filled = Integer(default=0)
    deals = Integer(default=0)
    orders_cancelled = Integer(default=0)
    came_due = Integer(default=0)
    """Deals whose work day came: checked in, completed, paid, confirmed or no-show (the no-show rate's base)."""
    no_shows = Integer(default=0)
    contracts = Integer(default=0)
    agreed_fen = BigInt(default=0)
    paid = Integer(default=0)
    paid_fen = BigInt(default=0)
    paid_on_time = Integer(default=0)


class StaleDay(Table, tablename="stats_stale_days"):
    """A day an event touched (one row per touch, never updated): the next reader rebuilds it and deletes the rows
    it saw, so a touch committed while a rebuild runs stays for the next one."""

    id: Serial
    day = Varchar(length=10, index=True)
