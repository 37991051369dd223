"""Unpaid wages in the demo city: orders worked weeks, days and hours ago and never paid, so the warning board shows
a red, a yellow and a blue warning at `linggong up` (and a supervisor login to see them all).

The jobs are posted, taken and completed through the real services with the market clock moved back to when they
happened (and moved forward again by exactly as much), then the pay-by watch runs once, now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import msgspec

from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core import clock
from market.core.passwords import hash_password
from market.demo.city import DEMO_PASSWORD, DemoCity
from market.demo.city_places import STATION_SPECS
from market.jobs.schemas import JobCreate
from market.jobs.services import create_job
from market.orders import lifecycle
from market.orders.accepting import accept_job
from market.orders.schemas import AcceptIn
from market.wages.watch import scan_wages

__all__ = ["CASE_STORY_EMPLOYERS", "CASE_STORY_WORKERS", "DEMO_SUPERVISOR_NAME", "DEMO_SUPERVISOR_PHONE", "UNPAID_JOBS",
           "ensure_demo_supervisor", "seed_wage_warnings"]

DEMO_SUPERVISOR_PHONE = "13800000004"
DEMO_SUPERVISOR_NAME = "王建华"


@dataclass(frozen=True)
class _Unpaid:
    """One job that went unpaid: its pay-by time this long ago, so many workers, this day rate."""

    due_ago: timedelta
    workers: int
    title: str
    skill: str
    day_rate_fen: int


UNPAID_JOBS: tuple[_Unpaid, ...] = (
    _Unpaid(timedelta(days=14), 2, "工地砌墙抹灰", "泥瓦工", 35000),   # red: many working days late
    _Unpaid(timedelta(days=6), 1, "仓库货物搬运", "搬运工", 22000),    # yellow: a few working days late
    _Unpaid(timedelta(hours=5), 1, "新房保洁开荒", "保洁员", 20000),   # blue: the pay-by time just passed
)
"""The jobs worked and left unpaid, beside the city's open jobs (their places are all taken)."""


def _user(row: dict[str, object]) -> CurrentUser:
    return CurrentUser(id=int(row["id"]), role=str(row["role"]), name=str(row["name"]),  # type: ignore[call-overload]
                       phone=str(row["phone"]))


async def _people(phones: list[str]) -> list[CurrentUser]:
    rows = {r["phone"]: r for r in await User.select(User.id, User.role, User.name, User.phone).where(
        User.phone.is_in(phones))}
    return [_user(rows[phone]) for phone in phones]


async def _work_unpaid(spec: _Unpaid, employer: CurrentUser, workers: list[CurrentUser], place: int) -> None:
    """Post the job two hours before its start, as it was then; take and complete it; leave it unpaid."""
    hours, pay_due_hours = 8, 24
    back = spec.due_ago + timedelta(hours=pay_due_hours + hours + 2)
    station = STATION_SPECS[0]
    start = clock.now() - back + timedelta(hours=2)
    clock.shift(-back)
    try:
        job = await create_job(msgspec.convert({
            "title": spec.title, "skills": [spec.skill], "headcount": spec.workers,
            "location": {"lat": station.lat + 0.002 * place, "lon": station.lon - 0.002 * place,
                         "address": f"漳州市{station.area}胜利西路{100 + place}号"},
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=hours)).isoformat(),
            "pay": {"amount_fen": spec.day_rate_fen, "unit": "day"}, "pay_due_hours": pay_due_hours,
            "description": "演示数据：已完工，工资逾期未付"}, JobCreate), employer)
        orders = [(await accept_job(job.id, worker, AcceptIn(), None)).order.id for worker in workers]
        clock.shift(timedelta(hours=hours + 2, minutes=5))
        for order_id in orders:
            await lifecycle.complete(order_id, employer, "")
    finally:
        clock.shift(back - timedelta(hours=hours + 2, minutes=5))


CASE_STORY_EMPLOYERS = 4
CASE_STORY_WORKERS = 6
"""The first employers and workers of the demo city tell the case stories (`market.demo.cases`): the warnings'
unpaid jobs go to the next ones, so each story stays its own."""


async def ensure_demo_supervisor() -> None:
    """The demo's labour-bureau login (`DEMO_SUPERVISOR_PHONE`), made once."""
    await User.insert(User(phone=DEMO_SUPERVISOR_PHONE, name=DEMO_SUPERVISOR_NAME, role=Role.supervisor,
                           password_hash=hash_password(DEMO_PASSWORD))).on_conflict(action="DO NOTHING")


async def seed_wage_warnings(city: DemoCity) -> int:
    """Leave three employers' wages unpaid (red, yellow, blue) and run the watch; the demo supervisor can log in.
    How many warnings were raised (0 for a city too small to show them)."""
    needed = sum(spec.workers for spec in UNPAID_JOBS)
    skip_e, skip_w = (CASE_STORY_EMPLOYERS, CASE_STORY_WORKERS) if len(city.employers) >= CASE_STORY_EMPLOYERS + len(
        UNPAID_JOBS) and len(city.workers) >= CASE_STORY_WORKERS + needed else (0, 0)
    if len(city.employers) < len(UNPAID_JOBS) or len(city.workers) < needed:
        return 0
    await ensure_demo_supervisor()
    employers = await _people([e.phone for e in city.employers[skip_e:skip_e + len(UNPAID_JOBS)]])
    workers = await _people([w.phone for w in city.workers[skip_w:skip_w + needed]])
    taken = 0
    for place, (spec, employer) in enumerate(zip(UNPAID_JOBS, employers, strict=True)):
        await _work_unpaid(spec, employer, workers[taken:taken + spec.workers], place)
        taken += spec.workers
    return await scan_wages()
