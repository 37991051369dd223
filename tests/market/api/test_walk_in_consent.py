"""Staff acting for a worker: codes nobody but the worker's phone sees, used once inside the act, drawn signatures
that decode and only for walk-ins, and a record of every act with its evidence."""

import asyncio
import base64
import hashlib

import pytest

from market.notifications.dispatch import dispatch_due
from market.notifications.tables import OutboxMessage, SmsLog
from market.orders.tables import Order
from market.stations import consent as consent_module
from market.stations.walk_in_tables import ConsentCode
from tests.market.api.test_accept import signature_png
from tests.market.api.test_profiles import ID_NUMBER

CODE = "246801"


@pytest.fixture
def known_code(monkeypatch):
    """Every code texted in this test is CODE, so the test can look for it wherever it must not be."""
    monkeypatch.setattr(consent_module, "new_code", lambda: CODE)
    return CODE


async def _send_code(client, staff, worker_id, **body):
    response = await client.post(f"/api/walk-ins/{worker_id}/consent-codes", headers=staff["headers"], json=body)
    assert response.status_code == 201, response.text
    return response


async def _accept(client, staff, job_id, worker_id, **consent):
    return await client.post(f"/api/jobs/{job_id}/accept", headers=staff["headers"],
                             json={"worker_id": worker_id, **consent})


async def _stored_payloads() -> str:
    rows = await OutboxMessage.select(OutboxMessage.payload)
    return " ".join(str(row["payload"]) for row in rows)


async def test_a_code_reaches_the_phone_and_no_stored_row_holds_it(client, market, phones, known_code):
    employer, staff, worker = await market.user("employer"), await market.user("staff"), await market.user("worker")
    job = await market.job(employer)
    await _send_code(client, staff, worker["id"], job_id=job["id"])
    assert known_code not in await _stored_payloads(), "the outbox keeps the code sealed, never in plain text"
    assert await phones.code_sent_to(worker["phone"]) == known_code
    assert known_code not in await _stored_payloads()
    assert "sealed_code" not in await _stored_payloads(), "once sent, not even the sealed copy is kept"
    codes = await ConsentCode.select(ConsentCode.code_hash)
    assert codes
    assert all(known_code not in row["code_hash"] for row in codes)


async def test_staff_cannot_read_a_code_back_from_the_sms_log(client, market, known_code):
    employer, staff, worker = await market.user("employer"), await market.user("staff"), await market.user("worker")
    job = await market.job(employer)
    await _send_code(client, staff, worker["id"], job_id=job["id"])
    assert await dispatch_due() >= 1
    log = await client.get("/api/deliveries/sms", headers=staff["headers"])
    assert log.status_code == 200
    texts = [item["text"] for item in log.json()["items"]]
    assert texts
    assert all(known_code not in text for text in texts)
    assert any("验证码******" in text for text in texts)
    assert all(known_code not in row["text"] for row in await SmsLog.select(SmsLog.text))
    failed = await client.get("/api/deliveries/failed", headers=staff["headers"])
    assert known_code not in failed.text
    inbox = await client.get("/api/notifications", headers=worker["headers"])
    assert known_code not in inbox.text


async def test_a_drawn_signature_that_does_not_decode_is_refused_naming_the_field(client, market):
    employer, staff = await market.user("employer"), await market.station_staff()
    walk_in = await market.walk_in(staff)
    job = await market.job(employer)
    junk = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 2000).decode()
    for language, words in (("zh-CN", "手写签名已损坏"), ("en", "Drawn signature cannot be decoded")):
        response = await client.post(f"/api/jobs/{job['id']}/accept", json={
            "worker_id": walk_in["id"], "consent": "staff_signature", "signature_png": junk},
            headers={**staff["headers"], "Accept-Language": language})
        assert response.status_code == 400, response.text
        field = response.json()["fields"][0]
        assert (field["field"], field["code"]) == ("signature_png", "signature_undecodable")
        assert words in field["message"]
    assert await Order.count() == 0


@pytest.mark.parametrize(("size", "code"), [((1, 1), "signature_size"), ((6000, 20), "signature_size"),
                                            ((240, 80), "signature_blank")])
async def test_a_drawn_signature_of_no_use_is_refused(client, market, size, code):
    import io

    from PIL import Image

    employer, staff = await market.user("employer"), await market.station_staff()
    walk_in, job = await market.walk_in(staff), await market.job(employer)
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    response = await _accept(client, staff, job["id"], walk_in["id"], consent="staff_signature",
                             signature_png=base64.b64encode(buffer.getvalue()).decode())
    assert response.status_code == 400
    assert response.json()["fields"][0]["code"] == code


