"""Accepting a job: one place per accept, no double accepts, no clashing times, idempotent retries."""

import base64
import io
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image, ImageDraw

from market.jobs.tables import Job
from market.notifications.tables import OutboxMessage
from market.orders.tables import Order, OrderEvent


def _later(days: float = 1, hours: float = 0) -> datetime:
    return datetime.now(UTC).replace(microsecond=0) + timedelta(days=days, hours=hours)


def signature_png() -> str:
    """A signature drawn on the station screen, as the tablet sends it (PNG, base64)."""
    image = Image.new("RGB", (240, 80), "white")
    ImageDraw.Draw(image).line([(10, 60), (60, 20), (120, 55), (200, 25)], fill="black", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def _window(start: datetime, hours: float) -> dict:
    return {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=hours)).isoformat()}


async def test_accept_creates_an_order_and_takes_a_place(client, market):
    employer, worker = await market.user("employer"), await market.user("worker", name="林建国")
    job = await market.job(employer, headcount=2, pay={"amount_fen": 25000, "unit": "day"})
    response = await market.accept(job["id"], worker)
    assert response.status_code == 201, response.text
    order = response.json()["order"]
    assert order["status"] == "accepted"
    assert order["worker"] == {"id": worker["id"], "name": "林建国", "phone": worker["phone"]}
    assert order["job"]["id"] == job["id"]
    assert order["agreed_pay_fen"] == 25000
    assert order["accepted_by_staff"] is False
    assert "contract" in response.json()
    assert (await client.get(f"/api/jobs/{job['id']}", headers=worker["headers"])).json()["filled"] == 1


async def test_accept_tells_worker_and_employer_in_the_same_transaction(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)
    order_id = (await market.accept(job["id"], worker)).json()["order"]["id"]
    messages = await OutboxMessage.select(OutboxMessage.recipient).where(OutboxMessage.event == "order_accepted")
    assert sorted(m["recipient"] for m in messages) == sorted([worker["id"], employer["id"]])
    assert await OrderEvent.count().where((OrderEvent.order == order_id) & (OrderEvent.action == "accept")) == 1


async def test_accepting_the_same_job_twice_is_refused(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer, headcount=3)
    assert (await market.accept(job["id"], worker)).status_code == 201
    again = await market.accept(job["id"], worker)
    assert again.status_code == 409
    assert again.json()["code"] == "already_accepted"
    assert await Order.count() == 1


