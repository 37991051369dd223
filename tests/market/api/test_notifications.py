"""Everyone hears what happened: inbox entries and texts from the outbox, exactly once, retried, and on time."""

import asyncio
import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from market.core import clock
from market.notifications.dispatch import dispatch_due
from market.notifications.reminders import scan_due_notices
from market.notifications.tables import Delivery, OutboxMessage, SmsLog
from market.settings import reset_settings
from market.stations.tables import Station, StationStaff


async def _deal(market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer, title="搬家临时工")
    order = (await market.accept(job["id"], worker)).json()["order"]
    return employer, worker, job, order


async def test_accepting_puts_a_message_in_both_inboxes(client, market):
    employer, worker, _, _ = await _deal(market)
    for who in (worker, employer):
        inbox = (await client.get("/api/notifications", headers=who["headers"])).json()
        accepted = [m for m in inbox["items"] if m["event"] == "order_accepted"]
        assert len(accepted) == 1
        assert "搬家临时工" in accepted[0]["body"]
        assert accepted[0]["link"].startswith("/#/orders/")
        assert inbox["unread"] >= 1
    worker_view = (await client.get("/api/notifications", headers=worker["headers"])).json()["items"][-1]
    employer_view = (await client.get("/api/notifications", headers=employer["headers"])).json()["items"][-1]
    assert worker_view["body"].startswith("您已接单")
    assert employer_view["body"].startswith("测试用户已接单"), "the employer reads who took the job"
    english = (await client.get("/api/notifications", headers={**worker["headers"], "Accept-Language": "en"})).json()
    assert english["items"][-1]["title"] == "Order accepted"


async def test_messages_are_marked_read_one_or_all(client, market):
    _, worker, _, _ = await _deal(market)
    inbox = (await client.get("/api/notifications", headers=worker["headers"])).json()
    first = inbox["items"][0]["id"]
    read = await client.post(f"/api/notifications/{first}/read", headers=worker["headers"])
    assert read.json() == {"marked": 1, "unread": inbox["unread"] - 1}
    assert (await client.post(f"/api/notifications/{first}/read", headers=worker["headers"])).json()["marked"] == 0
    await client.post("/api/notifications/read-all", headers=worker["headers"])
    unread = (await client.get("/api/notifications?unread=true", headers=worker["headers"])).json()
    assert unread["items"] == []
    assert unread["unread"] == 0


async def test_nobody_reads_or_marks_another_users_messages(client, market):
    _, worker, _, _ = await _deal(market)
    stranger = await market.user("worker")
    message = (await client.get("/api/notifications", headers=worker["headers"])).json()["items"][0]["id"]
    assert (await client.post(f"/api/notifications/{message}/read", headers=stranger["headers"])).status_code == 404
    assert (await client.get("/api/notifications", headers=stranger["headers"])).json()["total"] == 0


async def test_the_texts_go_out_once_however_often_the_dispatcher_runs(market):
    employer, worker, _, _ = await _deal(market)
    assert await dispatch_due() == 2
    assert await dispatch_due() == 0
    texts = await SmsLog.select(SmsLog.phone, SmsLog.text).order_by(SmsLog.phone)
    assert sorted(t["phone"] for t in texts) == sorted([worker["phone"], employer["phone"]])
    assert all(t["text"].startswith("【零工市场】") and len(t["text"]) <= 70 for t in texts)
    assert await Delivery.count().where(Delivery.status == "delivered") == 2


async def test_a_refused_accept_leaves_no_message(market):
    employer = await market.user("employer")
    job = await market.job(employer, headcount=1)
    await market.accept(job["id"], await market.user("worker"))
    before = await OutboxMessage.count()
    assert (await market.accept(job["id"], await market.user("worker"))).status_code == 409
    assert await OutboxMessage.count() == before


async def test_a_failing_gateway_is_retried_with_back_off_then_given_up_and_shown_to_staff(client, market,
                                                                                          monkeypatch):
    monkeypatch.setenv("LINGGONG_SMS_URL", "http://127.0.0.1:9/unreachable")
    monkeypatch.setenv("LINGGONG_DISPATCH_MAX_ATTEMPTS", "3")
    reset_settings()
    try:
        await _deal(market)
        assert await dispatch_due() == 0
        delivery = await Delivery.select().where(Delivery.channel == "sms").first()
        assert (delivery["status"], delivery["attempts"]) == ("pending", 1)
        assert delivery["last_error"]
        assert await dispatch_due() == 0, "not retried before its back-off"
        for _ in range(2):
            clock.shift(timedelta(minutes=10))
            await dispatch_due()
        failed = await Delivery.select(Delivery.status, Delivery.attempts).where(Delivery.channel == "sms")
        assert [(d["status"], d["attempts"]) for d in failed] == [("failed", 3), ("failed", 3)]
        staff = await market.user("staff")
        listed = (await client.get("/api/deliveries/failed", headers=staff["headers"])).json()
        assert listed["total"] == 2
        assert {d["event"] for d in listed["items"]} == {"order_accepted"}
    finally:
        monkeypatch.delenv("LINGGONG_SMS_URL")
        monkeypatch.delenv("LINGGONG_DISPATCH_MAX_ATTEMPTS")
        reset_settings()