async def test_staff_cannot_act_for_a_self_registered_worker_without_consent(client, market, phones):
    employer, staff, worker = await market.user("employer"), await market.station_staff(), await market.user("worker")
    job = await market.job(employer)
    signed = await _accept(client, staff, job["id"], worker["id"], consent="staff_signature",
                           signature_png=signature_png())
    assert signed.status_code == 403
    assert signed.json()["code"] == "not_a_walk_in"
    assert "自行注册" in signed.json()["detail"]
    edited = await client.put(f"/api/workers/{worker['id']}", json={"real_name": "冒名"}, headers=staff["headers"])
    assert edited.status_code == 403
    await _send_code(client, staff, worker["id"])  # standing consent: the worker reads the code out at the station
    given = await client.post(f"/api/walk-ins/{worker['id']}/consent", headers=staff["headers"],
                              json={"consent_code": await phones.code_sent_to(worker["phone"])})
    assert given.status_code == 201, given.text
    colleague, elsewhere = await market.station_staff(staff["station_id"]), await market.station_staff()
    assert (await _accept(client, colleague, job["id"], worker["id"], consent="staff_signature",
                          signature_png=signature_png())).status_code == 201, "the station holds the consent"
    refused = await client.put(f"/api/workers/{worker['id']}", json={"real_name": "冒名"},
                               headers=elsewhere["headers"])
    assert refused.status_code == 403, "another station does not"


async def test_every_on_behalf_act_is_recorded_for_the_station_and_admins(client, market, phones):
    from datetime import timedelta

    from market.core import clock

    employer, staff = await market.user("employer"), await market.station_staff()
    walk_in, job = await market.walk_in(staff), await market.job(employer)
    assert (await client.put(f"/api/workers/{walk_in['id']}", json={"real_name": "李秀英", "id_number": ID_NUMBER},
                             headers=staff["headers"])).status_code == 200
    drawn = signature_png()
    accepted = await _accept(client, staff, job["id"], walk_in["id"], consent="staff_signature", signature_png=drawn)
    assert accepted.status_code == 201, accepted.text
    order_id = accepted.json()["order"]["id"]
    clock.shift(timedelta(days=1, hours=9))
    await client.post(f"/api/orders/{order_id}/complete", headers=employer["headers"])
    await client.post(f"/api/orders/{order_id}/paid", headers=employer["headers"], json={"amount_fen": 25000})
    bare = await client.post(f"/api/orders/{order_id}/confirm-payment", headers=staff["headers"], json={})
    assert bare.status_code == 400, "confirming for the worker needs their consent"
    assert bare.json()["fields"][0]["field"] == "consent"
    await _send_code(client, staff, walk_in["id"], order_id=order_id)
    code = await phones.code_sent_to(walk_in["phone"])
    confirmed = await client.post(f"/api/orders/{order_id}/confirm-payment", headers=staff["headers"],
                                  json={"consent": "staff_sms_code", "consent_code": code})
    assert confirmed.status_code == 200, confirmed.text

    acts = await client.get(f"/api/workers/{walk_in['id']}/on-behalf-acts", headers=staff["headers"])
    assert acts.status_code == 200, acts.text
    items = acts.json()["items"]
    assert [i["act"] for i in items] == ["confirm_payment", "accept", "edit_profile"]
    assert all((i["staff_id"], i["station_id"]) == (staff["id"], staff["station_id"]) for i in items)
    assert items[0]["evidence"].startswith("consent_code:")
    assert items[1]["evidence"] == "signature:sha256:" + hashlib.sha256(base64.b64decode(drawn)).hexdigest()
    assert items[2]["fields"] == ["real_name", "id_number"]
    assert {i["consent_how"] for i in items} == {"registered"}
    admin = await market.user("admin")
    assert (await client.get(f"/api/workers/{walk_in['id']}/on-behalf-acts", headers=admin["headers"])
            ).json()["total"] == 3
    other = await market.station_staff()
    assert (await client.get(f"/api/workers/{walk_in['id']}/on-behalf-acts", headers=other["headers"])
            ).json()["total"] == 0
    worker = await market.user("worker")
    assert (await client.get(f"/api/workers/{walk_in['id']}/on-behalf-acts", headers=worker["headers"])
            ).status_code == 403
    from market.stations.walk_in_tables import OnBehalfAct

    assert await OnBehalfAct.count() == 3


async def test_two_accepts_at_once_cannot_share_one_code(client, market, phones):
    employer, staff, worker = await market.user("employer"), await market.user("staff"), await market.user("worker")
    job = await market.job(employer, headcount=2)
    await _send_code(client, staff, worker["id"], job_id=job["id"])
    code = await phones.code_sent_to(worker["phone"])
    answers = await asyncio.gather(*(_accept(client, staff, job["id"], worker["id"], consent="staff_sms_code",
                                             consent_code=code) for _ in range(2)))
    assert sorted(a.status_code for a in answers) == [201, 400]
    loser = next(a for a in answers if a.status_code == 400).json()["fields"][0]
    assert (loser["field"], loser["code"]) == ("consent_code", "code_used")
    assert await Order.count() == 1


