"""The web app reads and shows times in the market's zone as the server is set, whatever the browser's own zone."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, ZONED, open_page

pytestmark = pytest.mark.browser

BROWSER_ZONE = "Asia/Tokyo"
"""The phone's own zone: neither the market's nor the default, so a time read in it would be caught."""


def _utc(wall: str) -> str:
    """What a wall time typed in the market's zone means, as the server stores it (ISO, UTC, `Z`)."""
    moment = datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(ZONED)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_the_post_form_stores_the_instant_typed_in_the_markets_zone(browser: Any, zoned_server: str) -> None:
    page = open_page(browser, zoned_server, phone=EMPLOYER, timezone_id=BROWSER_ZONE)
    page.goto(f"{zoned_server}/#/e/post")
    starts = page.get_by_label(f"开始时间（{ZONED}）")
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).astimezone(ZoneInfo(ZONED)).date()
    expect(starts).to_have_value(f"{tomorrow.isoformat()}T08:00")  # the default start: 08:00 tomorrow, there

    day = (datetime.now(UTC) + timedelta(days=3)).astimezone(ZoneInfo(ZONED)).date().isoformat()
    page.get_by_label("标题").fill("Warehouse movers")
    page.get_by_label("工种名称").fill("搬运工")
    page.get_by_role("button", name="添加工种").click()
    page.get_by_role("button", name="用手机定位").click()
    expect(page.locator(".position")).to_contain_text("24.51")
    page.locator(".suggest.places button.place").first.click()  # the phone gives the position, a place the address
    starts.fill(f"{day}T07:30")
    page.get_by_label(f"结束时间（{ZONED}）").fill(f"{day}T16:45")
    page.get_by_label("工钱（元）").fill("200")
    with page.expect_response(re.compile(r"/api/jobs$")) as posted:
        page.get_by_role("button", name="发布", exact=True).last.click()
    assert posted.value.status == 201, posted.value.text()
    sent = json.loads(posted.value.request.post_data or "{}")
    assert (sent["starts_at"], sent["ends_at"]) == (_utc(f"{day}T07:30"), _utc(f"{day}T16:45"))
    expect(page.locator("h1")).to_have_text("Warehouse movers")
    expect(page.locator("main")).to_contain_text("07:30 – 16:45")  # shown back on the market's clocks
    assert page.errors == []


def test_typed_times_across_daylight_saving_changes_mean_what_the_zone_says(browser: Any, zoned_server: str) -> None:
    page = open_page(browser, zoned_server, phone=None, timezone_id=BROWSER_ZONE)
    walls = ["2027-01-15T08:00", "2027-07-15T08:00", "2027-03-14T01:59", "2027-03-14T03:00",
             "2027-11-07T01:30", "2027-11-07T02:00", "2027-12-31T23:59"]
    read = page.evaluate("""async (walls) => {
        const i18n = await import('/js/i18n.js');
        return walls.map((w) => [i18n.localInputToIso(w), i18n.isoToLocalInput(i18n.localInputToIso(w))]);
    }""", walls)
    # 01:30 on 7 Nov happens twice (clocks go back): the earlier, as Python's zoneinfo reads it (fold 0)
    assert read == [[_utc(w), w] for w in walls]
    gap = page.evaluate("async () => (await import('/js/i18n.js')).localInputToIso('2027-03-14T02:30')")
    assert gap == "2027-03-14T07:30:00.000Z"  # 02:30 never happens that night: it is 03:30 EDT, as clocks move on
