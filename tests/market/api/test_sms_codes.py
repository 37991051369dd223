"""Accounts by SMS code: signing in, signing up and resetting a password with a six-digit code texted to the phone;
codes single use, short-lived and throttled; asking for one tells nobody whether a phone is registered."""

from __future__ import annotations

import re
import statistics
import time
from datetime import timedelta
from typing import Any

import pytest

from market.accounts.tables import User
from market.core import clock
from market.notifications.dispatch import dispatch_due
from market.notifications.tables import OutboxMessage, SmsLog
from market.settings import reset_settings


async def ask(client: Any, phone: str, purpose: str = "login", **headers: str) -> Any:
    """The raw answer to asking for a code."""
    return await client.post("/api/auth/sms-code", json={"phone": phone, "purpose": purpose}, headers=headers)


async def code_for(client: Any, phones: Any, phone: str, purpose: str = "login") -> str:
    """Ask for a code and read it off the phone."""
    response = await ask(client, phone, purpose)
    assert response.status_code == 202, response.text
    return await phones.code_sent_to(phone)


def field_code(response: Any) -> tuple[int, list[tuple[str, str]]]:
    """The status and the (field, code) of each field error."""
    return response.status_code, [(f["field"], f["code"]) for f in response.json().get("fields", [])]


async def test_a_worker_signs_in_with_the_code_texted_to_their_phone(client, market, phones):
    worker = await market.user("worker", name="张师傅")
    code = await code_for(client, phones, worker["phone"])
    text = phones.texts[-1][1]
    assert text == f"【零工市场】验证码{code}：您正在登录零工市场，5分钟内有效。请勿告诉他人，工作人员不会向您索要。"
    response = await client.post("/api/auth/login", json={"phone": worker["phone"], "code": code})
    assert response.status_code == 200, response.text
    assert response.json()["user"]["id"] == worker["id"]
    assert "linggong_session" in response.cookies
    me = await client.get("/api/auth/me")
    assert me.json()["name"] == "张师傅"


async def test_a_code_works_once(client, market, phones):
    worker = await market.user("worker")
    code = await code_for(client, phones, worker["phone"])
    first = await client.post("/api/auth/login", json={"phone": worker["phone"], "code": code})
    assert first.status_code == 200
    again = await client.post("/api/auth/login", json={"phone": worker["phone"], "code": code})
    assert field_code(again) == (401, [("code", "code_used")])


async def test_a_wrong_code_is_refused_and_five_wrong_guesses_end_the_code(client, market, phones):
    worker = await market.user("worker")
    code = await code_for(client, phones, worker["phone"])
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    answer = await client.post("/api/auth/login", json={"phone": worker["phone"], "code": wrong},
                               headers={"Accept-Language": "en"})
    assert field_code(answer) == (401, [("code", "code_wrong")])
    assert answer.json()["detail"] == "That is not the code we sent"
    assert answer.json()["fields"][0]["message"] == "Code is not the code that was sent"
    for _ in range(4):
        await client.post("/api/auth/login", json={"phone": worker["phone"], "code": wrong})
    right = await client.post("/api/auth/login", json={"phone": worker["phone"], "code": code})
    assert field_code(right) == (401, [("code", "code_expired")])


async def test_a_code_expires_after_five_minutes(client, market, phones):
    worker = await market.user("worker")
    code = await code_for(client, phones, worker["phone"])
    clock.shift(timedelta(minutes=5, seconds=1))
    late = await client.post("/api/auth/login", json={"phone": worker["phone"], "code": code})
    assert field_code(late) == (401, [("code", "code_expired")])


async def test_a_code_for_one_purpose_does_not_serve_another(client, market, phones):
    worker = await market.user("worker")
    code = await code_for(client, phones, worker["phone"], "reset")
    response = await client.post("/api/auth/login", json={"phone": worker["phone"], "code": code})
    assert field_code(response) == (401, [("code", "code_expired")])


async def test_a_code_that_is_not_six_digits_says_so_without_costing_a_guess(client, market, phones):
    worker = await market.user("worker")
    code = await code_for(client, phones, worker["phone"])
    for typo in ("12345", "abcdef", "1234567", "", "12345", "12345"):
        response = await client.post("/api/auth/login", json={"phone": worker["phone"], "code": typo})
        assert field_code(response) == (400, [("code", "code_format")])
    assert (await client.post("/api/auth/login", json={"phone": worker["phone"], "code": code})).status_code == 200


