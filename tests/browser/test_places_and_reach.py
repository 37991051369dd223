"""Places and reaching the site on a phone (360×740, zh-CN and en): posting a job at a place picked from the city's
list, the job screen with distance, map links and 我要接单 in view, calling after accepting, and the contract in
plain view. Screenshots land in LINGGONG_SCREENSHOTS (a temporary dir when unset)."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, WORKER, open_page

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("LINGGONG_SCREENSHOTS") or tempfile.mkdtemp(prefix="linggong-shots-"))
WORDS = {
    "zh-CN": {"post": "发布", "title": "标题", "trade": "工种名称", "add": "添加工种", "amount": "工钱（元）",
              "accept": "我要接单", "sign": "确认接单，签合同", "amap": "高德地图导航", "other": "用其他地图打开",
              "call_employer": "打电话给用工方", "orders": "订单", "away": "距离约", "pay_by": "最晚付款",
              "employer": "用工方", "qr": "扫码验证合同", "contract": "电子合同", "call": "打电话给"},
    "en": {"post": "Post", "title": "Title", "trade": "Trade", "add": "Add a trade", "amount": "Pay (¥)",
           "accept": "Take this job", "sign": "Confirm and sign", "amap": "Directions in Amap",
           "other": "Open in another map app", "call_employer": "Call the employer", "orders": "Orders",
           "away": "km away", "pay_by": "Paid by", "employer": "Employer", "qr": "Scan to verify this contract",
           "contract": "Contract", "call": "Call"},
}
LANGS = ["zh-CN", "en"]


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _in_view_and_on_top(page: Any, locator: Any) -> None:
    """The element lies inside the 360×740 viewport without scrolling and nothing (the bottom bar) covers it."""
    box = locator.bounding_box()
    assert box is not None
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= 740, box
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent || ''",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top == locator.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_employer_posts_a_job_at_a_place_picked_from_the_list(browser: Any, live_server: str, lang: str) -> None:
    w = WORDS[lang]
    page = open_page(browser, live_server, phone=EMPLOYER, lang=lang)
    page.goto(f"{live_server}/#/e/post")
    page.get_by_label(w["title"]).fill("金峰市场搬货" if lang == "zh-CN" else "Unloading at Jinfeng market")
    page.get_by_label(w["trade"]).fill("搬运工")
    page.get_by_role("button", name=w["add"]).click()
    address = page.locator("input[name=address]")
    address.fill("")
    address.press_sequentially("金峰")
    choice = page.locator(".suggest.places button.place", has_text="金峰农贸市场")
    expect(choice).to_be_visible()
    _shot(page, f"post-place-suggestions-{lang}")
    choice.click()
    expect(address).to_have_value("漳州市芗城区金峰农贸市场")
    expect(page.locator(".position")).to_contain_text("金峰农贸市场")
    page.get_by_label(w["amount"]).fill("240")
    with page.expect_response(re.compile(r"/api/jobs$")) as posted:
        page.locator("form button[type=submit]").click()
    assert posted.value.status == 201, posted.value.text()
    expect(page).to_have_url(re.compile(r"#/e/job/\d+$"))
    expect(page.locator("dl.terms")).to_contain_text("漳州市芗城区金峰农贸市场")
    expect(page.locator("dl.terms")).not_to_contain_text("我的位置")
    _shot(page, f"post-job-detail-{lang}")
    # Candidates are described to the employer, not addressed as if they were the worker ("会搬运工，3年").
    candidate = page.locator("section", has_text=re.compile("推荐人选|Suggested workers")).locator("li.card").first
    expect(candidate).to_contain_text(re.compile(r"会搬运工，\d+年" if lang == "zh-CN" else r"Does 搬运工, \d+ yrs"))
    expect(candidate).not_to_contain_text("您")
    candidate.scroll_into_view_if_needed()
    _shot(page, f"post-job-candidates-{lang}")
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_job_screen_shows_distance_map_links_and_keeps_the_action_in_view(browser: Any, live_server: str,
                                                                              lang: str) -> None:
    w = WORDS[lang]
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    page.locator("ul.cards > li.job a").first.click()
    accept = page.get_by_role("button", name=w["accept"])
    expect(accept).to_be_visible()
    expect(page.locator(".away")).to_contain_text(w["away"])
    expect(page.locator(".why .reason").first).to_be_visible()  # the radar's reasons, in words
    assert page.get_by_role("link", name=w["amap"]).get_attribute("href").startswith("https://uri.amap.com/marker?")
    assert page.get_by_role("link", name=w["other"]).get_attribute("href").startswith("geo:")
    _in_view_and_on_top(page, accept)
    _shot(page, f"job-screen-{lang}")
    assert page.errors == []


def _post_as_employer(page: Any, days_ahead: int) -> dict[str, Any]:
    """A job of the demo employer, posted from their signed-in page, at a place of the city's list."""
    return page.evaluate("""async (days) => {
        const start = new Date(Date.now() + days * 86400000); start.setUTCHours(0, 0, 0, 0);
        const end = new Date(start.getTime() + 8 * 3600000);
        const body = { title: '仓库整理', skills: ['搬运工'], headcount: 1, pay: { amount_fen: 22000, unit: 'day' },
          location: { lat: 24.5121, lon: 117.6462, address: '漳州市芗城区胜利西路66号' },
          starts_at: start.toISOString(), ends_at: end.toISOString() };
        const r = await fetch('/api/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body) });
        return r.json();
    }""", days_ahead)


