"""One zone: the market's zone is the `LINGGONG_TIMEZONE` setting; the server shows times in it and tells the web
app, which keeps no zone and no copy of the server's messages of its own."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from market.contracts.verify_page import local_time
from market.core.messages import FRONT_END_CODES, MESSAGES
from market.frontend import CONFIG_ID
from market.notifications.templates import render
from market.settings import reset_settings

STATIC = Path(__file__).resolve().parents[3] / "market" / "static"


@pytest.fixture
def berlin(monkeypatch):
    """The market set to Europe/Berlin (the app is built after this fixture, so it reads the setting)."""
    monkeypatch.setenv("LINGGONG_TIMEZONE", "Europe/Berlin")
    reset_settings()
    yield
    monkeypatch.delenv("LINGGONG_TIMEZONE")
    reset_settings()


def _config(html: str) -> dict:
    found = re.search(rf'<script type="application/json" id="{CONFIG_ID}">(.*?)</script>', html, re.S)
    assert found, "the shell carries the config"
    return json.loads(found[1])


async def test_the_shell_tells_the_app_the_default_zone_and_the_servers_messages(client):
    config = _config((await client.get("/")).text)
    assert config["zone"] == "Asia/Shanghai"
    assert config["zone_label"] == {"zh-CN": "北京时间", "en": "Beijing time"}
    assert config["messages"] == {code: {"zh-CN": MESSAGES[code][0], "en": MESSAGES[code][1]}
                                  for code in FRONT_END_CODES}


async def test_another_zone_is_told_to_the_app_and_used_for_every_time_the_server_says(berlin, client, market):
    config = _config((await client.get("/")).text)
    assert config["zone"] == "Europe/Berlin"
    assert config["zone_label"] == {"zh-CN": "Europe/Berlin", "en": "Europe/Berlin"}

    employer, worker = await market.user("employer"), await market.user("worker")
    start = (datetime.now(UTC) + timedelta(days=2)).replace(hour=7, minute=0, second=0, microsecond=0)
    job = await market.job(employer, starts_at=start.isoformat(), ends_at=(start + timedelta(hours=8)).isoformat())
    order = (await market.accept(job["id"], worker)).json()["order"]
    local = f"{start.astimezone(ZoneInfo('Europe/Berlin')):%m-%d %H:%M}"
    assert local != f"{start.astimezone(ZoneInfo('Asia/Shanghai')):%m-%d %H:%M}"
    inbox = (await client.get("/api/notifications", headers=employer["headers"])).json()
    accepted = next(m for m in inbox["items"] if m["event"] == "order_accepted")
    assert f"{local}开工" in accepted["body"]
    early = await client.post(f"/api/orders/{order['id']}/complete",
                              headers={**employer["headers"], "Accept-Language": "en"})
    assert early.json()["code"] == "complete_before_start"
    assert f"starts at {local}" in early.json()["detail"]


def test_notifications_and_the_verify_page_read_times_on_the_markets_clocks(berlin):
    summer = {"title": "搬家", "starts_at": "2027-07-01T06:00:00+00:00", "address": "Mitte"}
    assert render("shift_reminder", summer, "en").body == "\u201c搬家\u201d starts 07-01 08:00 at Mitte."
    signed = datetime(2027, 1, 5, 14, 22, tzinfo=UTC)
    assert local_time(signed, "en") == "5 Jan 2027, 15:22 (Europe/Berlin, UTC+1)"
    assert local_time(signed, "zh-CN") == "2027年1月5日 15:22（Europe/Berlin，UTC+1）"


def test_the_default_zone_has_its_name_for_people():
    signed = datetime(2026, 12, 1, 7, 22, tzinfo=UTC)
    assert local_time(signed, "zh-CN") == "2026年12月1日 15:22（北京时间，UTC+8）"
    assert local_time(signed, "en") == "1 Dec 2026, 15:22 (Beijing time, UTC+8)"


# --- the web app's own table (market/static/js/i18n.js) --------------------------------------------------------

_ENTRY = re.compile(r"^  (\w+): \['((?:[^'\\]|\\.)*)', '((?:[^'\\]|\\.)*)'\],$", re.M)


def _front_end_table() -> dict[str, tuple[str, str]]:
    source = (STATIC / "js" / "i18n.js").read_text(encoding="utf-8")
    table = source[source.index("const M = {"):source.index("\n};", source.index("const M = {"))]
    entries = {m[1]: (m[2], m[3]) for m in _ENTRY.finditer(table)}
    assert len(entries) == table.count("\n  ") - table.count("\n  //"), "every line of the table is an entry"
    return entries


def test_the_apps_table_is_complete_and_keeps_no_copy_of_the_servers_messages():
    table = _front_end_table()
    assert len(table) > 200
    for key, (zh, en) in table.items():
        assert zh.strip(), key
        assert en.strip(), key
        assert set(re.findall(r"\{(\w+)\}", zh)) == set(re.findall(r"\{(\w+)\}", en)), key
    assert not set(table) & set(FRONT_END_CODES), "the server's words come from the server"
    assert "server_error" not in table


def test_every_text_the_app_asks_for_exists():
    known = set(_front_end_table()) | set(FRONT_END_CODES)
    asked = {key for path in (STATIC / "js").glob("*.js")
             for key in re.findall(r"\bt\('(\w+)'", path.read_text(encoding="utf-8"))}
    assert len(asked) > 100
    assert sorted(asked - known) == []


def test_nothing_in_the_front_end_hardcodes_a_zone():
    for path in STATIC.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            for fixed in ("Asia/Shanghai", "+08:00", "8 * 3600", "北京时间", "Beijing time"):
                assert fixed not in text, f"{path.name} says {fixed}"
