"""No-shows: recorded by the employer or staff after the start and the grace, the worker told and able to object
once within the window, staff deciding; a no-show raises no wage warning; outsiders never see the order."""

from datetime import timedelta

import pytest

from market.core import clock
from market.notifications.dispatch import dispatch_due
from market.notifications.reminders import scan_due_notices
from market.notifications.tables import Delivery, OutboxMessage, SmsLog
from market.orders.tables import OrderEvent
from market.settings import reset_settings
from market.wages.tables import WageWarning
from market.wages.watch import scan_wages

SITE = {"lat": 24.5116, "lon": 117.6443}


@pytest.fixture
async def deal(market):
    """An employer, a worker, staff and an accepted order on a job starting tomorrow (24 h after posting)."""
    employer, worker, staff = await market.user("employer"), await market.user("worker"), await market.user("staff")
    job = await market.job(employer, headcount=2)
    order = (await market.accept(job["id"], worker)).json()["order"]
    return {"employer": employer, "worker": worker, "staff": staff, "job": job, "order": order}


async def _post(client, deal, who, path, body=None, language="zh-CN"):
    headers = {**deal[who]["headers"], "Accept-Language": language}
    return await client.post(f"/api/orders/{deal['order']['id']}/{path}", headers=headers, json=body)


async def _status(client, deal):
    return (await client.get(f"/api/orders/{deal['order']['id']}", headers=deal["worker"]["headers"])).json()["status"]


async def _events(recipient):
    rows = await OutboxMessage.select(OutboxMessage.event).where(OutboxMessage.recipient == recipient)
    return sorted(r["event"] for r in rows)


def _after_grace():
    clock.shift(timedelta(days=1, minutes=61))  # the default grace is 60 minutes after the start


async def _record(client, deal, who="employer"):
    _after_grace()
    response = await _post(client, deal, who, "no-show", {"note": "电话不接，人没来"})
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_employer_records_a_no_show_and_the_worker_is_told_in_app_and_by_text(client, deal):
    order = await _record(client, deal)
    assert order["status"] == "no_show"
    assert order["no_show"]["recorded_by_staff"] is False
    assert order["no_show"]["objected_at"] is None
    event = await OrderEvent.select().where(OrderEvent.action == "no_show").first()
    assert (event["from_status"], event["to_status"], event["actor"]) == ("accepted", "no_show", deal["employer"]["id"])
    assert await _events(deal["worker"]["id"]) == ["order_accepted", "order_no_show"]
    texts = await Delivery.select(Delivery.channel).where(Delivery.message.event == "order_no_show")
    assert [t["channel"] for t in texts] == ["sms"]
    await dispatch_due()
    sent = await SmsLog.select(SmsLog.text).where(SmsLog.phone == deal["worker"]["phone"])
    text = next(t["text"] for t in sent if "未到岗" in t["text"])
    assert text.startswith("【零工市场】「搬家临时工」用工方登记您未到岗")
    assert "异议" in text
    assert len(text) <= 70
    inbox = (await client.get("/api/notifications", headers=deal["worker"]["headers"])).json()["items"][0]
    assert inbox["title"] == "您被登记为未到岗"
    assert "异议" in inbox["body"]
    english = (await client.get("/api/notifications", headers={**deal["worker"]["headers"], "Accept-Language": "en"})
               ).json()["items"][0]
    assert english["title"] == "Recorded as a no-show"
    assert "object in the order by" in english["body"]


@pytest.mark.parametrize(("language", "words"), [("zh-CN", "开工60分钟后"), ("en", "60 minutes after the start")])
async def test_no_no_show_inside_the_grace(client, deal, language, words):
    clock.shift(timedelta(days=1, minutes=59))
    early = await _post(client, deal, "employer", "no-show", language=language)
    assert early.status_code == 409
    assert early.json()["code"] == "no_show_too_early"
    assert words in early.json()["detail"]
    assert await _status(client, deal) == "accepted"


async def test_the_grace_is_a_setting(client, deal, monkeypatch):
    monkeypatch.setenv("LINGGONG_NO_SHOW_GRACE_MINUTES", "90")
    reset_settings()
    try:
        _after_grace()
        assert (await _post(client, deal, "employer", "no-show")).json()["code"] == "no_show_too_early"
        clock.shift(timedelta(minutes=30))
        assert (await _post(client, deal, "employer", "no-show")).status_code == 200
    finally:
        monkeypatch.undo()
        reset_settings()


async def test_no_no_show_for_a_worker_who_checked_in(client, deal):
    clock.shift(timedelta(days=1, minutes=5))
    assert (await _post(client, deal, "worker", "check-in", SITE)).status_code == 200
    clock.shift(timedelta(hours=2))
    refused = await _post(client, deal, "employer", "no-show", language="en")
    assert refused.status_code == 409
    assert refused.json()["code"] == "no_show_checked_in"
    assert await _status(client, deal) == "checked_in"


async def test_staff_record_for_the_employer_and_both_are_told(client, deal):
    order = await _record(client, deal, "staff")
    assert order["no_show"]["recorded_by_staff"] is True
    event = await OrderEvent.select().where(OrderEvent.action == "no_show").first()
    assert (event["actor"], event["on_behalf_of"]) == (deal["staff"]["id"], deal["employer"]["id"])
    assert "order_no_show" in await _events(deal["employer"]["id"])
    assert "order_no_show" in await _events(deal["worker"]["id"])


