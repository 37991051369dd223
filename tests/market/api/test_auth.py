"""Accounts: registering, logging in and out by phone and password, the session cookie, and the login rate limit."""

from __future__ import annotations

import secrets
from typing import Any

import httpx
import pytest

from market.accounts.tables import User
from market.settings import reset_settings

PASSWORD = "good-passw0rd"


def registration(phone: str, role: str = "worker", **overrides: Any) -> dict[str, Any]:
    return {"phone": phone, "password": PASSWORD, "name": "王小明", "role": role, **overrides}


async def register(client: Any, market: Any, role: str = "worker") -> dict[str, Any]:
    body = registration(market.next_phone(), role)
    response = await client.post("/api/auth/register", json=body)
    assert response.status_code == 201, response.text
    return body


def field_names(response: Any) -> list[str]:
    return [f["field"] for f in response.json()["fields"]]


@pytest.mark.parametrize("role", ["worker", "employer"])
async def test_register_answers_201_with_the_user(client, market, role):
    phone = market.next_phone()
    response = await client.post("/api/auth/register", json=registration(phone, role))
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "phone", "name", "role", "created_at", "must_change_password", "token"}
    assert body["token"] is None  # only a sign-up by SMS code signs in at once (tests/market/api/test_sms_codes.py)
    assert (body["phone"], body["name"], body["role"]) == (phone, "王小明", role)
    assert isinstance(body["id"], int)


@pytest.mark.parametrize("role", ["staff", "admin"])
async def test_staff_and_admin_cannot_register_themselves(client, market, role):
    response = await client.post("/api/auth/register", json=registration(market.next_phone(), role))
    assert response.status_code == 400
    assert response.json()["code"] == "validation_failed"
    assert field_names(response) == ["role"]
    assert await User.count() == 0


async def test_a_missing_field_is_named_as_sent(client, market):
    body = registration(market.next_phone())
    del body["role"]
    response = await client.post("/api/auth/register", json=body)
    assert response.status_code == 400
    assert [(f["field"], f["code"]) for f in response.json()["fields"]] == [("role", "required")]


async def test_an_unknown_field_is_named_as_sent(client, market):
    response = await client.post("/api/auth/register", json=registration(market.next_phone(), nickname="小王"))
    assert response.status_code == 400
    assert [(f["field"], f["code"]) for f in response.json()["fields"]] == [("nickname", "unknown_field")]
    assert await User.count() == 0


async def test_a_registered_phone_cannot_register_again(client, market):
    phone = market.next_phone()
    assert (await client.post("/api/auth/register", json=registration(phone))).status_code == 201
    response = await client.post("/api/auth/register", json=registration(phone, "employer"))
    assert response.status_code == 409
    assert response.json()["code"] == "phone_taken"
    assert await User.count() == 1


async def test_a_bad_phone_is_refused_in_chinese_by_default(client):
    response = await client.post("/api/auth/register", json=registration("12345"))
    assert response.status_code == 400
    assert response.json()["fields"][0] == {"field": "phone", "message": "手机号应为正确的11位手机号",
                                            "code": "phone_format"}
    assert response.json()["detail"] == "提交的内容有误，请按提示修改"


async def test_a_bad_phone_is_refused_in_english_when_asked(client):
    response = await client.post("/api/auth/register", json=registration("12345"), headers={"Accept-Language": "en"})
    assert response.status_code == 400
    problem = response.json()["fields"][0]
    assert problem["field"] == "phone"
    assert problem["message"] == "Phone number must be an 11-digit mainland mobile number"
    assert response.json()["detail"] == "Some entries need correcting: see the note by each one"


@pytest.mark.parametrize("password", ["short1", "onlyletters", "1234567890"])
async def test_a_weak_password_is_refused(client, market, password):
    response = await client.post("/api/auth/register", json=registration(market.next_phone(), password=password))
    assert response.status_code == 400
    assert field_names(response) == ["password"]
    assert await User.count() == 0


