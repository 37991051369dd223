"""A worker on a phone finds work on the radar, accepts it with a clear confirm, and opens the signed contract."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WORKER, open_page

pytestmark = pytest.mark.browser


def test_worker_finds_accepts_and_opens_the_contract(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=WORKER)
    expect(page).to_have_url(re.compile(r"#/radar$"))
    cards = page.locator("ul.cards > li.job")
    expect(cards.first).to_be_visible()
    first = cards.first
    expect(first.locator(".badge.fit")).to_contain_text("匹配度")  # ranked by fit, with the reasons
    expect(first.locator(".reason").first).to_be_visible()
    expect(first).to_contain_text("公里")
    expect(first.locator(".pay")).to_contain_text(re.compile(r"¥[\d,]+\.\d\d/"))
    title = first.locator("h2").inner_text()

    first.locator("a").click()
    expect(page.locator("h1")).to_have_text(title)
    page.get_by_role("button", name="我要接单").click()
    confirm = page.locator("section.confirm")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("用工方")
    expect(confirm).to_contain_text("最晚付款")
    with page.expect_response(re.compile(r"/api/jobs/\d+/accept$")) as accepted:
        confirm.get_by_role("button", name="确认接单，签合同").click()
    assert accepted.value.status == 201
    assert accepted.value.request.headers.get("idempotency-key")

    expect(page).to_have_url(re.compile(r"#/contract/\d+$"))
    expect(page.locator("h1")).to_have_text("电子合同")
    expect(page.locator("dl.terms")).to_contain_text("LG")
    pdf_link = page.get_by_role("link", name="打开合同 PDF")
    href = pdf_link.get_attribute("href") or ""
    pdf = page.request.get(href if href.startswith("http") else live_server + href)
    assert pdf.status == 200
    assert pdf.body().startswith(b"%PDF")
    expect(page.get_by_role("link", name=re.compile(r"verify"))).to_be_visible()

    page.get_by_role("link", name="订单", exact=True).click()
    order = page.locator("ul.cards > li", has_text=title).first
    expect(order).to_contain_text("已接单")
    expect(order.get_by_role("link", name=re.compile("查看合同"))).to_be_visible()
    assert page.errors == []


def test_switches_to_english_and_remembers(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=None)
    expect(page.get_by_role("heading", level=1)).to_have_text("登录零工市场")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in to Linggong")
    page.get_by_label("Mobile number").fill(WORKER)
    page.get_by_label("Password", exact=True).fill("wrong-password-1")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".formerr")).to_be_visible()  # the server's detail, in English (Accept-Language)
    assert re.search(r"[A-Za-z]", page.locator(".formerr").inner_text())
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in to Linggong")
    assert page.evaluate("document.documentElement.lang") == "en"
