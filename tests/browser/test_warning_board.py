"""The wage-warning board in the browser, on the seeded demo city (three employers left wages unpaid): station
staff from the console's tab, the labour bureau on its home at phone and desktop sizes, the employer on theirs."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, STAFF, open_page

pytestmark = pytest.mark.browser

SUPERVISOR = "13800000004"
SEVERITY = {"red": 3, "yellow": 2, "blue": 1}


def _levels(page: Any) -> list[str]:
    return page.locator(".card.warning").evaluate_all("cards => cards.map(c => c.dataset.level)")


@pytest.mark.parametrize(("lang", "console", "tab", "title", "red"), [
    ("zh-CN", "驿站工作台", "欠薪预警", "欠薪预警看板", "红色预警"),
    ("en", "Station console", "Wages", "Wage warning board", "Red")])
def test_staff_open_the_board_from_the_console_red_first(browser: Any, live_server: str, lang: str, console: str,
                                                          tab: str, title: str, red: str) -> None:
    page = open_page(browser, live_server, phone=STAFF, lang=lang)
    # the console renders once its stations arrive and would draw over a tab opened before (docs/status.md)
    expect(page.get_by_role("heading", name=console)).to_be_visible()
    page.get_by_role("link", name=tab, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".card.warning").first).to_be_visible()
    levels = _levels(page)
    assert len(levels) == 3
    assert levels == sorted(levels, key=SEVERITY.get, reverse=True), "red first, then yellow, then blue"
    first = page.locator(".card.warning").first
    expect(first.get_by_role("link", name=re.compile(r"^(拨打|Call) 1\d{10}$")).first).to_be_visible()
    page.get_by_role("button", name=red, exact=True).click()
    expect(page.locator(".card.warning")).to_have_count(levels.count("red"))
    assert set(_levels(page)) <= {"red"}
    assert page.errors == []


@pytest.mark.parametrize("size", [(360, 740), (1280, 800)])
def test_the_bureau_sees_the_whole_city_on_its_home_and_filters_by_station(browser: Any, live_server: str,
                                                                         size: tuple[int, int]) -> None:
    page = open_page(browser, live_server, phone=SUPERVISOR, size=size)
    expect(page).to_have_url(re.compile(r"#/sv$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("人社部门工作台")
    open_ones = page.request.get(f"{live_server}/api/warnings?limit=100").json()
    assert open_ones["total"] >= 3, "the demo city leaves warnings of every colour"
    expect(page.locator(".card.warning")).to_have_count(open_ones["total"])
    assert page.locator(".card.warning a[href^='tel:']").count() == 0, "the bureau sees no phone numbers"
    stations = page.get_by_label("驿站")
    expect(stations.locator("option")).not_to_have_count(1)
    serving = {item["station"]["name"] for item in open_ones["items"] if item.get("station")}
    other = next(name for name in stations.locator("option").all_inner_texts()[1:] if name not in serving)
    stations.select_option(label=other)  # a station the demo's unpaid sites are not near
    expect(page.locator(".card.warning")).to_have_count(0)
    expect(page.get_by_text("没有未解除的欠薪预警")).to_be_visible()
    stations.select_option(index=0)
    expect(page.locator(".card.warning")).to_have_count(open_ones["total"])
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0], "nothing sideways"
    assert page.errors == []


def test_the_employer_sees_the_warnings_about_them_on_their_home(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER, lang="en")
    expect(page.get_by_role("heading", name="Wage warnings about you")).to_be_visible()
    mine = page.request.get(f"{live_server}/api/warnings").json()
    assert mine["total"] >= 1, "the demo employer left a worker unpaid"
    expect(page.locator(".card.warning")).to_have_count(mine["total"])
    expect(page.locator(".card.warning").first).to_contain_text("You owe")
    workers = mine["items"][0]["worker_count"]  # the English agrees with the count: never "worker(s)"
    expect(page.locator(".card.warning").first).to_contain_text(
        f"You owe {workers} worker{'' if workers == 1 else 's'} their pay")
    expect(page.locator(".card.warning").first).not_to_contain_text("(s)")
    assert page.errors == []
