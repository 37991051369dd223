"""Keeping the figures' tables true: a job touched by an event is marked stale, and the next reader recounts it from
its orders, then re-adds the days it sits on (so a late payment or a no-show corrects the day it belongs to)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from piccolo.engine.postgres import PostgresEngine

from market.core.database import current_engine, write_transaction
from market.jobs.tables import Job, JobStatus
from market.orders.tables import Order, OrderStatus
from market.stats.sites import StationSite, day_of, load_stations, trade_of
from market.stats.tables import DayFigures, JobFigures, StaleJob
from matching.geo import local_km_many

__all__ = ["BATCH", "mark_stale_jobs", "rebuild_all", "refresh_stale"]

BATCH = 5000
"""Jobs recounted per unit of work."""
_CAME_DUE = frozenset({OrderStatus.checked_in, OrderStatus.completed, OrderStatus.paid, OrderStatus.confirmed,
                       OrderStatus.no_show})
_LOCK = "SELECT pg_advisory_xact_lock(1414)"
_SUMS = ("jobs_cancelled", "places", "filled_before_start", "jobs_filled", "deals", "orders_cancelled", "came_due",
         "no_shows", "contracts", "agreed_fen", "paid", "paid_fen", "paid_on_time")
_TOTALS = ", ".join(["COUNT(*)", "SUM(CASE WHEN cancelled THEN 1 ELSE 0 END)", *(f"SUM({c})" for c in _SUMS[1:])])
_ADD_DAYS = (f"INSERT INTO stats_days (day, station, district, trade, jobs, {', '.join(_SUMS)}) "  # noqa: S608
             f"SELECT day, station, district, trade, {_TOTALS} FROM stats_jobs WHERE day IN ({{days}}) "
             "GROUP BY day, station, district, trade")
"""Re-adds the days given (as placeholders): the column names are this module's constants, the days parameters."""


async def mark_stale_jobs(job_ids: Iterable[int]) -> None:
    """Note that these jobs (or their orders) changed, inside the writer's unit of work."""
    rows = [StaleJob(job=job_id) for job_id in sorted(set(job_ids))]
    for start in range(0, len(rows), 1000):
        await StaleJob.insert(*rows[start:start + 1000])


def _nearest(stations: list[StationSite], jobs: list[dict[str, Any]]) -> list[StationSite | None]:
    if not stations or not jobs:
        return [None] * len(jobs)
    lats, lons = np.array([j["lat"] for j in jobs]), np.array([j["lon"] for j in jobs])
    distances = np.column_stack([local_km_many(s.lat, s.lon, lats, lons) for s in stations])
    return [stations[i] for i in distances.argmin(axis=1).tolist()]


def _facts(job: dict[str, Any], orders: list[dict[str, Any]], site: StationSite | None) -> dict[str, Any]:
    live = [o for o in orders if o["status"] != OrderStatus.cancelled]
    paid = [o for o in live if o["paid_at"] is not None]
    cancelled = job["status"] == JobStatus.cancelled
    last = max((o["accepted_at"] for o in live), default=None)
    full = bool(live) and len(live) >= job["headcount"] and last is not None and not cancelled
    before = sum(1 for o in live if o["accepted_at"] < job["starts_at"])
    return {
        "job": job["id"], "day": day_of(job["starts_at"]), "starts_at": job["starts_at"],
        "station": site.id if site else None, "district": site.district if site else "",
        "trade": trade_of(str(job["skills"][0])) if job["skills"] else "", "cancelled": cancelled,
        "headcount": job["headcount"], "places": 0 if cancelled else job["headcount"],
        "filled_before_start": 0 if cancelled else before, "jobs_filled": int(full), "deals": len(live),
        "orders_cancelled": len(orders) - len(live),
        "came_due": sum(1 for o in live if o["status"] in _CAME_DUE),
        "no_shows": sum(1 for o in live if o["status"] == OrderStatus.no_show),
        "contracts": sum(1 for o in live if o["contract_status"] == "issued"),
        "agreed_fen": sum(o["agreed_pay_fen"] for o in live), "paid": len(paid),
        "paid_fen": sum(o["paid_amount_fen"] if o["paid_amount_fen"] is not None else o["agreed_pay_fen"]
                        for o in paid),
        "paid_on_time": sum(1 for o in paid if o["paid_at"] <= o["pay_due_at"]),
        "seconds_to_fill": max(0, int((last - job["created_at"]).total_seconds())) if full and last else None}


async def _recount(job_ids: list[int], stations: list[StationSite]) -> None:
    jobs = await Job.select(Job.id, Job.skills, Job.lat, Job.lon, Job.headcount, Job.status, Job.created_at,
                            Job.starts_at).where(Job.id.is_in(job_ids)).output(load_json=True)
    orders: dict[int, list[dict[str, Any]]] = {}
    for row in await Order.select(Order.job, Order.status, Order.accepted_at, Order.paid_at, Order.pay_due_at,
                                  Order.agreed_pay_fen, Order.paid_amount_fen, Order.contract_status).where(
            Order.job.is_in(job_ids)):
        orders.setdefault(row["job"], []).append(row)
    facts = [_facts(j, orders.get(j["id"], []), site) for j, site in zip(jobs, _nearest(stations, jobs), strict=True)]
    days = {r["day"] for r in await JobFigures.select(JobFigures.day).where(JobFigures.job.is_in(job_ids))}
    days |= {f["day"] for f in facts}
    await JobFigures.delete().where(JobFigures.job.is_in(job_ids))
    rows = [JobFigures(**fact) for fact in facts]
    for start in range(0, len(rows), 1000):
        await JobFigures.insert(*rows[start:start + 1000])
    if days:
        await DayFigures.delete().where(DayFigures.day.is_in(sorted(days)))
        await DayFigures.raw(_ADD_DAYS.replace("{days}", ", ".join("{}" for _ in days)), *sorted(days))


async def refresh_stale() -> int:
    """Recount every job marked stale, `BATCH` per unit of work, one recounter at a time; the jobs recounted."""
    if not await StaleJob.exists():
        return 0
    stations = await load_stations()
    done = 0
    while True:
        async with write_transaction():
            if isinstance(current_engine(), PostgresEngine):
                await StaleJob.raw(_LOCK)
            seen = await StaleJob.select(StaleJob.id, StaleJob.job).order_by(StaleJob.id).limit(BATCH)
            if not seen:
                return done
            await StaleJob.delete().where(StaleJob.id.is_in([r["id"] for r in seen]))
            job_ids = sorted({r["job"] for r in seen})
            await _recount(job_ids, stations)
            done += len(job_ids)


async def rebuild_all() -> int:
    """Recount every job (after a bulk load written without events, or a change of stations), in the order of
    their days, so each batch re-adds only the few days its jobs sit on."""
    async with write_transaction():
        await StaleJob.raw("INSERT INTO stats_stale_jobs (job) SELECT id FROM jobs ORDER BY starts_at")  # by day
    return await refresh_stale()
