"""Employers' and workers' acts, each through the service function the API calls: post, look at the radar and
accept, check in, cancel, record a no-show, complete, pay (on time, late, short or never by honesty), confirm, and
complain about unpaid or short wages."""

from __future__ import annotations

import functools
from datetime import datetime, time, timedelta

import msgspec

from market.core import clock
from market.core.database import batched_reads
from market.core.errors import MarketError
from market.core.zone import local, market_zone
from market.demo.city import generate_jobs
from market.jobs.listing import JobFilter
from market.jobs.schemas import JobCreate
from market.jobs.services import create_job
from market.orders import lifecycle
from market.orders.accepting import accept_job
from market.orders.schemas import AcceptIn, CancelIn, CheckInIn, ConfirmPaymentIn, PaidIn
from market.orders.tables import Order, OrderStatus
from market.ranking.services import browse_jobs
from market.settings import get_settings
from market.simulation.context import Sim
from market.simulation.population import SimEmployer, SimWorker

__all__ = ["pay", "plan_order", "post_a_job", "schedule_day", "worker_looks"]


async def _service(sim: Sim, call: object) -> bool:
    """Await a service call; a refusal (409 full, a clash, a state that moved on) is tallied, not raised."""
    try:
        await call  # type: ignore[misc]
    except MarketError as exc:
        sim.refused[exc.code] += 1
        return False
    return True


def schedule_day(sim: Sim, day: datetime) -> None:
    """At local midnight: when each employer posts and each worker opens the radar today (stable order)."""
    b, zone = sim.behaviour, market_zone()
    for employer in sim.city.employers:
        posts = sum(1 for _ in range(3) if sim.demand.random() < employer.jobs_per_day / 3)
        for _ in range(posts):
            hour = time(sim.demand.choice(b.post_hours), sim.demand.randrange(60))
            when = datetime.combine(local(day).date(), hour, zone)
            sim.at(when, functools.partial(post_a_job, sim, employer))
    for worker in sim.city.workers:
        if sim.demand.random() < worker.keenness:
            hour = time(sim.demand.choice(b.browse_hours), sim.demand.randrange(60))
            when = datetime.combine(local(day).date(), hour, zone)
            sim.at(when, functools.partial(worker_looks, sim, worker))


async def post_a_job(sim: Sim, employer: SimEmployer) -> None:
    """The employer posts one job of its trades, at its place (or a site), starting a day or three from now."""
    now = clock.now()
    (job,) = generate_jobs(1, [employer.firm], sim.demand, now)
    zone = market_zone()
    lead = sim.demand.choice(sim.behaviour.lead_days)
    start_local = datetime.combine(local(now).date() + timedelta(days=lead), local(job.starts_at).timetz(), zone)
    starts_at = start_local.astimezone(job.starts_at.tzinfo)
    ends_at = starts_at + (job.ends_at - job.starts_at)
    data = msgspec.convert({
        "title": job.title, "skills": list(job.skills), "headcount": job.headcount, "description": job.description,
        "location": {"lat": job.place.lat, "lon": job.place.lon, "address": job.place.address},
        "starts_at": starts_at.isoformat(), "ends_at": ends_at.isoformat(),
        "pay": {"amount_fen": job.pay.amount_fen, "unit": job.pay.unit}, "pay_due_hours": job.pay_due_hours},
        JobCreate)
    try:
        posted = await create_job(data, employer.user)
    except MarketError as exc:
        sim.refused[exc.code] += 1
        return
    await sim.fire("job_posted", job_id=posted.id, employer=employer)


def _chance(sim: Sim, score: float | None) -> float:
    b = sim.behaviour
    return min(0.95, b.accept_base + b.accept_per_score * max(0.0, min(1.0, score or 0.0)))


async def worker_looks(sim: Sim, worker: SimWorker, first: int | None = None) -> bool:
    """The worker opens the radar (`GET /api/jobs` ranked by fit) and takes at most one job, by its score; `first`
    (a job they were alerted to) is considered first when the radar shows it. Whether they took one."""
    wanted = JobFilter(lat=None, lon=None, radius_km=None, skill=None, q=None, mine=False)
    async with batched_reads():  # the radar only reads: one SQLite connection for its queries
        page = await browse_jobs(sim.matching, worker.user, wanted, sim.behaviour.radar_page, 0)
    sim.counts["radar looks"] += 1
    sim.counts["radar jobs seen"] += len(page.items)
    items = sorted(page.items, key=lambda job: job.id != first) if first is not None else page.items
    for job in items[:sim.behaviour.accept_tries]:
        if sim.rng.random() >= _chance(sim, job.score):
            continue
        try:
            result = await accept_job(job.id, worker.user, AcceptIn(), None)
        except MarketError as exc:
            sim.refused[exc.code] += 1
            continue
        order = result.order
        sim.counts["radar accepts"] += 1
        if job.id == first:
            sim.counts["alerted jobs taken"] += 1
        plan_order(sim, order.id, worker, sim.employers_by_id[job.employer.id], order.starts_at, order.ends_at,
                   (job.location.lat, job.location.lon))
        return True
    return False


