"""Wage cases in the demo city: orders whose pay-by time has passed, complaints about them, and cases moved through
their states with the market clock, so `linggong up` shows open, overdue, joined and closed cases and a follow-up.

The orders are made through the real services (post, accept, complete, pay) with the clock set back; the cases
through the case service (`CaseService`, the names issue 12's backend provides). `seed_cases(city, cases)` is
called after `seed_city`, with `market.cases.services` (or a thin adapter to it) as `cases`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.core import clock
from market.core.schemas import LocationIn
from market.demo.city_models import DemoCity, DemoEmployer, DemoWorker
from market.demo.wages import CASE_STORY_EMPLOYERS, CASE_STORY_WORKERS, DEMO_SUPERVISOR_PHONE
from market.jobs.schemas import JobCreate, PayIn
from market.jobs.services import create_job
from market.orders.accepting import accept_job
from market.orders.lifecycle import complete, mark_paid
from market.orders.schemas import AcceptIn, PaidIn

__all__ = ["CASES_NEED_EMPLOYERS", "CASES_NEED_WORKERS", "CASE_STORY_JOBS", "CaseService", "DemoCases", "seed_cases"]

_DAY_PAY_FEN = 28000


CASE_STORY_JOBS = 6
"""Jobs the case stories work and leave unpaid or short-paid (each `_past_order`)."""
CASES_NEED_WORKERS = CASE_STORY_WORKERS
CASES_NEED_EMPLOYERS = CASE_STORY_EMPLOYERS
"""The smallest city the demo's case stories fit in."""


class CaseService(Protocol):
    """What the demo needs of the case service; each returns the case as `GET /api/cases/{id}` shows it (a dict
    with at least `id`), `file_complaint` returns `{"complaint": {...}, "case": {...}}`."""

    async def file_complaint(self, order_id: int, actor: CurrentUser, *, kind: str, amount_fen: int, note: str,
                             channel: str) -> dict[str, Any]:
        """A complaint about an order (joined into the open case of the same employer and pay period)."""

    async def assign_case(self, case_id: int, actor: CurrentUser, *, owner_id: int) -> dict[str, Any]:
        """Give the case to a clerk."""

    async def add_note(self, case_id: int, actor: CurrentUser, *, note: str) -> dict[str, Any]:
        """A step of the handling, in the trail."""

    async def send_letter(self, case_id: int, actor: CurrentUser, *, kind: str) -> dict[str, Any]:
        """A reminder (提醒函) or supervision letter (督办函), made and recorded."""

    async def reply_to_case(self, case_id: int, actor: CurrentUser, *, note: str) -> dict[str, Any]:
        """The employer's written answer."""

    async def close_case(self, case_id: int, actor: CurrentUser, *, outcome: str, recovered_fen: int,
                         note: str) -> dict[str, Any]:
        """Close with an outcome; the claimants get the follow-up question."""

    async def answer_follow_up(self, case_id: int, actor: CurrentUser, *, resolved: bool, note: str) -> dict[str, Any]:
        """A claimant's 已解决 / 未解决 (未解决 reopens the case)."""


@dataclass(frozen=True)
class DemoCases:
    """The cases the demo made, by the story each tells (ids), for the command's summary and for tests."""

    open_case: int
    joined_case: int
    reopened_case: int
    hotline_case: int
    unpaid_orders: tuple[int, ...]


@contextmanager
def _at(moment: datetime) -> Iterator[None]:
    """Run a step as if it were `moment` (the market clock), then back to real time."""
    clock.freeze(moment)
    try:
        yield
    finally:
        clock.unfreeze()


async def _users(phones: list[str]) -> dict[str, CurrentUser]:
    rows = await User.select(User.id, User.role, User.name, User.phone).where(User.phone.is_in(phones))
    return {r["phone"]: CurrentUser(id=r["id"], role=r["role"], name=r["name"], phone=r["phone"]) for r in rows}


async def _past_order(worker: DemoWorker, employer: DemoEmployer, users: dict[str, CurrentUser], *, days_ago: int,
                      title: str, paid_fen: int | None = None, note: str = "") -> int:
    """An order worked `days_ago` days ago for a day's pay, completed, and paid `paid_fen` (None: unpaid)."""
    now = clock.now()
    start = (now - timedelta(days=days_ago)).replace(hour=0, minute=30, second=0, microsecond=0)  # 08:30 in China
    boss, hand = users[employer.phone], users[worker.phone]
    with _at(start - timedelta(days=1)):
        job = await create_job(JobCreate(
            title=title, skills=[worker.skills[0].name], headcount=1, pay=PayIn(amount_fen=_DAY_PAY_FEN, unit="day"),
            location=LocationIn(lat=employer.place.lat, lon=employer.place.lon, address=employer.place.address),
            starts_at=start, ends_at=start + timedelta(hours=9), pay_due_hours=24), boss)
        accepted = await accept_job(job.id, hand, AcceptIn(), None)
    order_id = accepted.order.id
    with _at(start + timedelta(hours=9, minutes=5)):
        await complete(order_id, boss, "")
        if paid_fen is not None:
            await mark_paid(order_id, boss, PaidIn(amount_fen=paid_fen, note=note))
    return order_id