async def test_a_claim_left_by_a_dead_dispatcher_is_taken_over_without_a_second_text(market):
    await _deal(market)
    await Delivery.update({Delivery.status: "sending", Delivery.claimed_at: clock.now()}).where(
        Delivery.channel == "sms")
    assert await dispatch_due() == 0, "a fresh claim belongs to the dispatcher holding it"
    clock.shift(timedelta(minutes=3))
    assert await dispatch_due() == 2
    assert await SmsLog.count() == 2


class _Receiver(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Receiver.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


async def test_employers_get_signed_webhooks(client, market):
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Receiver.received = []
    try:
        employer = await market.user("employer")
        hook = await client.put("/api/employers/me/webhook", headers=employer["headers"],
                                json={"url": f"http://127.0.0.1:{server.server_port}/hook"})
        secret = hook.json()["secret"]
        job = await market.job(employer)
        await market.accept(job["id"], await market.user("worker"))
        await dispatch_due()
        await asyncio.sleep(0)
        assert len(_Receiver.received) == 1
        headers, body = _Receiver.received[0]
        expected = hmac.new(secret.encode(), headers["X-Linggong-Timestamp"].encode() + b"." + body,
                            hashlib.sha256).hexdigest()
        assert headers["X-Linggong-Signature"] == f"sha256={expected}"
        event = json.loads(body)
        assert event["event"] == "order_accepted"
        assert event["delivery_id"] == int(headers["X-Linggong-Delivery"])
    finally:
        server.shutdown()


async def test_a_webhook_must_be_a_web_address(client, market):
    employer = await market.user("employer")
    response = await client.put("/api/employers/me/webhook", headers=employer["headers"], json={"url": "ftp://x"})
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "url"


async def _events_for(user_id):
    rows = await OutboxMessage.select(OutboxMessage.event).where(OutboxMessage.recipient == user_id)
    return sorted(r["event"] for r in rows)


@pytest.fixture
async def station_with_staff(market):
    station = Station(name="芗城区零工驿站", address="漳州市芗城区胜利西路1号", lat=24.512, lon=117.645, hours="",
                      phone="0596-1234567")
    await station.save()
    staff = await market.user("staff")
    await StationStaff(station=station.id, user=staff["id"]).save()
    return staff


async def test_the_shift_reminder_comes_two_hours_before_the_start_and_once(market):
    _, worker, _, _ = await _deal(market)
    clock.shift(timedelta(hours=21, minutes=59))  # the job starts 24 h after it was posted
    await scan_due_notices()
    assert "shift_reminder" not in await _events_for(worker["id"])
    clock.shift(timedelta(minutes=2))
    await scan_due_notices()
    await scan_due_notices()
    assert (await _events_for(worker["id"])).count("shift_reminder") == 1


async def test_a_missing_check_in_is_flagged_to_both_after_thirty_minutes(client, market):
    employer, worker, _, _order = await _deal(market)
    clock.shift(timedelta(days=1, minutes=31))
    await scan_due_notices()
    assert "missing_check_in" in await _events_for(worker["id"])
    assert "missing_check_in" in await _events_for(employer["id"])


async def test_no_missing_check_in_notice_for_a_worker_who_checked_in(client, market):
    employer, worker, job, order = await _deal(market)
    clock.shift(timedelta(days=1, minutes=5))
    await client.post(f"/api/orders/{order['id']}/check-in", headers=worker["headers"],
                      json={"lat": job["location"]["lat"], "lon": job["location"]["lon"]})
    clock.shift(timedelta(minutes=30))
    await scan_due_notices()
    assert "missing_check_in" not in await _events_for(employer["id"])


async def test_the_in_process_runner_delivers_without_redis(market):
    from market.background.runner import InProcessRunner

    await _deal(market)
    runner = InProcessRunner()
    await runner.run_due()
    assert await SmsLog.count() == 2
