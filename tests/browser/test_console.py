"""The bureau's console on the demo city: headline figures, SVG charts with their tables, the trade × district grid,
warnings, cases and low-graded employers, at phone (360x740) and desktop (1280x800) sizes, zh-CN and en."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import STAFF, open_page

pytestmark = pytest.mark.browser

SUPERVISOR = "13800000004"
SHOTS = Path(os.environ.get("LINGGONG_SCREENSHOTS") or tempfile.mkdtemp(prefix="console-shots-"))


def _zh(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh-CN" else en


@pytest.mark.parametrize("size", [(360, 740), (1280, 800)])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_bureau_reads_the_console(browser: Any, live_server: str, lang: str, size: tuple[int, int]) -> None:
    page = open_page(browser, live_server, phone=SUPERVISOR, lang=lang, size=size)
    page.get_by_role("link", name=_zh(lang, "市场看板", "Console"), exact=True).click()
    expect(page.locator("h1")).to_have_text(_zh(lang, "人社看板", "Bureau console"))
    deals = page.locator(".figure[data-key=deals] dd").first
    expect(deals).not_to_have_text("—")
    assert int(deals.inner_text().replace(",", "")) > 0, "the demo city's deals are counted"
    expect(page.locator("svg.chart")).to_have_count(4)
    first = page.locator("figure.chartbox").first
    first.locator("summary").click()
    expect(first.locator("table tbody tr").first).to_be_visible()
    expect(page.locator("table.grid tbody tr").first).to_be_visible()
    expect(page.get_by_role("link", name=_zh(lang, "打开预警看板", "Open the warning board"))).to_have_attribute(
        "href", "#/sv")
    expect(page.get_by_role("link", name=_zh(lang, "案件列表", "The cases"))).to_have_attribute("href", "#/cases")
    expect(page.locator("#computed")).to_contain_text(_zh(lang, "计算于", "computed"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size[0], "nothing but the grid's own box scrolls sideways"
    spill = page.evaluate("""() => [...document.querySelectorAll('#nav a')]
        .filter((a) => a.getBoundingClientRect().right > innerWidth + 0.5 || a.scrollWidth > a.clientWidth + 0.5)
        .map((a) => a.textContent)""")
    assert spill == [], "the bureau's five tabs fit the bottom bar"
    page.screenshot(path=str(SHOTS / f"console-{lang}-{size[0]}.png"), full_page=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / f"console-{lang}-{size[0]}-top.png"))
    grid = page.locator("section[aria-labelledby=grid-title]")
    grid.screenshot(path=str(SHOTS / f"console-{lang}-{size[0]}-grid.png"))
    assert page.errors == []


def test_a_bad_period_says_which_field(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=SUPERVISOR, lang="en")
    page.goto(f"{live_server}/#/console?from=2026-12-09&to=2026-12-01")
    expect(page.locator("ul.formerr")).to_contain_text("must not be before the start date")


def test_station_staff_have_no_console(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=STAFF, lang="zh-CN")
    expect(page.get_by_role("link", name="市场看板", exact=True)).to_have_count(0)
