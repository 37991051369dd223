"""The back office in the browser, at 360×740 and on a desktop, zh-CN and en: the demo admin lands on it, closes a
station, bars an employer with a reason, creates a staff member whose temporary password is shown once and must be
changed at the first login, adds a trade synonym; the bureau's supervisor reads the admin log."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import EMPLOYER, open_page

SHOTS = Path(os.environ.get("LINGGONG_SHOTS", "/tmp/linggong-shots"))
ADMIN, SUPERVISOR = "13800000005", "13800000004"
DESKTOP = (1280, 860)


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"backoffice-{name}.png"))


def _no_overflow(page: Any) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width}px wide"


def test_the_admin_lands_on_the_back_office_and_closes_a_station_on_a_phone(browser, live_server):
    page = open_page(browser, live_server, phone=ADMIN)
    expect(page).to_have_url(re.compile(r"#/admin$"))
    expect(page.get_by_role("heading", name="后台管理")).to_be_visible()
    cards = page.locator(".bo .card")
    expect(cards.first).to_be_visible()
    stations = cards.count()
    first = cards.first
    name = first.locator("h2").inner_text()
    first.get_by_text("关闭驿站", exact=True).first.click()
    first.get_by_label("原因").fill("租约到期，并入邻近驿站")
    first.get_by_role("button", name="关闭驿站").click()
    expect(page.locator(".bo .card", has_text=name).locator(".badge", has_text="已关闭")).to_be_visible()
    for box in page.locator(".bo-tabs a").all():
        size = box.bounding_box()
        assert size["height"] >= 44, "a tab smaller than a thumb"
    _no_overflow(page)
    _shot(page, "stations-360")
    public = page.evaluate("() => fetch('/api/stations?limit=100').then(r => r.json())")
    assert public["total"] == stations - 1
    assert name not in [s["name"] for s in public["items"]]
    assert not page.errors


def test_the_admin_bars_an_employer_and_creates_staff_with_a_one_time_password(browser, live_server):
    page = open_page(browser, live_server, phone=ADMIN, lang="en", size=DESKTOP)
    # Not the demo employer: the other browser tests share this server and post jobs as them.
    employers = page.evaluate("() => fetch('/api/admin/users?role=employer&limit=50').then(r => r.json())")
    barred = next(e["phone"] for e in employers["items"] if e["phone"] != EMPLOYER and not e["barred"])
    page.goto(f"{live_server}/#/admin/employers")
    page.get_by_label("Search").fill(barred)
    page.get_by_role("button", name="Find").click()
    card = page.locator(".bo .card", has_text=barred)
    # the search's answer replaces the first list (which may hold the same card): wait for it, then open the form
    expect(page.locator(".bo .card")).to_have_count(1)
    expect(card).to_have_count(1)
    card.get_by_text("Bar from posting").first.click()
    card.get_by_label("Reason").fill("Wages unpaid twice, confirmed by the labour inspectors")
    card.get_by_role("button", name="Bar from posting").click()
    expect(page.locator(".bo .card", has_text=barred).locator(".badge", has_text="Barred")).to_be_visible()
    _shot(page, "employers-desktop")

    page.goto(f"{live_server}/#/admin/users")
    page.get_by_text("New staff or supervisor account").click()
    page.get_by_label("Mobile number").fill("13700001234")
    page.get_by_label("Name", exact=True).fill("陈晓燕")
    page.get_by_role("button", name="Create the account").click()
    secret = page.locator(".bo-secret code")
    expect(secret).to_be_visible()
    password = secret.inner_text()
    assert len(password) == 12
    _shot(page, "staff-created-desktop")

    log = page.evaluate("() => fetch('/api/admin/log?limit=100').then(r => r.json())")
    assert [e["kind"] for e in log["items"]][:2] == ["staff_created", "employer_barred"]
    assert password not in str(log)

    staff = open_page(browser, live_server, phone=None)
    staff.get_by_label("手机号").fill("13700001234")
    staff.get_by_label("密码", exact=True).fill(password)
    staff.locator("form button[type=submit]").click()
    expect(staff).to_have_url(re.compile(r"#/password$"))
    staff.get_by_label("当前密码（或临时密码）").fill(password)
    staff.get_by_label("新密码").fill("chen-own-passw0rd")
    staff.get_by_role("button", name="保存").click()
    expect(staff).to_have_url(re.compile(r"#/s$"))
    _shot(staff, "password-changed-360")
    assert not page.errors
    assert not staff.errors


def test_a_trade_synonym_added_on_a_phone_is_suggested_at_once(browser, live_server):
    page = open_page(browser, live_server, phone=ADMIN, lang="en")
    page.goto(f"{live_server}/#/admin/trades")
    page.get_by_text("Add a trade or synonym").first.click()
    page.get_by_label("Trade code", exact=True).fill("bricklayer")
    page.get_by_label("Name (Chinese)").fill("泥水佬")
    page.get_by_role("button", name="Add a trade or synonym").click()
    expect(page.locator(".bo .card", has_text="bricklayer").get_by_text("Added here: 泥水佬")).to_be_visible()
    _no_overflow(page)
    _shot(page, "trades-360")
    found = page.evaluate("() => fetch('/api/trades/suggest?q=' + encodeURIComponent('泥水佬')).then(r => r.json())")
    assert found["items"][0]["code"] == "bricklayer"
    assert not page.errors


def test_the_supervisor_reads_the_admin_log_and_nothing_else_of_the_back_office(browser, live_server):
    page = open_page(browser, live_server, phone=SUPERVISOR)
    page.goto(f"{live_server}/#/admin/stations")
    expect(page.get_by_role("heading", name="后台管理")).to_be_visible()
    expect(page.locator(".bo-tabs a")).to_have_count(1)
    expect(page.locator(".bo-log .card").first).to_be_visible()
    _no_overflow(page)
    _shot(page, "log-supervisor-360")
    assert not page.errors