async def test_who_may_record_object_and_decide(client, market, deal):
    stranger, other_employer = await market.user("worker"), await market.user("employer")
    deal["stranger"], deal["other_employer"] = stranger, other_employer
    _after_grace()
    assert (await _post(client, deal, "worker", "no-show")).status_code == 403
    for outsider in ("stranger", "other_employer"):
        assert (await _post(client, deal, outsider, "no-show")).status_code == 404
    assert (await _post(client, deal, "employer", "no-show")).status_code == 200
    objection = {"note": "我到了，手机没电没签上"}
    for party in ("employer", "staff"):
        assert (await _post(client, deal, party, "no-show/objection", objection)).status_code == 403
    for outsider in ("stranger", "other_employer"):
        assert (await _post(client, deal, outsider, "no-show/objection", objection)).status_code == 404
    assert (await _post(client, deal, "worker", "no-show/objection", objection)).status_code == 200
    decision = {"upheld": True}
    for party in ("employer", "worker"):
        assert (await _post(client, deal, party, "no-show/objection/decision", decision)).status_code == 403
    for outsider in ("stranger", "other_employer"):
        assert (await _post(client, deal, outsider, "no-show/objection/decision", decision)).status_code == 404
    assert await _status(client, deal) == "no_show"


async def test_the_worker_objects_once_and_the_employer_and_station_hear(client, market, deal):
    from market.stations.tables import Station, StationStaff

    station = Station(name="芗城区零工驿站", address="漳州市芗城区胜利西路1号", lat=24.512, lon=117.645, hours="",
                      phone="0596-1234567")
    await station.save()
    await StationStaff(station=station.id, user=deal["staff"]["id"]).save()
    await _record(client, deal)
    blank = await _post(client, deal, "worker", "no-show/objection", {"note": "   "})
    assert blank.status_code == 400
    assert blank.json()["fields"][0]["field"] == "note"
    missing = await _post(client, deal, "worker", "no-show/objection", {})
    assert missing.status_code == 400
    assert missing.json()["fields"][0]["field"] == "note"
    objected = await _post(client, deal, "worker", "no-show/objection", {"note": "我到了，手机没电没签上"})
    assert objected.status_code == 200
    assert objected.json()["no_show"]["objection_note"] == "我到了，手机没电没签上"
    again = await _post(client, deal, "worker", "no-show/objection", {"note": "再说一次"}, language="en")
    assert again.status_code == 409
    assert again.json()["code"] == "no_show_objection_filed"
    assert "no_show_objection" in await _events(deal["employer"]["id"])
    assert "no_show_objection" in await _events(deal["staff"]["id"])


async def test_an_objection_after_the_window_is_refused(client, deal):
    await _record(client, deal)
    clock.shift(timedelta(hours=72, minutes=1))
    late = await _post(client, deal, "worker", "no-show/objection", {"note": "晚了"})
    assert late.status_code == 409
    assert late.json()["code"] == "no_show_objection_closed"
    assert "异议期已于" in late.json()["detail"]


async def test_an_upheld_objection_removes_the_no_show_and_it_cannot_be_recorded_again(client, deal):
    await _record(client, deal)
    await _post(client, deal, "worker", "no-show/objection", {"note": "我到了"})
    decided = await _post(client, deal, "staff", "no-show/objection/decision", {"upheld": True, "note": "工友作证"})
    assert decided.status_code == 200
    order = decided.json()
    assert order["status"] == "accepted"
    assert (order["no_show"]["upheld"], order["no_show"]["decision_note"]) == (True, "工友作证")
    for who in ("worker", "employer"):
        assert "no_show_overturned" in await _events(deal[who]["id"])
    again = await _post(client, deal, "employer", "no-show")
    assert again.status_code == 409
    assert again.json()["code"] == "no_show_overturned"
    assert (await _post(client, deal, "employer", "complete")).json()["status"] == "completed"
    actions = [e["action"] for e in await OrderEvent.select(OrderEvent.action).order_by(OrderEvent.id)]
    assert actions == ["accept", "no_show", "no_show_objection", "no_show_overturned", "complete"]


async def test_an_objection_not_upheld_leaves_the_no_show_and_is_decided_once(client, deal):
    await _record(client, deal)
    await _post(client, deal, "worker", "no-show/objection", {"note": "我到了"})
    decided = await _post(client, deal, "staff", "no-show/objection/decision", {"upheld": False, "note": "无人见到"})
    assert decided.json()["status"] == "no_show"
    assert decided.json()["no_show"]["upheld"] is False
    assert "no_show_confirmed" in await _events(deal["worker"]["id"])
    again = await _post(client, deal, "staff", "no-show/objection/decision", {"upheld": True})
    assert again.status_code == 409
    assert again.json()["code"] == "no_show_decided"


async def test_no_decision_without_an_objection(client, deal):
    await _record(client, deal)
    response = await _post(client, deal, "staff", "no-show/objection/decision", {"upheld": True}, language="en")
    assert response.status_code == 409
    assert response.json()["code"] == "no_show_no_objection"


async def test_a_no_show_raises_no_wage_warning(client, deal):
    await _record(client, deal)
    clock.shift(timedelta(days=12))  # far past the pay-by time
    await scan_due_notices()
    await scan_wages()
    assert await WageWarning.count() == 0
    for who in ("employer", "worker"):
        assert not [e for e in await _events(deal[who]["id"]) if e.startswith("wage_")]


async def test_no_shows_are_listed_by_status(client, deal):
    await _record(client, deal)
    page = (await client.get("/api/orders?status=no_show", headers=deal["staff"]["headers"])).json()
    assert [o["id"] for o in page["items"]] == [deal["order"]["id"]]
    assert page["items"][0]["no_show"]["objection_due_at"] is not None