@pytest.mark.parametrize("lang", LANGS)
def test_after_accepting_both_sides_call_in_one_tap_and_the_contract_is_in_plain_view(
        browser: Any, live_server: str, lang: str) -> None:
    w = WORDS[lang]
    boss = open_page(browser, live_server, phone=EMPLOYER, lang=lang)
    job = _post_as_employer(boss, 20 + LANGS.index(lang))
    assert "id" in job, job
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    page.goto(f"{live_server}/#/job/{job['id']}")
    page.get_by_role("button", name=w["accept"]).click()
    with page.expect_response(re.compile(r"/api/jobs/\d+/accept$")) as accepted:
        page.get_by_role("button", name=w["sign"]).click()
    assert accepted.value.status == 201
    order = accepted.value.json()["order"]
    expect(page).to_have_url(re.compile(r"#/contract/\d+$"))

    sheet = page.locator(".contractsheet")
    expect(sheet).to_contain_text(w["employer"])
    expect(sheet).to_contain_text(w["pay_by"])
    expect(sheet).to_contain_text(order["job"]["address"])
    expect(sheet).to_contain_text(order["employer"]["phone"])
    qr = sheet.locator("figure.qr img")
    expect(qr).to_be_visible()
    page.wait_for_function("() => document.querySelector('figure.qr img').naturalWidth > 0")
    url = sheet.locator("dd.url")
    box = url.bounding_box()
    assert box["x"] + box["width"] <= 360
    _shot(page, f"contract-{lang}")
    page.locator("figure.qr").scroll_into_view_if_needed()
    _shot(page, f"contract-qr-{lang}")

    page.goto(f"{live_server}/#/orders")
    card = page.locator("ul.cards > li", has_text=order["job"]["title"]).first
    call = card.get_by_role("link", name=re.compile(w["call_employer"]))
    expect(call).to_have_attribute("href", f"tel:{order['employer']['phone']}")
    assert call.bounding_box()["height"] >= 44
    _shot(page, f"orders-call-{lang}")
    page.goto(f"{live_server}/#/job/{order['job']['id']}")
    expect(page.get_by_role("heading", name=order["job"]["title"]).first).to_be_visible()
    calls = page.get_by_role("link", name=re.compile(w["call_employer"]))
    expect(calls.first).to_have_attribute("href", f"tel:{order['employer']['phone']}")
    _shot(page, f"job-taken-call-{lang}")

    boss.goto(f"{live_server}/#/e/orders")
    mine = boss.locator("ul.cards > li", has_text=order["job"]["title"]).first
    call_worker = mine.get_by_role("link", name=re.compile(w["call"]))
    expect(call_worker).to_have_attribute("href", f"tel:{order['worker']['phone']}")
    assert call_worker.bounding_box()["height"] >= 44
    _shot(boss, f"employer-orders-call-{lang}")
    assert page.errors == []
    assert boss.errors == []