async def test_a_worker_cannot_hold_two_orders_whose_times_overlap(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    first = await market.job(employer, title="上午搬家", **_window(_later(1), 8))
    overlapping = await market.job(employer, title="下午装卸", **_window(_later(1, hours=7), 4))
    afterwards = await market.job(employer, title="第二天保洁", **_window(_later(1, hours=8), 4))
    assert (await market.accept(first["id"], worker)).status_code == 201
    clash = await market.accept(overlapping["id"], worker)
    assert clash.status_code == 409
    assert clash.json()["code"] == "schedule_clash"
    assert "上午搬家" in clash.json()["detail"]
    assert (await market.accept(afterwards["id"], worker)).status_code == 201, "touching ends do not overlap"


async def test_a_cancelled_order_frees_the_workers_time(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    first = await market.job(employer, **_window(_later(3), 8))
    second = await market.job(employer, **_window(_later(3), 8))
    order_id = (await market.accept(first["id"], worker)).json()["order"]["id"]
    await client.post(f"/api/orders/{order_id}/cancel", headers=worker["headers"])
    assert (await market.accept(second["id"], worker)).status_code == 201


async def test_a_full_job_refuses_more_accepts(market):
    employer = await market.user("employer")
    job = await market.job(employer, headcount=1)
    first, second = await market.user("worker"), await market.user("worker")
    assert (await market.accept(job["id"], first)).status_code == 201
    full = await market.accept(job["id"], second)
    assert full.status_code == 409
    assert full.json()["code"] == "job_full"
    assert full.json()["detail"] == "该岗位已招满"


async def test_a_cancelled_job_cannot_be_accepted(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)
    await client.post(f"/api/jobs/{job['id']}/cancel", headers=employer["headers"])
    refused = await market.accept(job["id"], worker)
    assert refused.status_code == 409
    assert refused.json()["code"] == "job_not_open"


async def test_a_started_job_cannot_be_accepted(market):
    from market.core import clock

    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)
    clock.shift(timedelta(days=1, minutes=1))
    refused = await market.accept(job["id"], worker)
    assert refused.status_code == 409
    assert refused.json()["code"] == "job_started"


async def test_the_same_idempotency_key_returns_the_same_order(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)
    first = await market.accept(job["id"], worker, **{"Idempotency-Key": "tap-1"})
    retry = await market.accept(job["id"], worker, **{"Idempotency-Key": "tap-1"})
    assert first.status_code == retry.status_code == 201
    assert retry.json()["order"]["id"] == first.json()["order"]["id"]
    assert await Order.count() == 1
    assert (await Job.select(Job.filled).where(Job.id == job["id"]).first())["filled"] == 1


async def test_an_idempotency_key_reused_for_another_job_is_refused(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer, **_window(_later(2), 4))
    other = await market.job(employer, **_window(_later(4), 4))
    assert (await market.accept(job["id"], worker, **{"Idempotency-Key": "k"})).status_code == 201
    reused = await market.accept(other["id"], worker, **{"Idempotency-Key": "k"})
    assert reused.status_code == 409
    assert reused.json()["code"] == "idempotency_key_reused"
    assert await Order.count() == 1


async def test_staff_accept_for_a_walk_in_and_the_act_records_the_staff_member(client, market):
    employer, staff = await market.user("employer"), await market.station_staff()
    walk_in = await market.walk_in(staff)
    job = await market.job(employer)
    response = await client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"],
                                 json={"worker_id": walk_in["id"], "consent": "staff_signature",
                                       "signature_png": signature_png()})
    assert response.status_code == 201, response.text
    order = response.json()["order"]
    assert order["worker"]["id"] == walk_in["id"]
    assert order["accepted_by_staff"] is True
    assert order["consent_method"] == "staff_signature"
    event = await OrderEvent.select().where(OrderEvent.order == order["id"]).first()
    assert (event["actor"], event["on_behalf_of"]) == (staff["id"], walk_in["id"])


async def test_staff_must_name_the_walk_in_and_how_they_agreed(client, market):
    employer, staff, walk_in = await market.user("employer"), await market.user("staff"), await market.user("worker")
    job = await market.job(employer)
    missing = await client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"], json={})
    assert missing.status_code == 400
    assert missing.json()["fields"][0]["field"] == "worker_id"
    no_consent = await client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"],
                                   json={"worker_id": walk_in["id"]})
    assert no_consent.status_code == 400
    assert no_consent.json()["fields"][0]["field"] == "consent"
    employer_as_worker = await client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"],
                                           json={"worker_id": employer["id"], "consent": "staff_sms_code"})
    assert employer_as_worker.status_code == 400
    assert await Order.count() == 0


@pytest.mark.parametrize(("language", "words"), [("zh-CN", "找不到该求职者"), ("en", "Worker not found")])
async def test_staff_accepting_for_an_unknown_worker_is_404(client, market, language, words):
    employer, staff = await market.user("employer"), await market.user("staff")
    job = await market.job(employer)
    response = await client.post(f"/api/jobs/{job['id']}/accept",
                                 headers={**staff["headers"], "Accept-Language": language},
                                 json={"worker_id": 999999, "consent": "staff_sms_code", "consent_code": "123456"})
    assert response.status_code == 404
    assert response.json()["code"] == "worker_not_found"
    assert response.json()["detail"] == words
    assert await Order.count() == 0


async def test_a_worker_cannot_accept_for_someone_else(client, market):
    employer, worker, other = await market.user("employer"), await market.user("worker"), await market.user("worker")
    job = await market.job(employer)
    response = await client.post(f"/api/jobs/{job['id']}/accept", headers=worker["headers"],
                                 json={"worker_id": other["id"]})
    assert response.status_code == 400
    assert await Order.count() == 0


async def test_hourly_pay_is_agreed_for_the_whole_shift(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    start = _later(1)
    job = await market.job(employer, pay={"amount_fen": 3500, "unit": "hour"}, pay_due_hours=24,
                           **_window(start, 4.5))
    order = (await market.accept(job["id"], worker)).json()["order"]
    assert order["agreed_pay_fen"] == 3500 * 4 + 1750
    due = datetime.fromisoformat(order["pay_due_at"].replace("Z", "+00:00"))
    assert due == start + timedelta(hours=4.5 + 24)
