"""Credit grades in the demo city: four employers whose last months lead, through the real rules, to A, B, C and D.

Their deals are posted, taken, done, paid (on time or late) and confirmed, and their late cancels made, through the
real services with the market clock moved back to when they happened; the D employer also leaves three workers
unpaid until the watch turns red and a case opens; they pay under supervision (the warning closes) and the
station's clerk closes the case upheld (wages recovered). Each
event regrades the employer as it lands; the falls to C and D were noticed weeks ago, so the last pass, now, lets
them take effect. Nothing writes a grade directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

import msgspec

from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.cases import acts
from market.cases.schemas import CloseIn
from market.cases.tables import WageCase
from market.core import clock
from market.credit.grading import regrade
from market.demo.city_models import DemoCity
from market.demo.city_places import STATION_SPECS
from market.demo.wages import CASE_STORY_EMPLOYERS, CASE_STORY_WORKERS, UNPAID_JOBS
from market.jobs.schemas import JobCreate
from market.jobs.services import create_job
from market.orders.accepting import accept_job
from market.orders.lifecycle import cancel_order, complete, confirm_payment, mark_paid
from market.orders.schemas import AcceptIn, CancelIn, ConfirmPaymentIn, PaidIn
from market.stations.services import staff_of_station
from market.wages.watch import scan_wages

__all__ = ["CREDIT_STORIES", "seed_credit_grades"]

_DAY_PAY_FEN = 26000
_PAY_DUE_HOURS = 24


@dataclass(frozen=True)
class _Story:
    """An employer's months: deals paid on time, deals paid late, late cancels, and a red warning upheld."""

    grade: str
    on_time: int
    late: int
    late_cancels: int = 0
    red_upheld: bool = False


CREDIT_STORIES: tuple[_Story, ...] = (
    _Story("A", on_time=6, late=0),
    _Story("B", on_time=5, late=1),                     # 83 % on time: not enough for A, no concern
    _Story("C", on_time=3, late=3, late_cancels=3),     # two concerns: paying late, cancelling late
    _Story("D", on_time=0, late=2, late_cancels=3, red_upheld=True),
)
"""Whose grade each demo employer earns, in order, after the case stories' and the warnings' employers."""


@contextmanager
def _at(moment: datetime) -> Iterator[None]:
    """Run a step as if it were `moment` on the market clock, then put the clock back as it was."""
    delta = moment - clock.now()
    clock.shift(delta)
    try:
        yield
    finally:
        clock.shift(-delta)


async def _user(phone: str) -> CurrentUser:
    row = await User.select(User.id, User.role, User.name, User.phone).where(User.phone == phone).first()
    assert row is not None
    return CurrentUser(id=row["id"], role=row["role"], name=row["name"], phone=row["phone"])


async def _post(employer: CurrentUser, start: datetime, headcount: int, place: int, title: str) -> int:
    station = STATION_SPECS[place % len(STATION_SPECS)]
    job = await create_job(msgspec.convert({
        "title": title, "skills": ["普工"], "headcount": headcount,
        "location": {"lat": station.lat + 0.001 * (place % 5), "lon": station.lon - 0.001 * (place % 5),
                     "address": f"漳州市{station.area}胜利西路{200 + place}号"},
        "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=8)).isoformat(),
        "pay": {"amount_fen": _DAY_PAY_FEN, "unit": "day"}, "pay_due_hours": _PAY_DUE_HOURS,
        "description": "演示数据：信用评级的历史记录"}, JobCreate), employer)
    return job.id


async def _deal(employer: CurrentUser, worker: CurrentUser, start: datetime, place: int, *, late: bool) -> None:
    """A one-day deal: posted the day before, done, paid 4 hours (on time) or 40 hours (late) after it ended."""
    with _at(start - timedelta(days=1)):
        job_id = await _post(employer, start, 1, place, "临时普工")
        order_id = (await accept_job(job_id, worker, AcceptIn(), None)).order.id
    with _at(start + timedelta(hours=8, minutes=30)):
        await complete(order_id, employer, "")
    with _at(start + timedelta(hours=8 + (40 if late else 4))):
        await mark_paid(order_id, employer, PaidIn(amount_fen=_DAY_PAY_FEN))
        await confirm_payment(order_id, worker, ConfirmPaymentIn())


