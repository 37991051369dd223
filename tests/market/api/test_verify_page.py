"""The page a contract's QR code opens shows the signing time in the market's zone, readably, and sends people
to the upload screen rather than to an API path."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from market.contracts.tables import Contract
from market.contracts.verify_page import local_time
from market.settings import reset_settings


@pytest.fixture
async def page_token(market) -> str:
    employer = await market.user("employer", name="漳州市鑫盛建筑劳务有限公司")
    worker = await market.user("worker", name="林建国")
    job = await market.job(employer)
    contract = (await market.accept(job["id"], worker)).json()["contract"]
    return contract["verify_url"].rsplit("/", 1)[1]


async def test_the_page_shows_the_signing_time_in_beijing_time(client, page_token):
    row = await Contract.select(Contract.issued_at).where(Contract.verify_token == page_token).first()
    local = row["issued_at"].astimezone(ZoneInfo("Asia/Shanghai"))
    page = await client.get(f"/verify/{page_token}")
    assert page.status_code == 200
    assert f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}（北京时间，UTC+8）" in page.text
    assert "+00:00" not in page.text
    english = await client.get(f"/verify/{page_token}", headers={"Accept-Language": "en"})
    assert f"{local:%H:%M} (Beijing time, UTC+8)" in english.text


@pytest.mark.parametrize("language", ["zh-CN", "en"])
async def test_the_page_links_to_the_upload_screen_not_an_api_path(client, page_token, language):
    page = await client.get(f"/verify/{page_token}", headers={"Accept-Language": language})
    assert "href='/#/verify'" in page.text
    assert "/api/contracts/verify" not in page.text


def test_local_time_is_readable_in_both_languages():
    at = datetime(2026, 12, 1, 7, 22, tzinfo=UTC)
    assert local_time(at, "zh-CN") == "2026年12月1日 15:22（北京时间，UTC+8）"
    assert local_time(at, "en") == "1 Dec 2026, 15:22 (Beijing time, UTC+8)"


def test_local_time_follows_the_markets_zone(monkeypatch):
    monkeypatch.setenv("LINGGONG_TIMEZONE", "Asia/Kolkata")
    reset_settings()
    try:
        at = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
        assert local_time(at, "zh-CN") == "2026年12月2日 01:30（Asia/Kolkata，UTC+5:30）"
        assert local_time(at, "en") == "2 Dec 2026, 01:30 (Asia/Kolkata, UTC+5:30)"
    finally:
        monkeypatch.delenv("LINGGONG_TIMEZONE")
        reset_settings()


@pytest.fixture
async def accepted(market) -> dict:
    employer = await market.user("employer", name="漳州市鑫盛建筑劳务有限公司")
    worker = await market.user("worker", name="林建国")
    job = await market.job(employer)
    answer = (await market.accept(job["id"], worker)).json()
    return {"token": answer["contract"]["verify_url"].rsplit("/", 1)[1], "order_id": answer["order"]["id"],
            "worker": worker}


async def test_signed_out_the_page_offers_sign_in_that_returns_to_the_complaint_form(client, accepted):
    page = await client.get(f"/verify/{accepted['token']}")
    assert "投诉欠薪" in page.text
    assert f"href='/#/login?next=%2Fcomplaint%2F{accepted['order_id']}'" in page.text
    assert "href='/#/complaint/" not in page.text
    assert "private" in page.headers["cache-control"]  # it differs by who is signed in
    english = await client.get(f"/verify/{accepted['token']}", headers={"Accept-Language": "en"})
    assert "Sign in to complain" in english.text


async def test_the_orders_worker_goes_straight_to_the_complaint_form_and_sees_no_personal_data(client, accepted):
    worker = accepted["worker"]
    client.cookies.set("linggong_session", f"Bearer {worker['token']}")
    try:
        page = await client.get(f"/verify/{accepted['token']}")
    finally:
        client.cookies.clear()
    assert f"href='/#/complaint/{accepted['order_id']}'" in page.text
    assert "/#/login" not in page.text
    assert "林建国" not in page.text
    assert worker["phone"] not in page.text


async def test_anyone_else_signed_in_is_offered_sign_in_not_the_form(client, market, accepted):
    other = await market.user("worker", name="王小明")
    page = await client.get(f"/verify/{accepted['token']}", headers=other["headers"])
    assert "href='/#/complaint/" not in page.text
    assert "/#/login?next=" in page.text
    stale = await client.get(f"/verify/{accepted['token']}", headers={"Authorization": "Bearer not-a-token"})
    assert stale.status_code == 200
    assert "/#/login?next=" in stale.text