async def test_the_password_is_stored_as_an_argon2id_hash(client, market):
    body = await register(client, market)
    row = await User.select(User.password_hash).where(User.phone == body["phone"]).first()
    assert row["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in row["password_hash"]


async def test_login_answers_the_token_and_sets_the_session_cookie(client, market):
    body = await register(client, market)
    response = await client.post("/api/auth/login", json={"phone": body["phone"], "password": PASSWORD})
    assert response.status_code == 200
    assert response.json()["user"]["phone"] == body["phone"]
    token = response.json()["token"]
    assert token
    assert response.cookies.get("linggong_session") is not None
    me = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["phone"] == body["phone"]


async def test_the_session_cookie_alone_authenticates(client, market):
    body = await register(client, market)
    await client.post("/api/auth/login", json={"phone": body["phone"], "password": PASSWORD})
    assert client.cookies.get("linggong_session")
    response = await client.get("/api/auth/me")
    assert response.status_code == 200
    assert response.json()["phone"] == body["phone"]


async def test_wrong_password_and_unknown_phone_get_the_same_answer(client, market):
    body = await register(client, market)
    wrong = await client.post("/api/auth/login", json={"phone": body["phone"], "password": "not-the-passw0rd"})
    unknown = await client.post("/api/auth/login", json={"phone": market.next_phone(), "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["code"] == "login_failed"


async def test_without_a_login_me_is_401(client):
    response = await client.get("/api/auth/me")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


async def test_logout_makes_the_old_token_useless(client, market):
    body = await register(client, market)
    token = (await client.post("/api/auth/login", json={"phone": body["phone"], "password": PASSWORD})).json()["token"]
    client.cookies.clear()
    headers = {"Authorization": f"Bearer {token}"}
    assert (await client.post("/api/auth/logout", headers=headers)).status_code == 200
    response = await client.get("/api/auth/me", headers=headers)
    assert response.status_code == 401


def strict_app(monkeypatch: pytest.MonkeyPatch, *, per_phone: int, per_address: int) -> Any:
    """An app built with small attempt limits; the shared settings are restored at once."""
    from market.app import create_app

    monkeypatch.setenv("LINGGONG_LOGIN_ATTEMPTS_PER_MINUTE", str(per_phone))
    monkeypatch.setenv("LINGGONG_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE", str(per_address))
    reset_settings()
    try:
        return create_app()
    finally:
        monkeypatch.undo()
        reset_settings()


def client_from(app: Any, address: str) -> httpx.AsyncClient:
    """A client whose requests come from `address` (the counts are shared through Redis when the suite has it)."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def unused_phone() -> str:
    """A phone no other test tries, so counts kept in a shared Redis from earlier tests cannot interfere."""
    return f"137{secrets.randbelow(10**8):08d}"


def unused_address() -> str:
    """A client address (from a documentation range) no other test uses."""
    return f"198.51.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"


async def test_the_fourth_login_attempt_on_a_phone_from_one_address_in_a_minute_is_refused(client, monkeypatch):
    app = strict_app(monkeypatch, per_phone=3, per_address=1000)
    attempt = {"phone": unused_phone(), "password": "guess-passw0rd"}
    address = unused_address()
    async with client_from(app, address) as first, client_from(app, address) as second:
        for caller in (first, second, first):
            assert (await caller.post("/api/auth/login", json=attempt)).status_code == 401
        response = await second.post("/api/auth/login", json=attempt, headers={"Accept-Language": "en"})
        assert response.status_code == 429
        assert response.json() == {"status_code": 429, "code": "too_many_requests",
                                   "detail": "Too many requests; please try again later", "fields": []}
        assert 1 <= int(response.headers["Retry-After"]) <= 60
        other_phone = {"phone": unused_phone(), "password": "guess-passw0rd"}
        assert (await first.post("/api/auth/login", json=other_phone)).status_code == 401, "other phones go on"


async def test_one_address_is_refused_after_its_looser_limit_across_phones(client, monkeypatch):
    app = strict_app(monkeypatch, per_phone=1000, per_address=4)
    address = unused_address()
    async with client_from(app, address) as crowded, client_from(app, unused_address()) as elsewhere:
        for _ in range(4):
            attempt = {"phone": unused_phone(), "password": "guess-passw0rd"}
            assert (await crowded.post("/api/auth/login", json=attempt)).status_code == 401
        registering = registration(unused_phone())
        assert (await crowded.post("/api/auth/register", json=registering)).status_code == 429
        assert (await elsewhere.post("/api/auth/register", json=registering)).status_code == 201


async def test_a_phone_written_with_a_country_code_is_the_same_phone(client):
    response = await client.post("/api/auth/register", json=registration("+86 139-0000-0042"))
    assert response.status_code == 201
    assert response.json()["phone"] == "13900000042"
    again = await client.post("/api/auth/register", json=registration("13900000042"))
    assert again.status_code == 409
    login = await client.post("/api/auth/login", json={"phone": "139 0000 0042", "password": PASSWORD})
    assert login.status_code == 200
