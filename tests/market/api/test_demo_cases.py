"""The demo city's wage cases: real orders whose pay-by time has passed (unpaid, short-paid, paid after a
complaint), and the real case service driven through each story at the right moments of the market clock, so a
newcomer at `linggong up` finds open, closed and reopened cases beside the warning board."""

from __future__ import annotations

from market.cases.tables import CaseEvent, Claimant, WageCase
from market.core import clock
from market.demo.seed import seed_city
from market.orders.tables import Order
from market.wages.tables import WageWarning


async def test_the_demo_city_walks_each_case_story_through_the_real_service(client) -> None:
    before = clock.now()
    await seed_city(12, 4, seed=7)

    cases = await WageCase.select()
    statuses = sorted(c["status"] for c in cases)
    assert {"received", "handling", "closed"} <= set(statuses), statuses
    closed = [c for c in cases if c["status"] == "closed"]
    assert [c["outcome"] for c in closed] == ["recovered_full"]
    assert any(c["reopened"] for c in cases), "the short payment's 未解决 reopened its case"

    claimants = await Claimant.select()
    assert {c["channel"] for c in claimants} >= {"app", "hotline_12333"}
    joined = [c for c in cases if sum(1 for k in claimants if k["case"] == c["id"]) == 2]
    assert joined, "two workers of one employer joined into one case"
    assert await CaseEvent.exists().where(CaseEvent.kind == "letter"), "a reminder letter went out"

    short = [o for o in await Order.select() if o["paid_amount_fen"] == 20000]
    assert len(short) == 1
    assert short[0]["payment_note"] == "扣了餐费"
    assert {w["level"] for w in await WageWarning.select(WageWarning.level)} >= {"blue", "yellow", "red"}
    assert clock.now() >= before  # every story ran in the past, and the clock is back to real time
