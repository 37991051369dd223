"""Contract recovery: each order has its own attempts and back-off, so orders that can never be signed neither
block the others nor get tried for ever; after the last attempt staff see that the contract failed, and why."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from market.contracts import issuing
from market.contracts import subscribers as contract_subscribers
from market.contracts.tables import Contract
from market.core import clock
from market.orders.tables import Order
from market.settings import get_settings, reset_settings

UNSIGNABLE = 120


class Unsignable:
    """Drafting fails for the chosen orders, as for a signature image that does not decode; counts the tries."""

    def __init__(self, order_ids: set[int]) -> None:
        self.order_ids = order_ids
        self.tries: list[int] = []
        self.draft = issuing.draft_for_order

    async def __call__(self, order_id: int, *args, **kwargs):
        if order_id in self.order_ids:
            self.tries.append(order_id)
            raise ValueError("signature image does not decode")
        return await self.draft(order_id, *args, **kwargs)


async def orphan(market, job, worker, monkeypatch) -> int:
    """An order accepted through the API whose contract was never attempted (the process died right after)."""
    async def cut_off(order_id, accepted=None):
        return None

    with monkeypatch.context() as patch:
        patch.setattr(contract_subscribers, "issue_contract_for_order", cut_off)
        response = await market.accept(job["id"], worker)
    assert response.status_code == 201, response.text
    return response.json()["order"]["id"]


async def unsignable_orders(market, job, count: int) -> list[int]:
    """`count` accepted orders of `job`, written straight to the database ahead of everything else."""
    workers = await market.workers(count)
    starts, ends = datetime.fromisoformat(job["starts_at"]), datetime.fromisoformat(job["ends_at"])
    await Order.insert(*[Order(job=job["id"], worker=w["id"], starts_at=starts, ends_at=ends, pay_due_at=ends,
                               agreed_pay_fen=25000, accepted_by=w["id"], accepted_at=clock.now())
                         for w in workers])
    return [row["id"] for row in await Order.select(Order.id).order_by(Order.id)]


@pytest.fixture
async def front_of_the_queue(market, monkeypatch):
    """120 unsignable orders at the front, then one good orphan behind them."""
    employer = await market.user("employer")
    job = await market.job(employer, headcount=UNSIGNABLE + 1)
    bad = await unsignable_orders(market, job, UNSIGNABLE)
    worker = await market.user("worker")
    good = await orphan(market, job, worker, monkeypatch)
    assert good > max(bad)
    unsignable = Unsignable(set(bad))
    monkeypatch.setattr(issuing, "draft_for_order", unsignable)
    return {"bad": bad, "good": good, "worker": worker, "employer": employer, "unsignable": unsignable}


async def statuses(order_ids: list[int]) -> list[tuple[str, int]]:
    rows = await Order.select(Order.contract_status, Order.contract_attempts).where(
        Order.id.is_in(order_ids)).order_by(Order.id)
    return [(row["contract_status"], row["contract_attempts"]) for row in rows]


async def test_a_later_orphan_is_sealed_in_the_next_run_behind_a_hundred_unsignable_orders(front_of_the_queue):
    bad, good = front_of_the_queue["bad"], front_of_the_queue["good"]

    assert await issuing.recover_contracts() == 1
    assert await Contract.count().where(Contract.order == good) == 1
    assert await statuses([good]) == [("issued", 0)]
    assert await statuses(bad) == [("retrying", 1)] * UNSIGNABLE
    assert sorted(front_of_the_queue["unsignable"].tries) == bad


async def test_each_order_backs_off_on_its_own_and_is_not_retried_before_its_time(front_of_the_queue):
    bad, unsignable = front_of_the_queue["bad"], front_of_the_queue["unsignable"]
    base = timedelta(seconds=get_settings().contract_retry_base_s)
    clock.freeze(clock.now())  # a run over a hundred orders takes seconds on a loaded box: the market's time stands

    await issuing.recover_contracts()
    first = await Order.select(Order.contract_next_attempt_at).where(Order.id == bad[0]).first()
    assert first["contract_next_attempt_at"] - clock.now() == pytest.approx(base, abs=timedelta(seconds=1))
    unsignable.tries.clear()
    assert await issuing.recover_contracts() == 0
    assert unsignable.tries == [], "an order in back-off was tried again"

    clock.shift(base + timedelta(seconds=1))
    await issuing.recover_contracts()
    assert sorted(unsignable.tries) == bad
    assert await statuses(bad) == [("retrying", 2)] * UNSIGNABLE
    second = await Order.select(Order.contract_next_attempt_at).where(Order.id == bad[0]).first()
    assert second["contract_next_attempt_at"] - clock.now() == pytest.approx(2 * base, abs=timedelta(seconds=1))


async def test_after_the_last_attempt_staff_see_it_failed_with_the_reason_and_it_is_not_retried(
        client, market, monkeypatch):
    monkeypatch.setenv("LINGGONG_CONTRACT_MAX_ATTEMPTS", "3")
    reset_settings()
    employer, worker, staff = await market.user("employer"), await market.user("worker"), await market.user("staff")
    job = await market.job(employer)
    order_id = await orphan(market, job, worker, monkeypatch)
    unsignable = Unsignable({order_id})
    monkeypatch.setattr(issuing, "draft_for_order", unsignable)
    try:
        for attempt in (1, 2, 3):
            await issuing.recover_contracts()
            assert len(unsignable.tries) == attempt
            seen = (await client.get(f"/api/orders/{order_id}", headers=staff["headers"])).json()
            assert seen["contract_attempts"] == attempt
            clock.shift(timedelta(hours=2))

        assert seen["contract_status"] == "failed"
        assert seen["contract_error"] == "ValueError: signature image does not decode"
        assert seen["contract_next_attempt_at"] is None
        assert seen["contract"] is None
        listed = (await client.get("/api/orders", headers=staff["headers"])).json()["items"]
        assert [(o["contract_status"], o["contract_error"]) for o in listed] == [
            ("failed", "ValueError: signature image does not decode")]
        mine = (await client.get(f"/api/orders/{order_id}", headers=worker["headers"])).json()
        assert (mine["contract_status"], mine["contract_error"]) == ("failed", None)  # the reason is for staff

        clock.shift(timedelta(days=2))
        assert await issuing.recover_contracts() == 0
        assert len(unsignable.tries) == 3, "a failed contract was tried again"
    finally:
        monkeypatch.delenv("LINGGONG_CONTRACT_MAX_ATTEMPTS")
        reset_settings()


async def test_a_retrying_order_says_when_it_is_tried_next(client, market, monkeypatch):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)

    def broken(*_args, **_kwargs):
        raise RuntimeError("signing service down")

    monkeypatch.setattr(issuing, "sign_draft", broken)
    accepted = (await market.accept(job["id"], worker)).json()
    assert accepted["contract"] is None
    order = accepted["order"]
    assert (order["contract_status"], order["contract_attempts"]) == ("retrying", 1)
    assert datetime.fromisoformat(order["contract_next_attempt_at"]) > clock.now()
    assert order["contract_error"] is None  # the worker accepting is not staff
