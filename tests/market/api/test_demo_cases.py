"""The demo's wage cases: real orders whose pay-by time has passed (unpaid, short-paid, paid after a complaint),
and the case service driven through each story at the right moments of the market clock. The case service here
is a recording stand-in with issue 12's names until the backend is merged (then `seed_cases` gets the real one)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from market.accounts.auth import CurrentUser
from market.core import clock
from market.demo.cases import seed_cases
from market.demo.seed import seed_city
from market.orders.tables import Order


class RecordingCases:
    """Answers like the case service and remembers each call with the market clock's time."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, datetime, int, dict[str, Any]]] = []
        self._next = 0

    def _record(self, name: str, target: int, actor: CurrentUser, **data: Any) -> dict[str, Any]:
        self.calls.append((name, clock.now(), target, {"actor": actor.role, **data}))
        return {"id": target}

    async def file_complaint(self, order_id: int, actor: CurrentUser, **data: Any) -> dict[str, Any]:
        self._record("file_complaint", order_id, actor, **data)
        self._next += 1
        return {"complaint": {"id": self._next}, "case": {"id": 100 + self._next}}

    async def assign_case(self, case_id: int, actor: CurrentUser, **data: Any) -> dict[str, Any]:
        return self._record("assign_case", case_id, actor, **data)

    async def add_note(self, case_id: int, actor: CurrentUser, **data: Any) -> dict[str, Any]:
        return self._record("add_note", case_id, actor, **data)

    async def send_letter(self, case_id: int, actor: CurrentUser, **data: Any) -> dict[str, Any]:
        return self._record("send_letter", case_id, actor, **data)

    async def reply_to_case(self, case_id: int, actor: CurrentUser, **data: Any) -> dict[str, Any]:
        return self._record("reply_to_case", case_id, actor, **data)

    async def close_case(self, case_id: int, actor: CurrentUser, **data: Any) -> dict[str, Any]:
        return self._record("close_case", case_id, actor, **data)

    async def answer_follow_up(self, case_id: int, actor: CurrentUser, **data: Any) -> dict[str, Any]:
        return self._record("answer_follow_up", case_id, actor, **data)


async def test_the_demo_makes_overdue_orders_and_walks_each_case_story(client) -> None:
    city = await seed_city(12, 4, seed=7)
    recorder = RecordingCases()
    made = await seed_cases(city, recorder)
    now = clock.now()

    orders = {r["id"]: r for r in await Order.select()}
    complained = [target for name, _, target, _ in recorder.calls if name == "file_complaint"]
    assert len(complained) == 5
    for order_id in (*complained, *made.unpaid_orders):
        order = orders[order_id]
        assert order["completed_at"] is not None
        assert order["pay_due_at"] < now  # due: a complaint is allowed, a warning would be raised
    for order_id in made.unpaid_orders:
        assert orders[order_id]["paid_at"] is None
    short = [o for o in orders.values() if o["paid_amount_fen"] == 20000]
    assert len(short) == 1
    assert short[0]["payment_note"] == "扣了餐费"

    names = [name for name, *_ in recorder.calls]
    assert names.count("close_case") == 2
    assert ("answer_follow_up", made.reopened_case) in [(n, t) for n, _, t, _ in recorder.calls]
    unresolved = [d for n, _, t, d in recorder.calls if n == "answer_follow_up" and t == made.reopened_case]
    assert unresolved[0]["resolved"] is False
    hotline = [d for n, _, _, d in recorder.calls if n == "file_complaint" and d["channel"] == "hotline_12333"]
    assert hotline[0]["actor"] == "staff"
    times = [at for _, at, _, _ in recorder.calls]
    assert all(at < now for at in times)  # every step happened in the past, on the market clock
    assert clock.now() >= now  # and the clock is back to real time
