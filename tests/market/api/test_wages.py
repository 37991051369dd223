"""The pay-by watch: warnings climb blue → yellow → red on working days, by workers and by amount, turn yellow the
moment a worker says 没收到, close when the worker confirms, and every notice goes once to the right people."""

from __future__ import annotations

import asyncio

from market.core import clock
from market.core.database import write_transaction
from market.core.events import record
from market.orders.events import PaymentDisputed
from market.wages.tables import WageWarning, WageWarningLevel
from market.wages.watch import scan_wages, settle_orders
from tests.market.api.wage_helpers import at, deal, notices, station


async def _history() -> list[tuple[str, str]]:
    return [(r["level"], r["reason"]) for r in await WageWarningLevel.select().order_by(WageWarningLevel.id)]


async def test_nothing_is_raised_before_the_pay_by_time(market):
    await deal(market)
    at(9, 8)  # an hour before it is due
    assert await scan_wages() == 0
    assert await WageWarning.count() == 0


async def test_a_warning_climbs_blue_yellow_red_by_working_days_and_each_audience_hears_once(market):
    staff = await station(market)
    supervisor = await market.user("supervisor")
    world = await deal(market)
    employer, worker = world["employer"], world["worker"]
    at(9, 10)  # an hour past the pay-by time
    assert await scan_wages() == 1
    assert await notices(employer["id"]) == ["wage_warning_blue"]
    assert await notices(worker["id"]) == ["wage_overdue"], "the worker learns they can say 没收到"
    assert await notices(staff["id"]) == []
    at(11)  # Friday: two working days late
    assert await scan_wages() == 0
    at(13)  # Sunday: still two
    assert await scan_wages() == 0
    at(14)  # Monday: the third working day
    assert await scan_wages() == 1
    assert await notices(staff["id"]) == ["wage_warning_yellow"]
    assert await notices(supervisor["id"]) == []
    at(17)
    assert await scan_wages() == 0
    at(18)  # Friday: the seventh
    assert await scan_wages() == 1
    assert await scan_wages() == 0
    assert await notices(supervisor["id"]) == ["wage_warning_red"]
    assert await notices(staff["id"]) == ["wage_warning_red", "wage_warning_yellow"]
    assert await notices(employer["id"]) == ["wage_warning_blue", "wage_warning_red", "wage_warning_yellow"]
    assert await notices(worker["id"]) == ["wage_overdue"]
    assert await _history() == [("blue", "pay_by_passed"), ("yellow", "working_days"), ("red", "working_days")]


async def test_a_warning_found_late_is_raised_straight_to_the_level_reached(market):
    await station(market)
    world = await deal(market)
    at(18)
    assert await scan_wages() == 1
    assert await _history() == [("red", "working_days")]
    assert await notices(world["employer"]["id"]) == ["wage_warning_red"]


async def test_a_corrected_calendar_counts_at_once(client, market):
    await station(market)
    admin = await market.user("admin")
    await deal(market)
    at(9, 10)
    await scan_wages()
    made = await client.post("/api/admin/workdays", headers=admin["headers"],
                             json={"day": "2026-12-12", "is_working_day": True, "note": "调休上班"})
    assert made.status_code == 201, made.text
    assert made.json()["official"] is False
    at(12)  # Saturday, now a working day: the third
    await scan_wages()
    assert (await WageWarning.select(WageWarning.level).first())["level"] == "yellow"


async def test_the_worker_saying_unpaid_turns_the_warning_yellow_at_once(market):
    staff = await station(market)
    world = await deal(market)
    order, worker = world["order"], world["worker"]
    at(9, 10)
    await scan_wages()
    async with write_transaction():
        record(PaymentDisputed(order_id=order["id"], job_id=world["job"]["id"], worker_id=worker["id"],
                               employer_id=world["employer"]["id"], title="搬家", starts_at=clock.now(),
                               worker_name="李师傅", actor_id=worker["id"], kind="unpaid", amount_fen=30000,
                               complaint_id=1))
    assert await notices(staff["id"]) == ["wage_warning_yellow_disputed"]
    assert await _history() == [("blue", "pay_by_passed"), ("yellow", "worker_says_unpaid")]
    assert (await WageWarning.select(WageWarning.amount_fen).first())["amount_fen"] == 30000, "what the worker says"
    assert await scan_wages() == 0


async def test_a_complaint_of_another_kind_raises_nothing(market):
    world = await deal(market)
    at(9, 10)
    async with write_transaction():
        record(PaymentDisputed(order_id=world["order"]["id"], job_id=world["job"]["id"],
                               worker_id=world["worker"]["id"], employer_id=world["employer"]["id"], title="搬家",
                               starts_at=clock.now(), worker_name="李师傅", actor_id=world["worker"]["id"],
                               kind="other"))
    assert await WageWarning.count() == 0


async def test_several_workers_owed_turn_it_red_at_once(market):
    supervisor = await market.user("supervisor")
    world = await deal(market, workers=3)
    at(9, 10)
    await scan_wages()
    assert await _history() == [("red", "several_workers")]
    assert await notices(supervisor["id"]) == ["wage_warning_red"]
    for worker in world["workers"]:
        assert await notices(worker["id"]) == ["wage_overdue"]


