"""An employer posts a job and sees ranked candidates; station staff register a walk-in and accept for them."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, STAFF, open_page

pytestmark = pytest.mark.browser


def test_employer_posts_a_job_and_sees_candidates(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER)
    expect(page).to_have_url(re.compile(r"#/e/jobs$"))
    page.get_by_role("link", name="发布", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("发布用工需求")
    page.get_by_label("标题").fill("仓库卸货搬运工")
    page.get_by_label("工种名称").fill("搬运工")
    page.get_by_role("button", name="添加工种").click()
    expect(page.locator(".chips")).to_contain_text("搬运工")
    page.get_by_role("button", name="用手机定位").click()
    expect(page.locator(".position")).to_contain_text("24.51")
    # The phone gives the position, not the address: a place near it is picked as the address.
    page.locator(".suggest.places button.place").first.click()
    page.get_by_label("工钱（元）").fill("260")
    page.get_by_label("招几人").fill("3")
    with page.expect_response(re.compile(r"/api/jobs$")) as posted:
        page.get_by_role("button", name="发布", exact=True).last.click()
    assert posted.value.status == 201
    expect(page).to_have_url(re.compile(r"#/e/job/\d+$"))
    expect(page.locator("h1")).to_have_text("仓库卸货搬运工")
    expect(page.locator(".fill")).to_contain_text("已招 0/3 人")
    candidate = page.locator("section", has_text="推荐人选").locator("li.card").first
    expect(candidate).to_be_visible()
    expect(candidate.locator(".badge.fit")).to_contain_text("匹配度")
    expect(candidate).to_contain_text("公里")
    expect(candidate.locator("meter").first).to_be_visible()
    assert page.errors == []


def test_employer_sees_field_errors_next_to_inputs(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER, lang="en")
    page.goto(f"{live_server}/#/e/post")
    page.get_by_label("Title").fill("Movers")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".formerr")).to_be_visible()
    expect(page.locator("[data-field] .err:not(:empty)").first).to_be_visible()


def test_staff_register_a_walk_in_and_accept_with_a_drawn_signature(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=STAFF, size=(1024, 768))
    expect(page).to_have_url(re.compile(r"#/s$"))
    page.get_by_label("本驿站").select_option(index=1)
    phone = f"139{random.randint(10_000_000, 99_999_999)}"
    page.get_by_placeholder("手机号").fill(phone)
    page.get_by_role("button", name="查找").click()
    register = page.locator("form", has_text="登记现场求职人员")
    expect(page.get_by_text("没有找到，请登记")).to_be_visible()
    register.get_by_label("姓名").fill("王现场")
    expect(register.get_by_label("手机号")).to_have_value(phone)
    register.get_by_label("工种名称").fill("普工")
    register.get_by_role("button", name="添加工种").click()
    expect(register.locator(".skills")).to_contain_text("普工")
    expect(register.locator(".position")).to_contain_text("位置")
    register.get_by_role("button", name="登记现场求职人员").click()

    expect(page).to_have_url(re.compile(r"#/s/worker/\d+$"))
    expect(page.locator("h1")).to_have_text("王现场")
    consent = page.locator("form", has_text="本人同意驿站代办")
    consent.get_by_role("button", name="发送验证码").click()
    expect(consent).to_contain_text(f"验证码已发送到 {phone[:3]}****{phone[-4:]}")
    consent.get_by_label("验证码").fill("000000")
    consent.get_by_role("button", name="用验证码确认同意").click()
    expect(consent.locator("[data-field=consent_code] .err")).to_contain_text("验证码不正确")
    page.get_by_role("link", name="代为接单").first.click()
    # a job outside the walk-in's trades asks first (issue 15)
    page.wait_for_function("() => location.hash.startsWith('#/s/accept') || document.querySelector('dialog.ask')")
    if page.locator("dialog.ask").count():
        page.locator("dialog.ask").get_by_role("button", name="仍要接单").click()
    expect(page).to_have_url(re.compile(r"#/s/accept/\d+/\d+(\?outside=1)?$"))
    pad = page.locator("canvas.sigpad")
    box = pad.bounding_box()
    assert box
    page.mouse.move(box["x"] + 40, box["y"] + 120)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 40 + step * 30, box["y"] + 120 - (step % 3) * 30)
    page.mouse.up()
    with page.expect_response(re.compile(r"/api/jobs/\d+/accept$")) as accepted:
        page.get_by_role("button", name="签名确认，代为接单").click()
    assert accepted.value.status == 201
    body = accepted.value.request.post_data_json
    assert body["consent"] == "staff_signature"
    assert len(body["signature_png"]) > 100
    page.get_by_role("link", name=re.compile("查看合同")).click()
    expect(page.locator("h1")).to_have_text("电子合同")
    assert page.errors == []