async def test_asking_for_a_code_looks_the_same_for_registered_and_unknown_phones(client, market, phones):
    registered = [(await market.user("worker"))["phone"] for _ in range(6)]
    unknown = [market.next_phone() for _ in range(6)]
    answers: dict[str, list[Any]] = {"registered": [], "unknown": []}
    took: dict[str, list[float]] = {"registered": [], "unknown": []}
    for mine, theirs in zip(registered, unknown, strict=True):
        for kind, phone in (("registered", mine), ("unknown", theirs)):
            started = time.perf_counter()
            answers[kind].append(await ask(client, phone))
            took[kind].append(time.perf_counter() - started)
    shapes = {kind: {(r.status_code, tuple(sorted((k, v) for k, v in r.json().items() if k != "sent_to")))
                     for r in replies} for kind, replies in answers.items()}
    assert shapes["registered"] == shapes["unknown"] == {(202, (("expires_in_s", 300), ("resend_after_s", 60)))}
    assert answers["unknown"][0].json()["sent_to"] == f"{unknown[0][:3]}****{unknown[0][-4:]}"
    fast, slow = sorted([statistics.median(took["registered"]), statistics.median(took["unknown"])])
    assert slow < fast * 3 + 0.02, took  # the same work either way: no user is looked up before a code comes back
    await dispatch_due()
    texts = {to: re.sub(r"\d{6}", "######", text) for to, text in phones.texts}
    assert texts[registered[0]] == texts[unknown[0]]  # the same text reaches both phones
    rows = await OutboxMessage.select(OutboxMessage.recipient, OutboxMessage.phone).where(
        OutboxMessage.event == "account_code_login")
    assert {row["recipient"] for row in rows} == {None}  # in nobody's inbox, registered or not
    assert {row["phone"] for row in rows} == set(registered) | set(unknown)


async def test_with_a_valid_code_an_unknown_phone_is_told_to_sign_up(client, market, phones):
    phone = market.next_phone()
    code = await code_for(client, phones, phone)
    response = await client.post("/api/auth/login", json={"phone": phone, "code": code})
    assert field_code(response) == (404, [("phone", "no_account_field")])


async def test_staff_accounts_keep_their_password(client, market, phones):
    staff = await market.station_staff()
    code = await code_for(client, phones, staff["phone"])
    response = await client.post("/api/auth/login", json={"phone": staff["phone"], "code": code})
    assert field_code(response) == (403, [("phone", "code_not_for_role_field")])
    reset = await code_for(client, phones, staff["phone"], "reset")
    answer = await client.post("/api/auth/reset-password",
                               json={"phone": staff["phone"], "code": reset, "password": "new-passw0rd"})
    assert field_code(answer) == (403, [("phone", "code_not_for_role_field")])


async def test_one_code_a_minute_and_a_few_an_hour_per_phone(client, market, phones):
    phone = market.next_phone()
    assert (await ask(client, phone)).status_code == 202
    again = await ask(client, phone)
    assert again.status_code == 429
    assert 1 <= int(again.headers["Retry-After"]) <= 61
    assert (await ask(client, phone, "register")).status_code == 202  # another purpose has its own minute
    for _ in range(3):
        clock.shift(timedelta(seconds=61))
        assert (await ask(client, phone)).status_code == 202
    clock.shift(timedelta(seconds=61))
    over = await ask(client, phone)  # five this hour: login 1 + register 1 + login 3
    assert over.status_code == 429
    assert int(over.headers["Retry-After"]) > 60 * 50
    clock.shift(timedelta(hours=1))
    assert (await ask(client, phone)).status_code == 202


@pytest.fixture
def few_per_address(monkeypatch: pytest.MonkeyPatch):
    """Three codes an hour per client address."""
    monkeypatch.setenv("LINGGONG_SMS_CODES_PER_ADDRESS_PER_HOUR", "3")
    reset_settings()
    yield
    monkeypatch.undo()
    reset_settings()


async def test_one_address_cannot_text_phone_after_phone(client, market, phones, few_per_address):
    for _ in range(3):
        assert (await ask(client, market.next_phone())).status_code == 202
    refused = await ask(client, market.next_phone())
    assert refused.status_code == 429
    assert refused.json()["code"] == "too_many_requests"


