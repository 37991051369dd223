"""An order's life: check-in inside the fence, complete, paid, confirmed; illegal moves refused; every act recorded."""

from datetime import timedelta

import pytest

from market.core import clock
from market.jobs.tables import Job
from market.notifications.tables import OutboxMessage
from market.orders.tables import OrderEvent

SITE = {"lat": 24.5116, "lon": 117.6443}


@pytest.fixture
async def deal(market):
    """An employer, a worker and an accepted order on a job starting tomorrow at SITE."""
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer, headcount=2)
    order = (await market.accept(job["id"], worker)).json()["order"]
    return {"employer": employer, "worker": worker, "job": job, "order": order}


async def _act(client, deal, who, act, body=None, language="zh-CN"):
    headers = {**deal[who]["headers"], "Accept-Language": language}
    return await client.post(f"/api/orders/{deal['order']['id']}/{act}", headers=headers, json=body)


def _at_start():
    clock.shift(timedelta(days=1, minutes=5))


async def test_the_whole_life_ends_with_confirmed_payment(client, deal):
    _at_start()
    steps = [("worker", "check-in", SITE, "checked_in"), ("employer", "complete", None, "completed"),
             ("employer", "paid", {"amount_fen": 25000}, "paid"), ("worker", "confirm-payment", None, "confirmed")]
    for who, act, body, status in steps:
        response = await _act(client, deal, who, act, body)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == status
    order = response.json()
    assert order["paid_amount_fen"] == 25000
    assert order["check_in_distance_m"] == 0
    assert order["payment_confirmed_at"] is not None
    actions = [e["action"] for e in await OrderEvent.select(OrderEvent.action).order_by(OrderEvent.id)]
    assert actions == ["accept", "check_in", "complete", "paid", "confirm_payment"]
    events = {m["event"] for m in await OutboxMessage.select(OutboxMessage.event)}
    assert {"order_checked_in", "order_completed", "order_paid", "payment_confirmed"} <= events


async def test_check_in_outside_the_fence_is_refused_and_changes_nothing(client, deal):
    _at_start()
    far = {"lat": SITE["lat"] + 0.01, "lon": SITE["lon"]}  # about 1.1 km north
    response = await _act(client, deal, "worker", "check-in", far)
    assert response.status_code == 409
    assert response.json()["code"] == "outside_fence"
    assert "500米" in response.json()["detail"]
    assert (await client.get(f"/api/orders/{deal['order']['id']}", headers=deal["worker"]["headers"])
            ).json()["status"] == "accepted"


async def test_check_in_a_little_off_site_records_the_distance(client, deal):
    _at_start()
    near = {"lat": SITE["lat"] + 0.002, "lon": SITE["lon"]}  # about 220 m
    response = await _act(client, deal, "worker", "check-in", near)
    assert response.status_code == 200
    assert 200 <= response.json()["check_in_distance_m"] <= 240
    event = await OrderEvent.select().where(OrderEvent.action == "check_in").first()
    assert (event["lat"], event["lon"]) == (near["lat"], near["lon"])


async def test_check_in_opens_an_hour_before_the_start(client, deal):
    early = await _act(client, deal, "worker", "check-in", SITE)
    assert early.status_code == 409
    assert early.json()["code"] == "check_in_too_early"


async def test_check_in_position_out_of_range_names_the_field(client, deal):
    response = await _act(client, deal, "worker", "check-in", {"lat": 95, "lon": 117.6}, language="en")
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "lat"


@pytest.mark.parametrize(("who", "act", "body"), [
    ("worker", "confirm-payment", None),
    ("employer", "paid", {"amount_fen": 25000}),
])
async def test_steps_out_of_order_are_a_409_naming_the_status(client, deal, who, act, body):
    response = await _act(client, deal, who, act, body, language="en")
    assert response.status_code == 409
    assert response.json()["code"] == "illegal_transition"
    assert "accepted" in response.json()["detail"]


async def test_each_party_may_do_only_their_own_acts(client, deal):
    _at_start()
    assert (await _act(client, deal, "employer", "check-in", SITE)).status_code == 403
    assert (await _act(client, deal, "worker", "complete")).status_code == 403
    await _act(client, deal, "employer", "complete")
    assert (await _act(client, deal, "worker", "paid", {"amount_fen": 1})).status_code == 403


async def test_strangers_cannot_see_or_touch_the_order(client, market, deal):
    stranger, other_employer = await market.user("worker"), await market.user("employer")
    for outsider in (stranger, other_employer):
        assert (await client.get(f"/api/orders/{deal['order']['id']}", headers=outsider["headers"])).status_code == 404
        cancel = await client.post(f"/api/orders/{deal['order']['id']}/cancel", headers=outsider["headers"])
        assert cancel.status_code == 404
    listed = await client.get("/api/orders", headers=stranger["headers"])
    assert listed.json() == {"items": [], "total": 0, "limit": 20, "offset": 0}


@pytest.mark.parametrize(("language", "words"), [("zh-CN", "之后才能确认完工"), ("en", "only after")])
async def test_no_completing_before_the_job_starts(client, market, deal, language, words):
    deal["staff"] = await market.user("staff")
    clock.shift(timedelta(days=1, minutes=-30))  # half an hour before the start
    for who in ("employer", "staff"):
        early = await _act(client, deal, who, "complete", language=language)
        assert early.status_code == 409
        assert early.json()["code"] == "complete_before_start"
        assert words in early.json()["detail"]
    assert (await client.get(f"/api/orders/{deal['order']['id']}", headers=deal["worker"]["headers"])
            ).json()["status"] == "accepted"
    clock.shift(timedelta(minutes=31))
    assert (await _act(client, deal, "employer", "complete")).json()["status"] == "completed"


