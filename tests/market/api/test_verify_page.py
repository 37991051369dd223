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
