"""The figures' own tables, derived from jobs and orders and kept by job (docs/figures.md, "How they stay fast").

A job and its orders belong to the local day the work starts. `stats_jobs` holds each job's counts, `stats_days`
their sums per day × station × district × trade; `stats_stale_jobs` lists the jobs an event touched since they were
last counted, and the next reader recounts them and the days they sit on.
"""

from piccolo.columns import BigInt, Boolean, Integer, Serial, Timestamptz, Varchar
from piccolo.table import Table

__all__ = ["DayFigures", "JobFigures", "StaleJob"]


class JobFigures(Table, tablename="stats_jobs"):
    """One job's facts as the figures count them: where (station, district), what trade, and what came of it."""

    id: Serial
    job = Integer(unique=True)
    day = Varchar(length=10, index=True)
    """The local day the work starts, `YYYY-MM-DD`."""
    starts_at = Timestamptz()
    station = Integer(null=True, default=None)
    """The station that serves the site (the nearest); None when the city had none."""
    district = Varchar(length=50, default="")
    trade = Varchar(length=40, default="")
    """The trade code of the job's first skill (`matching` taxonomy), or "" when it names none."""
    cancelled = Boolean(default=False)
    headcount = Integer(default=0)
    places = Integer(default=0)
    """The headcount, 0 for a cancelled job."""
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
    seconds_to_fill = Integer(null=True, default=None)
    """Posting to the last place taken, for a job whose every place was taken; else None."""


class DayFigures(Table, tablename="stats_days"):
    """The sums of one day's jobs for one station, district and trade: what the console adds up."""

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
    no_shows = Integer(default=0)
    contracts = Integer(default=0)
    agreed_fen = BigInt(default=0)
    paid = Integer(default=0)
    paid_fen = BigInt(default=0)
    paid_on_time = Integer(default=0)


class StaleJob(Table, tablename="stats_stale_jobs"):
    """A job an event touched (one row per touch, never updated): the next reader recounts it and deletes the rows
    it saw, so a touch committed while a recount runs stays for the next one."""

    id: Serial
    job = Integer(index=True)