async def seed_cases(city: DemoCity, cases: CaseService) -> DemoCases:
    """Make the demo's wage cases: one open and overdue for the demo worker, two workers joined into one case
    closed with the money recovered, a short payment closed in part and reopened by the worker's 未解决, and a
    hotline complaint just received."""
    workers, employers, staff = city.workers, city.employers, city.staff[0]
    if len(workers) < CASES_NEED_WORKERS or len(employers) < CASES_NEED_EMPLOYERS:
        raise ValueError("the demo cases need at least 6 workers and 4 employers")
    users = await _users([w.phone for w in workers[:6]] + [e.phone for e in employers[:4]]
                         + [staff.phone, DEMO_SUPERVISOR_PHONE])
    clerk, bureau = users[staff.phone], users[DEMO_SUPERVISOR_PHONE]
    w = [users[x.phone] for x in workers[:6]]
    e = [users[x.phone] for x in employers[:4]]
    now = clock.now()

    mine = await _past_order(workers[0], employers[0], users, days_ago=8, title="仓库卸货搬运")
    with _at(now - timedelta(days=6)):
        open_case = (await cases.file_complaint(mine, w[0], kind="unpaid", amount_fen=_DAY_PAY_FEN,
                                                note="老板说月底再给，电话不接了", channel="app"))["case"]["id"]
    with _at(now - timedelta(days=5)):
        await cases.assign_case(open_case, bureau, owner_id=clerk.id)  # the bureau hands it to the clerk
        await cases.add_note(open_case, clerk, note="已电话联系用工方，答应三天内付清。")

    first = await _past_order(workers[1], employers[1], users, days_ago=10, title="小区外墙粉刷")
    second = await _past_order(workers[2], employers[1], users, days_ago=10, title="小区外墙粉刷")
    with _at(now - timedelta(days=8)):
        joined = (await cases.file_complaint(first, w[1], kind="unpaid", amount_fen=_DAY_PAY_FEN, note="",
                                             channel="app"))["case"]["id"]
        await cases.file_complaint(second, w[2], kind="unpaid", amount_fen=_DAY_PAY_FEN, note="", channel="app")
        await cases.assign_case(joined, bureau, owner_id=clerk.id)
    with _at(now - timedelta(days=7)):
        await cases.send_letter(joined, clerk, kind="reminder")
        await cases.reply_to_case(joined, e[1], note="工程款晚到，明天一并发放。")
    with _at(now - timedelta(days=6)):
        for order_id in (first, second):
            await mark_paid(order_id, e[1], PaidIn(amount_fen=_DAY_PAY_FEN, note="微信转账"))
        await cases.close_case(joined, clerk, outcome="recovered_full", recovered_fen=2 * _DAY_PAY_FEN,
                               note="用工方已足额支付。")
    with _at(now - timedelta(days=5)):
        await cases.answer_follow_up(joined, w[1], resolved=True, note="")

    short = await _past_order(workers[3], employers[2], users, days_ago=9, title="餐馆后厨帮工",
                              paid_fen=20000, note="扣了餐费")
    with _at(now - timedelta(days=7)):
        reopened = (await cases.file_complaint(short, w[3], kind="underpaid", amount_fen=8000, note="没说过扣餐费",
                                               channel="app"))["case"]["id"]
        await cases.assign_case(reopened, bureau, owner_id=clerk.id)
    with _at(now - timedelta(days=4)):
        await cases.close_case(reopened, clerk, outcome="recovered_partial", recovered_fen=4000,
                               note="调解后补付一半。")
    with _at(now - timedelta(days=3)):
        await cases.answer_follow_up(reopened, w[3], resolved=False, note="补的钱还没到")

    called = await _past_order(workers[4], employers[3], users, days_ago=4, title="搬家临时工")
    with _at(now - timedelta(hours=3)):
        hotline = (await cases.file_complaint(called, clerk, kind="unpaid", amount_fen=_DAY_PAY_FEN,
                                              note="12333 转来：工人不会用手机", channel="hotline_12333"))["case"]["id"]
    unpaid = await _past_order(workers[5], employers[3], users, days_ago=3, title="搬家临时工")  # a warning, no case
    return DemoCases(open_case=open_case, joined_case=joined, reopened_case=reopened,
                     hotline_case=hotline, unpaid_orders=(mine, called, unpaid))