async def test_a_code_typed_again_after_it_was_used_is_refused_as_used_not_expired(client, market, phones):
    employer, staff, worker = await market.user("employer"), await market.user("staff"), await market.user("worker")
    job, other = await market.job(employer, headcount=2), await market.job(employer, headcount=2)
    await _send_code(client, staff, worker["id"], job_id=job["id"])
    code = await phones.code_sent_to(worker["phone"])
    first = await _accept(client, staff, job["id"], worker["id"], consent="staff_sms_code", consent_code=code)
    assert first.status_code == 201, first.text
    again = await _accept(client, staff, job["id"], worker["id"], consent="staff_sms_code", consent_code=code)
    assert again.status_code == 400, again.text
    assert [(f["field"], f["code"]) for f in again.json()["fields"]] == [("consent_code", "code_used")]
    # the code was for the first job: on another it was never sent
    elsewhere = await _accept(client, staff, other["id"], worker["id"], consent="staff_sms_code", consent_code=code)
    assert [(f["field"], f["code"]) for f in elsewhere.json()["fields"]] == [("consent_code", "code_expired")]


async def test_a_refused_accept_leaves_the_code_usable(client, market, phones):
    employer, staff = await market.user("employer"), await market.user("staff")
    worker, first = await market.user("worker"), await market.user("worker")
    job = await market.job(employer, headcount=1)
    taken = (await market.accept(job["id"], first)).json()["order"]
    await _send_code(client, staff, worker["id"], job_id=job["id"])
    code = await phones.code_sent_to(worker["phone"])
    full = await _accept(client, staff, job["id"], worker["id"], consent="staff_sms_code", consent_code=code)
    assert full.status_code == 409
    assert full.json()["code"] == "job_full"
    await client.post(f"/api/orders/{taken['id']}/cancel", headers=first["headers"], json={})
    again = await _accept(client, staff, job["id"], worker["id"], consent="staff_sms_code", consent_code=code)
    assert again.status_code == 201, again.text


async def test_codes_kept_in_plain_text_before_are_hidden_by_a_migration(market):
    import importlib

    from market.notifications.tables import Delivery

    migration = importlib.import_module(
        "market.notifications.piccolo_migrations.notifications_2026_12_01t09_33_42_584966")
    worker = await market.user("worker")
    message = OutboxMessage(event="consent_code", recipient=worker["id"], dedupe_key="consent_code:legacy",
                            payload={"code": CODE, "job_id": 1, "title": "搬家"})
    await message.save()
    delivery = Delivery(message=message.id, channel="sms")
    await delivery.save()
    text = f"【零工市场】验证码{CODE}：您正在驿站确认接单"
    await SmsLog(delivery=delivery.id, phone=worker["phone"], text=text).save()
    for step in (await migration.forwards()).raw:
        await step()
    assert CODE not in await _stored_payloads()
    assert [row["text"] for row in await SmsLog.select(SmsLog.text)] == ["【零工市场】验证码******：您正在驿站确认接单"]


async def test_a_retried_accept_with_a_used_code_gets_the_first_answer(client, market, phones):
    employer, staff, worker = await market.user("employer"), await market.user("staff"), await market.user("worker")
    job = await market.job(employer)
    await _send_code(client, staff, worker["id"], job_id=job["id"])
    body = {"worker_id": worker["id"], "consent": "staff_sms_code",
            "consent_code": await phones.code_sent_to(worker["phone"])}
    headers = {**staff["headers"], "Idempotency-Key": "station-tablet-1"}
    first = await client.post(f"/api/jobs/{job['id']}/accept", headers=headers, json=body)
    again = await client.post(f"/api/jobs/{job['id']}/accept", headers=headers, json=body)
    assert (first.status_code, again.status_code) == (201, 201), again.text
    assert again.json()["order"]["id"] == first.json()["order"]["id"]


async def test_a_worker_gets_at_most_ten_codes_an_hour(client, market):
    staff, worker = await market.user("staff"), await market.user("worker")
    for _ in range(consent_module.CODES_PER_HOUR):
        await _send_code(client, staff, worker["id"])
    refused = await client.post(f"/api/walk-ins/{worker['id']}/consent-codes", headers=staff["headers"], json={})
    assert refused.status_code == 429
    assert "Retry-After" in refused.headers


@pytest.mark.parametrize("route", ["consent-codes", "consent"])
async def test_a_path_id_that_is_not_a_worker_is_404_worker_not_found(client, market, route):
    employer, staff = await market.user("employer"), await market.user("staff")
    body = {"consent_code": CODE} if route == "consent" else {}
    for nobody in (employer["id"], staff["id"], 999_999):
        response = await client.post(f"/api/walk-ins/{nobody}/{route}", headers=staff["headers"], json=body)
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "worker_not_found"