async def _late_cancel(employer: CurrentUser, worker: CurrentUser, start: datetime, place: int) -> None:
    """Taken the day before, cancelled by the employer two hours before the start (inside the free window)."""
    with _at(start - timedelta(days=1)):
        job_id = await _post(employer, start, 1, place, "临时帮工")
        order_id = (await accept_job(job_id, worker, AcceptIn(), None)).order.id
    with _at(start - timedelta(hours=2)):
        await cancel_order(order_id, employer, CancelIn(reason="活干不成了"))


async def _red_upheld(employer: CurrentUser, workers: list[CurrentUser], start: datetime) -> None:
    """Three workers left unpaid: red at once at the first scan past the pay-by time, a case opens; six days later
    the employer pays them (the warning closes) and the clerk of its station closes the case, wages recovered."""
    with _at(start - timedelta(days=1)):
        job_id = await _post(employer, start, len(workers), 0, "装修拆旧清运")  # by the first station: its clerk
        orders = [(await accept_job(job_id, worker, AcceptIn(), None)).order.id for worker in workers]
    with _at(start + timedelta(hours=8, minutes=30)):
        for order_id in orders:
            await complete(order_id, employer, "")
    with _at(start + timedelta(hours=8 + _PAY_DUE_HOURS + 1)):
        await scan_wages()
    case = await WageCase.select(WageCase.id, WageCase.station).where(
        (WageCase.employer == employer.id) & WageCase.warning_id.is_not_null()).first()
    if case is None:
        return
    clerks = await staff_of_station(case["station"])
    if not clerks:
        return
    clerk = await User.select(User.phone).where(User.id == clerks[0]).first()
    assert clerk is not None
    with _at(start + timedelta(days=6)):  # paid under the bureau's supervision: the warning closes, the case too
        for order_id, worker in zip(orders, workers, strict=True):
            await mark_paid(order_id, employer, PaidIn(amount_fen=_DAY_PAY_FEN, note="经督办补发"))
            await confirm_payment(order_id, worker, ConfirmPaymentIn())
        await acts.close(case["id"], await _user(clerk["phone"]),
                         CloseIn(outcome="recovered_full", note="演示：经督办已全额追回"), None)  # type: ignore[arg-type]


async def _live_story(story: _Story, employer: CurrentUser, workers: list[CurrentUser], place: int) -> None:
    first = clock.now() - timedelta(days=70)
    day = 0
    for index in range(story.on_time + story.late):
        await _deal(employer, workers[0], first + timedelta(days=day), place + index, late=index >= story.on_time)
        day += 2
    for index in range(story.late_cancels):
        await _late_cancel(employer, workers[1], first + timedelta(days=day), place + index)
        day += 1
    if story.red_upheld:
        await _red_upheld(employer, workers[1:4], first + timedelta(days=day + 1))


async def seed_credit_grades(city: DemoCity) -> list[str]:
    """Give four employers (after the case stories' and warnings' ones) the histories of `CREDIT_STORIES`; the
    grades they hold afterwards (empty for a city too small)."""
    skip_e = CASE_STORY_EMPLOYERS + len(UNPAID_JOBS)
    skip_w = CASE_STORY_WORKERS + sum(spec.workers for spec in UNPAID_JOBS)
    per_story = 4
    if len(city.employers) < skip_e + len(CREDIT_STORIES) or len(city.workers) < skip_w + per_story * len(
            CREDIT_STORIES):
        return []
    employers = [await _user(e.phone) for e in city.employers[skip_e:skip_e + len(CREDIT_STORIES)]]
    grades = []
    for index, (story, employer) in enumerate(zip(CREDIT_STORIES, employers, strict=True)):
        start = skip_w + per_story * index
        workers = [await _user(w.phone) for w in city.workers[start:start + per_story]]
        await _live_story(story, employer, workers, place=10 * index)
        grades.append(await regrade(employer.id))  # now: a fall noticed weeks ago takes effect
    return grades