async def test_paying_a_different_amount_needs_a_note(client, deal):
    _at_start()
    await _act(client, deal, "employer", "complete")
    short = await _act(client, deal, "employer", "paid", {"amount_fen": 20000})
    assert short.status_code == 400
    assert short.json()["fields"][0]["field"] == "note"
    explained = await _act(client, deal, "employer", "paid", {"amount_fen": 20000, "note": "提前两小时收工"})
    assert explained.status_code == 200
    assert explained.json()["payment_note"] == "提前两小时收工"


async def test_negative_pay_is_refused(client, deal):
    _at_start()
    await _act(client, deal, "employer", "complete")
    response = await _act(client, deal, "employer", "paid", {"amount_fen": -100})
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "amount_fen"


async def test_staff_act_for_a_walk_in_and_the_trail_names_them(client, market, deal, phones):
    staff = await market.user("staff")
    deal["staff"] = staff
    _at_start()
    assert (await _act(client, deal, "staff", "check-in", SITE)).status_code == 200
    await _act(client, deal, "employer", "complete")
    await _act(client, deal, "employer", "paid", {"amount_fen": 25000})
    await client.post(f"/api/walk-ins/{deal['worker']['id']}/consent-codes", headers=staff["headers"],
                      json={"order_id": deal["order"]["id"]})
    consent = {"consent": "staff_sms_code", "consent_code": await phones.code_sent_to(deal["worker"]["phone"])}
    assert (await _act(client, deal, "staff", "confirm-payment", consent)).status_code == 200
    staff_events = await OrderEvent.select(OrderEvent.action, OrderEvent.on_behalf_of).where(
        OrderEvent.actor == staff["id"]).order_by(OrderEvent.id)
    assert staff_events == [{"action": "check_in", "on_behalf_of": deal["worker"]["id"]},
                            {"action": "confirm_payment", "on_behalf_of": deal["worker"]["id"]}]


async def _filled(job_id):
    return (await Job.select(Job.filled).where(Job.id == job_id).first())["filled"]


async def test_an_early_cancel_by_the_worker_is_not_late_and_frees_the_place(client, deal):
    response = await _act(client, deal, "worker", "cancel", {"reason": "家里有事"})
    assert response.status_code == 200
    order = response.json()
    assert (order["status"], order["cancelled_by_role"], order["cancel_late"]) == ("cancelled", "worker", False)
    assert await _filled(deal["job"]["id"]) == 0
    told = await OutboxMessage.select(OutboxMessage.recipient).where(OutboxMessage.event == "order_cancelled")
    assert [m["recipient"] for m in told] == [deal["employer"]["id"]]


async def test_a_worker_cancelling_inside_the_window_is_recorded_late(client, deal):
    clock.shift(timedelta(hours=14))  # starts in 10 h; the worker's free window closes 12 h before
    order = (await _act(client, deal, "worker", "cancel")).json()
    assert (order["cancelled_by_role"], order["cancel_late"]) == ("worker", True)


async def test_an_employer_cancelling_inside_their_window_is_recorded_late_against_them(client, deal):
    clock.shift(timedelta(hours=4))  # starts in 20 h; the employer's free window closes 24 h before
    order = (await _act(client, deal, "employer", "cancel", {"reason": "下雨停工"})).json()
    assert (order["cancelled_by_role"], order["cancel_late"], order["cancel_reason"]) == ("employer", True, "下雨停工")
    told = await OutboxMessage.select(OutboxMessage.recipient).where(OutboxMessage.event == "order_cancelled")
    assert [m["recipient"] for m in told] == [deal["worker"]["id"]]


async def test_no_cancel_after_the_start(client, deal):
    _at_start()
    response = await _act(client, deal, "worker", "cancel")
    assert response.status_code == 409
    assert response.json()["code"] == "illegal_transition"


async def test_no_cancel_twice(client, deal):
    await _act(client, deal, "worker", "cancel")
    again = await _act(client, deal, "worker", "cancel")
    assert again.status_code == 409
    assert await _filled(deal["job"]["id"]) == 0


async def test_staff_cancelling_must_say_for_whom(client, market, deal):
    deal["staff"] = await market.user("staff")
    unnamed = await _act(client, deal, "staff", "cancel")
    assert unnamed.status_code == 400
    assert unnamed.json()["fields"][0]["field"] == "on_behalf_of"
    named = await _act(client, deal, "staff", "cancel", {"on_behalf_of": "worker"})
    assert named.json()["cancelled_by_role"] == "worker"
    event = await OrderEvent.select().where(OrderEvent.action == "cancel").first()
    assert (event["actor"], event["on_behalf_of"]) == (deal["staff"]["id"], deal["worker"]["id"])


async def test_lists_show_each_party_their_orders(client, market, deal):
    for who in ("worker", "employer"):
        page = (await client.get("/api/orders", headers=deal[who]["headers"])).json()
        assert [o["id"] for o in page["items"]] == [deal["order"]["id"]]
        assert page["total"] == 1
    filtered = await client.get("/api/orders?status=cancelled", headers=deal["worker"]["headers"])
    assert filtered.json()["total"] == 0
    bad = await client.get("/api/orders?status=lost", headers=deal["worker"]["headers"])
    assert bad.status_code == 400