async def test_a_bad_phone_or_purpose_is_named(client):
    response = await client.post("/api/auth/sms-code", json={"phone": "12345", "purpose": "login"})
    assert field_code(response) == (400, [("phone", "phone_format")])
    response = await client.post("/api/auth/sms-code", json={"phone": "13800000009", "purpose": "hack"},
                                 headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "sign in" in response.json()["fields"][0]["message"]


async def test_no_staff_readable_row_or_log_holds_the_code(client, market, caplog):
    worker = await market.user("worker")
    assert (await ask(client, worker["phone"])).status_code == 202
    row = await OutboxMessage.select(OutboxMessage.payload).where(
        OutboxMessage.event == "account_code_login").output(load_json=True).first()
    assert set(row["payload"]) == {"account_code_id", "minutes", "sealed_code"}
    assert row["payload"]["sealed_code"].startswith("v1:")  # sealed: opened only by the dispatcher as it sends
    await dispatch_due()  # the development adapter: the SMS log, which staff read
    logged = await SmsLog.select(SmsLog.text).where(SmsLog.phone == worker["phone"]).first()
    assert "验证码******" in logged["text"]
    row = await OutboxMessage.select(OutboxMessage.payload).where(
        OutboxMessage.event == "account_code_login").output(load_json=True).first()
    assert "sealed_code" not in row["payload"]  # not even sealed once the text has gone
    assert not any(re.search(r"验证码\d{6}", record.getMessage()) for record in caplog.records)


async def test_sign_up_by_code_without_a_password_signs_in(client, market, phones):
    phone = market.next_phone()
    code = await code_for(client, phones, phone, "register")
    response = await client.post("/api/auth/register",
                                 json={"phone": phone, "code": code, "name": "李秀英", "role": "worker"})
    assert response.status_code == 201, response.text
    assert response.json()["token"]
    assert (await client.get("/api/auth/me")).json()["phone"] == phone  # the cookie came with it
    client.cookies.clear()
    bearer = {"Authorization": f"Bearer {response.json()['token']}"}
    assert (await client.get("/api/workers/me", headers=bearer)).status_code == 200
    nothing = await client.post("/api/auth/login", json={"phone": phone, "password": "passw0rd-guess"})
    assert nothing.status_code == 401  # no password was set: signing in is by code
    clock.shift(timedelta(seconds=61))
    login = await code_for(client, phones, phone)
    assert (await client.post("/api/auth/login", json={"phone": phone, "code": login})).status_code == 200


async def test_an_employer_signs_up_by_code_with_a_password_too(client, market, phones):
    phone = market.next_phone()
    code = await code_for(client, phones, phone, "register")
    response = await client.post("/api/auth/register", json={
        "phone": phone, "code": code, "name": "漳州鑫达装修", "role": "employer", "password": "shop-passw0rd"})
    assert response.status_code == 201, response.text
    assert response.json()["role"] == "employer"
    login = await client.post("/api/auth/login", json={"phone": phone, "password": "shop-passw0rd"})
    assert login.status_code == 200


async def test_sign_up_by_code_for_a_taken_phone_is_a_conflict_and_leaves_the_code(client, market, phones):
    worker = await market.user("worker")
    code = await code_for(client, phones, worker["phone"], "register")
    body = {"phone": worker["phone"], "code": code, "name": "别人", "role": "worker"}
    response = await client.post("/api/auth/register", json=body)
    assert (response.status_code, response.json()["code"]) == (409, "phone_taken")


async def test_sign_up_needs_a_password_or_a_code(client, market):
    response = await client.post("/api/auth/register",
                                 json={"phone": market.next_phone(), "name": "王五", "role": "worker"})
    assert field_code(response) == (400, [("password", "required")])
    response = await client.post("/api/auth/login", json={"phone": market.next_phone()})
    assert field_code(response) == (400, [("password", "required")])


async def test_a_wrong_sign_up_code_creates_nobody(client, market, phones):
    phone = market.next_phone()
    code = await code_for(client, phones, phone, "register")
    wrong = f"{(int(code) + 7) % 1_000_000:06d}"
    response = await client.post("/api/auth/register",
                                 json={"phone": phone, "code": wrong, "name": "王五", "role": "worker"})
    assert field_code(response) == (401, [("code", "code_wrong")])
    assert not await User.exists().where(User.phone == phone)


async def test_reset_by_code_sets_the_password_and_ends_every_old_session(client, market, phones):
    worker = await market.user("worker")
    old = worker["headers"]
    assert (await client.get("/api/auth/me", headers=old)).status_code == 200
    code = await code_for(client, phones, worker["phone"], "reset")
    response = await client.post("/api/auth/reset-password",
                                 json={"phone": worker["phone"], "code": code, "password": "new-passw0rd"})
    assert response.status_code == 200, response.text
    fresh = {"Authorization": f"Bearer {response.json()['token']}"}
    client.cookies.clear()
    assert (await client.get("/api/auth/me", headers=old)).status_code == 401
    assert (await client.get("/api/auth/me", headers=fresh)).status_code == 200
    assert (await client.post("/api/auth/login",
                              json={"phone": worker["phone"], "password": market.password})).status_code == 401
    assert (await client.post("/api/auth/login",
                              json={"phone": worker["phone"], "password": "new-passw0rd"})).status_code == 200
    again = await client.post("/api/auth/reset-password",
                              json={"phone": worker["phone"], "code": code, "password": "other-passw0rd"})
    assert field_code(again) == (401, [("code", "code_used")])


async def test_a_weak_new_password_is_refused_before_the_code_is_spent(client, market, phones):
    worker = await market.user("worker")
    code = await code_for(client, phones, worker["phone"], "reset")
    weak = await client.post("/api/auth/reset-password", json={"phone": worker["phone"], "code": code,
                                                               "password": "short"})
    assert weak.status_code == 400
    assert [f for f, _ in field_code(weak)[1]] == ["password"]
    good = await client.post("/api/auth/reset-password", json={"phone": worker["phone"], "code": code,
                                                               "password": "good-passw0rd"})
    assert good.status_code == 200


async def test_reset_for_an_unknown_phone_says_so_only_to_the_phones_holder(client, market, phones):
    phone = market.next_phone()
    wrong = await client.post("/api/auth/reset-password",
                              json={"phone": phone, "code": "000000", "password": "new-passw0rd"})
    assert field_code(wrong) == (401, [("code", "code_expired")])  # the same as for a registered phone
    code = await code_for(client, phones, phone, "reset")
    known = await client.post("/api/auth/reset-password",
                              json={"phone": phone, "code": code, "password": "new-passw0rd"})
    assert field_code(known) == (404, [("phone", "no_account_field")])