def plan_order(sim: Sim, order_id: int, worker: SimWorker, employer: SimEmployer, starts_at: datetime,
               ends_at: datetime, site: tuple[float, float]) -> None:
    """Decide the order's fate now (one draw): a late cancel, the employer cancelling, a no-show, or the work."""
    b, draw, now = sim.behaviour, sim.rng.random(), clock.now()
    grace = timedelta(minutes=get_settings().no_show_grace_minutes)
    if draw < b.worker_late_cancel:
        when = max(now, starts_at - timedelta(minutes=sim.rng.randint(30, 6 * 60)))
        sim.at(when, lambda: _service(sim, lifecycle.cancel_order(order_id, worker.user, CancelIn(reason="临时有事"))))
    elif draw < b.worker_late_cancel + b.employer_cancel:
        when = max(now, starts_at - timedelta(minutes=sim.rng.randint(60, 20 * 60)))
        called_off = CancelIn(reason="活取消了")
        sim.at(when, lambda: _service(sim, lifecycle.cancel_order(order_id, employer.user, called_off)))
    elif draw < b.worker_late_cancel + b.employer_cancel + b.no_show:
        sim.at(starts_at + grace + timedelta(minutes=sim.rng.randint(30, 90)),
               lambda: _service(sim, lifecycle.record_no_show(order_id, employer.user, "人没来")))
    else:
        sim.at(starts_at - timedelta(minutes=sim.rng.randint(0, 30)),
               lambda: _service(sim, lifecycle.check_in(order_id, worker.user, CheckInIn(lat=site[0], lon=site[1]))))
        sim.at(ends_at + timedelta(minutes=sim.rng.randint(0, 120)), lambda: _complete(sim, order_id, worker, employer))


async def _complete(sim: Sim, order_id: int, worker: SimWorker, employer: SimEmployer) -> None:
    """The employer confirms the work, then pays by its honesty: on time, late in full, short, or never."""
    if not await _service(sim, lifecycle.complete(order_id, employer.user, "")):
        return
    await sim.fire("order_completed", order_id=order_id, worker=worker, employer=employer)
    row = await Order.select(Order.pay_due_at, Order.agreed_pay_fen).where(Order.id == order_id).first()
    assert row is not None
    due, agreed, now, b = row["pay_due_at"], row["agreed_pay_fen"], clock.now(), sim.behaviour
    draw, slack = sim.rng.random(), 1 - employer.honesty
    on_time_at = now + (max(due - now, timedelta(0)) * sim.rng.random())
    if draw < employer.honesty:
        sim.at(on_time_at, lambda: pay(sim, order_id, worker, employer, agreed))
    elif draw < employer.honesty + slack * b.late_share:
        sim.at(due + sim.between(b.late_pay_delay), lambda: pay(sim, order_id, worker, employer, agreed))
    elif draw < employer.honesty + slack * (b.late_share + b.short_share):
        share = sim.rng.uniform(*b.short_pay_share)
        sim.at(on_time_at, lambda: pay(sim, order_id, worker, employer, int(agreed * share) // 100 * 100))
    sim.at(due + sim.between(b.complain_after), lambda: _unpaid_check(sim, order_id, worker, agreed))


async def pay(sim: Sim, order_id: int, worker: SimWorker, employer: SimEmployer, amount_fen: int) -> bool:
    """The employer records a payment; the worker confirms it when in full, or complains about a short one."""
    row = await Order.select(Order.agreed_pay_fen, Order.status).where(Order.id == order_id).first()
    if row is None or row["status"] != OrderStatus.completed:
        return False
    note = "" if amount_fen == row["agreed_pay_fen"] else "扣了一部分"
    if not await _service(sim, lifecycle.mark_paid(order_id, employer.user, PaidIn(amount_fen=amount_fen, note=note))):
        return False
    if amount_fen >= row["agreed_pay_fen"]:
        sim.later(sim.between(sim.behaviour.confirm_delay), lambda: _confirm(sim, order_id, worker))
    return True


async def _confirm(sim: Sim, order_id: int, worker: SimWorker) -> None:
    if await _service(sim, lifecycle.confirm_payment(order_id, worker.user, ConfirmPaymentIn())):
        await sim.fire("order_confirmed", order_id=order_id, worker=worker)


async def _unpaid_check(sim: Sim, order_id: int, worker: SimWorker, agreed: int) -> None:
    """Some days past the pay-by time: unpaid or paid short, the worker may complain (a case opens or joins)."""
    row = await Order.select(Order.status, Order.paid_amount_fen).where(Order.id == order_id).first()
    assert row is not None
    b = sim.behaviour
    if row["status"] == OrderStatus.completed and sim.rng.random() < b.complain_unpaid:
        await sim.fire("wages_owed", order_id=order_id, worker=worker, kind="unpaid", amount_fen=agreed)
    elif row["status"] == OrderStatus.paid and (row["paid_amount_fen"] or 0) < agreed and (
            sim.rng.random() < b.complain_short):
        await sim.fire("wages_owed", order_id=order_id, worker=worker, kind="underpaid",
                       amount_fen=agreed - (row["paid_amount_fen"] or 0))
