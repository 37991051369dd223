"""Keeping the figures' tables true: a day touched by an event is marked stale, and the next reader rebuilds it from
the jobs starting that day and their orders (so a late payment or a no-show corrects the day it belongs to)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from piccolo.engine.postgres import PostgresEngine

from market.core.database import current_engine, write_transaction
from market.jobs.tables import Job, JobStatus
from market.orders.tables import Order, OrderStatus
from market.stats.sites import StationSite, day_bounds, day_of, load_stations, nearest, trade_of
from market.stats.tables import DayFigures, JobFigures, StaleDay

__all__ = ["mark_stale", "mark_stale_jobs", "rebuild_all", "refresh_stale"]

_CAME_DUE = frozenset({OrderStatus.checked_in, OrderStatus.completed, OrderStatus.paid, OrderStatus.confirmed,
                       OrderStatus.no_show})
_LOCK = "SELECT pg_advisory_xact_lock(1414)"


async def mark_stale(days: Iterable[str]) -> None:
    """Note that these local days changed (inside the writer's unit of work)."""
    rows = [StaleDay(day=day) for day in sorted(set(days))]
    if rows:
        await StaleDay.insert(*rows)


async def mark_stale_jobs(job_ids: Iterable[int]) -> None:
    """Note that the days these jobs start on changed."""
    ids = list(set(job_ids))
    days: set[str] = set()
    for start in range(0, len(ids), 500):
        rows = await Job.select(Job.starts_at).where(Job.id.is_in(ids[start:start + 500]))
        days.update(day_of(r["starts_at"]) for r in rows)
    await mark_stale(days)


def _job_facts(job: dict[str, Any], orders: list[dict[str, Any]], site: StationSite | None) -> dict[str, Any]:
    live = [o for o in orders if o["status"] != OrderStatus.cancelled]
    full = bool(live) and len(live) >= job["headcount"]
    last = max((o["accepted_at"] for o in live), default=None)
    return {
        "job": job["id"], "day": day_of(job["starts_at"]), "starts_at": job["starts_at"],
        "station": site.id if site else None, "district": site.district if site else "",
        "trade": trade_of(str(job["skills"][0])) if job["skills"] else "",
        "cancelled": job["status"] == JobStatus.cancelled, "headcount": job["headcount"],
        "filled_before_start": sum(1 for o in live if o["accepted_at"] < job["starts_at"]), "deals": len(live),
        "seconds_to_fill": max(0, int((last - job["created_at"]).total_seconds())) if full and last else None,
        "_orders": live, "_cancelled_orders": len(orders) - len(live)}


def _add(sums: dict[str, int], facts: dict[str, Any]) -> None:
    live = facts["_orders"]
    paid = [o for o in live if o["paid_at"] is not None]
    values = {
        "jobs": 1, "jobs_cancelled": int(facts["cancelled"]),
        "places": 0 if facts["cancelled"] else facts["headcount"],
        "filled_before_start": 0 if facts["cancelled"] else facts["filled_before_start"],
        "jobs_filled": int(facts["seconds_to_fill"] is not None), "deals": len(live),
        "orders_cancelled": facts["_cancelled_orders"],
        "came_due": sum(1 for o in live if o["status"] in _CAME_DUE),
        "no_shows": sum(1 for o in live if o["status"] == OrderStatus.no_show),
        "contracts": sum(1 for o in live if o["contract_status"] == "issued"),
        "agreed_fen": sum(o["agreed_pay_fen"] for o in live), "paid": len(paid),
        "paid_fen": sum(o["paid_amount_fen"] if o["paid_amount_fen"] is not None else o["agreed_pay_fen"]
                        for o in paid),
        "paid_on_time": sum(1 for o in paid if o["paid_at"] <= o["pay_due_at"])}
    for name, value in values.items():
        sums[name] = sums.get(name, 0) + value


def _day_row(day: str, key: tuple[int | None, str, str], values: dict[str, int]) -> dict[str, Any]:
    return {"day": day, "station": key[0], "district": key[1], "trade": key[2], **values}


async def _rebuild_day(day: str, stations: list[StationSite]) -> None:
    since, until = day_bounds(date.fromisoformat(day), date.fromisoformat(day))
    jobs = await Job.select(Job.id, Job.skills, Job.lat, Job.lon, Job.headcount, Job.status, Job.created_at,
                            Job.starts_at).where((Job.starts_at >= since) & (Job.starts_at < until)).output(
        load_json=True)
    orders: dict[int, list[dict[str, Any]]] = {}
    ids = [j["id"] for j in jobs]
    for start in range(0, len(ids), 2000):
        for row in await Order.select(
                Order.job, Order.status, Order.accepted_at, Order.paid_at, Order.pay_due_at, Order.agreed_pay_fen,
                Order.paid_amount_fen, Order.contract_status).where(Order.job.is_in(ids[start:start + 2000])):
            orders.setdefault(row["job"], []).append(row)
    facts = [_job_facts(j, orders.get(j["id"], []), nearest(stations, j["lat"], j["lon"])) for j in jobs]
    groups: dict[tuple[int | None, str, str], dict[str, int]] = {}
    for fact in facts:
        _add(groups.setdefault((fact["station"], fact["district"], fact["trade"]), {}), fact)
    await JobFigures.delete().where(JobFigures.day == day)
    await DayFigures.delete().where(DayFigures.day == day)
    rows = [JobFigures(**{k: v for k, v in f.items() if not k.startswith("_")}) for f in facts]
    for start in range(0, len(rows), 1000):
        await JobFigures.insert(*rows[start:start + 1000])
    sums = [DayFigures(**_day_row(day, key, values))
            for key, values in groups.items()]
    for start in range(0, len(sums), 1000):
        await DayFigures.insert(*sums[start:start + 1000])


async def refresh_stale() -> int:
    """Rebuild every day marked stale (one unit of work per day, one rebuilder at a time); the days rebuilt."""
    days = sorted({r["day"] for r in await StaleDay.select(StaleDay.day)})
    if not days:
        return 0
    stations = await load_stations()
    rebuilt = 0
    for day in days:
        async with write_transaction():
            if isinstance(current_engine(), PostgresEngine):
                await StaleDay.raw(_LOCK)
            seen = [r["id"] for r in await StaleDay.select(StaleDay.id).where(StaleDay.day == day)]
            if not seen:
                continue  # another reader rebuilt it meanwhile
            await StaleDay.delete().where(StaleDay.id.is_in(seen))
            await _rebuild_day(day, stations)
            rebuilt += 1
    return rebuilt


async def rebuild_all() -> int:
    """Mark every day that has a job stale and rebuild them all (after a bulk load, or a change of stations)."""
    async with write_transaction():
        await JobFigures.delete(force=True)
        await DayFigures.delete(force=True)
        days: set[str] = set()
        last = 0
        while True:
            rows = await Job.select(Job.id, Job.starts_at).where(Job.id > last).order_by(Job.id).limit(20000)
            if not rows:
                break
            days.update(day_of(r["starts_at"]) for r in rows)
            last = rows[-1]["id"]
        await mark_stale(days)
    return await refresh_stale()