async def test_a_large_amount_turns_it_red_at_once(market):
    await deal(market, pay={"amount_fen": 600000, "unit": "day"})
    at(9, 10)
    await scan_wages()
    assert await _history() == [("red", "amount_threshold")]


async def test_a_later_unpaid_order_joins_the_open_warning_and_its_worker_is_told(market):
    world = await deal(market)
    at(9, 10)
    await scan_wages()
    second = await deal(market, employer=world["employer"])  # the same job week, accepted late
    at(9, 10)
    await scan_wages()
    assert await WageWarning.count() == 1
    assert (await WageWarning.select(WageWarning.worker_count).first())["worker_count"] == 2
    assert await notices(second["worker"]["id"]) == ["wage_overdue"]


async def test_the_worker_confirming_payment_closes_the_warning(client, market):
    staff = await station(market)
    world = await deal(market)
    order, employer, worker = world["order"], world["employer"], world["worker"]
    at(14)
    await scan_wages()  # yellow
    path = f"/api/orders/{order['id']}"
    for who, act, body in ((employer, "complete", None), (employer, "paid", {"amount_fen": order["agreed_pay_fen"]}),
                           (worker, "confirm-payment", None)):
        answer = await client.post(f"{path}/{act}", headers=who["headers"], json=body)
        assert answer.status_code == 200, answer.text
    warning = await WageWarning.select().first()
    assert warning["closed_at"] is not None
    assert warning["closed_how"] == "confirmed"
    assert "wage_warning_closed" in await notices(staff["id"])
    assert "wage_warning_closed" in await notices(employer["id"])
    assert await scan_wages() == 0


async def test_no_warning_for_an_order_paid_in_full_before_its_pay_by_time(client, market):
    world = await deal(market)
    order, employer = world["order"], world["employer"]
    at(8, 10)
    await client.post(f"/api/orders/{order['id']}/complete", headers=employer["headers"])
    await client.post(f"/api/orders/{order['id']}/paid", headers=employer["headers"],
                      json={"amount_fen": order["agreed_pay_fen"]})
    at(21)
    assert await scan_wages() == 0
    assert await WageWarning.count() == 0
    assert await notices(employer["id"]) == []


async def test_a_payment_marked_but_not_confirmed_keeps_the_warning_open(client, market):
    world = await deal(market)
    order, employer = world["order"], world["employer"]
    at(9, 10)
    await scan_wages()
    await client.post(f"/api/orders/{order['id']}/complete", headers=employer["headers"])
    await client.post(f"/api/orders/{order['id']}/paid", headers=employer["headers"],
                      json={"amount_fen": order["agreed_pay_fen"]})
    at(14)
    await scan_wages()
    warning = await WageWarning.select().first()
    assert warning["closed_at"] is None
    assert warning["level"] == "yellow"


async def test_a_short_payment_is_watched_for_the_gap(client, market):
    world = await deal(market)
    order, employer = world["order"], world["employer"]
    at(9, 1)
    await client.post(f"/api/orders/{order['id']}/complete", headers=employer["headers"])
    paid = await client.post(f"/api/orders/{order['id']}/paid", headers=employer["headers"],
                             json={"amount_fen": order["agreed_pay_fen"] - 5000, "note": "扣了饭钱"})
    assert paid.status_code == 200, paid.text
    at(9, 10)
    await scan_wages()
    assert (await WageWarning.select(WageWarning.amount_fen).first())["amount_fen"] == 5000


async def test_settling_orders_otherwise_closes_the_warning(market):
    world = await deal(market)
    at(18)
    await scan_wages()
    async with write_transaction():
        closed = await settle_orders([world["order"]["id"]], "recovered")
    assert len(closed) == 1
    assert (await WageWarning.select(WageWarning.closed_how).first())["closed_how"] == "recovered"
    at(21)
    assert await scan_wages() == 0
    assert await WageWarning.count() == 1, "a settled order does not come back"


async def test_two_scans_at_once_have_the_effect_of_one(market):
    staff = await station(market)
    await deal(market)
    at(14)
    results = await asyncio.gather(scan_wages(), scan_wages())
    assert sorted(results) == [0, 1]
    assert await WageWarning.count() == 1
    assert await WageWarningLevel.count() == 1
    assert await notices(staff["id"]) == ["wage_warning_yellow"]


async def test_the_demo_city_shows_a_warning_of_each_colour_to_its_supervisor(client, market):
    from datetime import UTC, datetime

    from market.demo.city import DEMO_PASSWORD
    from market.demo.seed import seed_city
    from market.demo.wages import DEMO_SUPERVISOR_PHONE

    clock.freeze(datetime(2026, 12, 10, 2, 0, tzinfo=UTC))  # a Thursday of an ordinary week
    await seed_city(12, 6, seed=3)
    login = await client.post("/api/auth/login", json={"phone": DEMO_SUPERVISOR_PHONE, "password": DEMO_PASSWORD})
    assert login.status_code == 200, login.text
    board = await client.get("/api/warnings", headers={"Authorization": f"Bearer {login.json()['token']}"})
    levels = [w["level"] for w in board.json()["items"]]
    assert set(levels) == {"red", "yellow", "blue"}, levels
    assert levels == sorted(levels, key=["red", "yellow", "blue"].index), "red first"
