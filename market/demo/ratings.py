"""Rated history in the demo city: jobs worked over the last weeks and rated both ways, through the real services.

Some workers get enough ratings to show averages and top tags, one has a no-show that stands, one is left new; two
employers get ratings from their workers and a pay record; two ratings are disputed (one by a worker, one by an
employer) and wait in the staff's queue. The demo worker and the demo employer share one order
completed yesterday and not yet rated, so both sides can try rating at `linggong up`. The market clock is moved
back to when each thing happened and forward again by exactly as much.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import msgspec

from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.core import clock
from market.demo.city import DemoCity
from market.demo.city_places import STATION_SPECS
from market.demo.wages import CASE_STORY_EMPLOYERS, CASE_STORY_WORKERS, UNPAID_JOBS
from market.jobs.schemas import JobCreate
from market.jobs.services import create_job
from market.orders import lifecycle
from market.orders.accepting import accept_job
from market.orders.schemas import AcceptIn, PaidIn
from market.reputation.objections import object_to_rating
from market.reputation.ratings import give_rating
from market.reputation.schemas import RatingCreate

__all__ = ["RATED_EMPLOYERS", "RATED_JOBS", "RATED_WORKERS", "seed_ratings"]


@dataclass(frozen=True)
class _Deal:
    """One past order: `days_ago` it was worked, by worker `worker` for employer `employer` (indexes into the rated
    people), what each side gave (stars, tags; 0: no rating), or a no-show instead."""

    days_ago: int
    worker: int
    employer: int
    by_employer: tuple[int, tuple[str, ...]] = (0, ())
    by_worker: tuple[int, tuple[str, ...]] = (0, ())
    no_show: bool = False
    paid_late: bool = False
    objection: tuple[str, str] | None = None
    """The rated side (`worker`/`employer`) objecting to the rating about them, and why: left for staff to decide."""


RATED_EMPLOYERS = 2
RATED_WORKERS = 4
_DEALS: tuple[_Deal, ...] = (
    # worker 0: reliable and liked (4 jobs, 4 ratings)
    _Deal(60, 0, 0, (5, ("准时", "手艺好")), (5, ("工钱爽快", "按时结算"))),
    _Deal(45, 0, 1, (5, ("手艺好", "肯干")), (4, ("活儿说得清",))),
    _Deal(30, 0, 0, (4, ("准时",)), (5, ("工钱爽快",))),
    _Deal(12, 0, 1, (5, ("准时", "手艺好")), (3, ()), paid_late=True),
    # worker 1: three jobs rated so-so, and one no-show that stands
    _Deal(50, 1, 0, (3, ("肯干",)), (4, ("按时结算",))),
    _Deal(35, 1, 1, (4, ("肯干",)), (2, ()), paid_late=True),
    _Deal(20, 1, 0, (3, ()), (5, ("工钱爽快",)), objection=("worker", "那天下大雨，是老板让提前收工的，不是我偷懒")),
    _Deal(8, 1, 1, no_show=True),
    # worker 2: new, one job and one rating (no average shown)
    _Deal(10, 2, 0, (5, ("细心",)), (3, ()), objection=("employer", "工钱当天就结清了，工人说的不属实")),
    # worker 3: new, one no-show
    _Deal(5, 3, 1, no_show=True),
)

RATED_JOBS = len(_DEALS) + 1
"""Jobs this module posts (each worked by one person): the rated deals and the demo logins' unrated order."""


async def _people(phones: list[str]) -> list[CurrentUser]:
    rows = {r["phone"]: r for r in await User.select(User.id, User.role, User.name, User.phone).where(
        User.phone.is_in(phones))}
    return [CurrentUser(id=rows[p]["id"], role=rows[p]["role"], name=rows[p]["name"], phone=p) for p in phones]


async def _work(deal: _Deal, employer: CurrentUser, worker: CurrentUser, place: int, title: str) -> None:
    """Post the job two hours before its start, as it was then; take it; complete (pay, rate) or record a no-show."""
    hours = 8
    back = timedelta(days=deal.days_ago, hours=2)
    station = STATION_SPECS[0]
    clock.shift(-back)
    moved = back
    try:
        start = clock.now() + timedelta(hours=2)
        job = await create_job(msgspec.convert({
            "title": title, "skills": ["普工"], "headcount": 1,
            "location": {"lat": station.lat - 0.001 * place, "lon": station.lon + 0.001 * place,
                         "address": f"漳州市{station.area}延安北路{200 + place}号"},
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=hours)).isoformat(),
            "pay": {"amount_fen": 22000, "unit": "day"}, "pay_due_hours": 24,
            "description": "演示数据：已完工并互评"}, JobCreate), employer)
        order_id = (await accept_job(job.id, worker, AcceptIn(), None)).order.id
        step = timedelta(hours=hours + 2, minutes=5) if not deal.no_show else timedelta(hours=3, minutes=5)
        clock.shift(step)
        moved -= step
        if deal.no_show:
            await lifecycle.record_no_show(order_id, employer, "演示：人没来，电话不接")
            return
        await lifecycle.complete(order_id, employer, "")
        for rater, (stars, tags) in ((employer, deal.by_employer), (worker, deal.by_worker)):
            if stars:
                await give_rating(order_id, rater, RatingCreate(stars=stars, tags=list(tags)))
        if deal.objection is not None:  # the rated side disputes it at once: staff find it in their queue
            side, reason = deal.objection
            await object_to_rating(order_id, worker if side == "worker" else employer, reason)
        pay_after = timedelta(days=3) if deal.paid_late else timedelta(hours=1)
        clock.shift(pay_after)
        moved -= pay_after
        await lifecycle.mark_paid(order_id, employer, PaidIn(amount_fen=22000))
    finally:
        clock.shift(moved)


async def _unrated_for_the_demo_logins(city: DemoCity) -> None:
    """The demo employer and worker: one order worked yesterday, completed, not yet rated by either side."""
    employer, worker = await _people([city.employers[0].phone, city.workers[0].phone])
    await _work(_Deal(1, 0, 0), employer, worker, 11, "仓库整理打包")


async def seed_ratings(city: DemoCity) -> int:
    """Give the rated people their history (after the case stories' and the unpaid warnings' people); how many
    orders were written (0 for a city too small)."""
    skip_e = CASE_STORY_EMPLOYERS + len(UNPAID_JOBS)
    skip_w = CASE_STORY_WORKERS + sum(spec.workers for spec in UNPAID_JOBS)
    if len(city.employers) < skip_e + RATED_EMPLOYERS or len(city.workers) < skip_w + RATED_WORKERS:
        return 0
    employers = await _people([e.phone for e in city.employers[skip_e:skip_e + RATED_EMPLOYERS]])
    workers = await _people([w.phone for w in city.workers[skip_w:skip_w + RATED_WORKERS]])
    for place, deal in enumerate(_DEALS):
        await _work(deal, employers[deal.employer], workers[deal.worker], place, "小区绿化搬运")
    await _unrated_for_the_demo_logins(city)
    return RATED_JOBS
