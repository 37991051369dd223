"""Rating after completion from both sides at 360x740: the demo worker rates the demo employer on the order they
share (completed yesterday, `market.demo.ratings`), the employer rates the worker back and then sees the rating
about them; stars and chips are big enough to tap; the worker's profile shows their record."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, WORKER, open_page

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("LINGGONG_SHOTS", "/tmp/linggong-shots"))
TITLE = "仓库整理打包"


def _big_enough(locator: Any) -> None:
    for index in range(locator.count()):
        box = locator.nth(index).bounding_box()
        assert box is not None
        assert box["width"] >= 44
        assert box["height"] >= 44


def test_both_sides_rate_each_other_after_completion(browser: Any, live_server: str) -> None:
    _worker_rates_the_employer_with_stars_tags_and_a_note(browser, live_server)
    _employer_rates_the_worker_in_english_and_sees_the_rating_about_them(browser, live_server)


def _worker_rates_the_employer_with_stars_tags_and_a_note(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=WORKER)
    page.goto(f"{live_server}/#/orders")
    card = page.locator("li.card", has_text=TITLE).first
    form = card.locator("form.rating")
    expect(form).to_contain_text("评价用工方")
    _big_enough(form.locator("button.star"))
    _big_enough(form.locator("button.chip"))
    form.get_by_role("button", name="4星").click()
    chip = form.get_by_role("button", name="工钱爽快")
    chip.click()
    expect(chip).to_have_attribute("aria-pressed", "true")
    form.locator("textarea[name=note]").fill("结算很快")
    SHOTS.mkdir(parents=True, exist_ok=True)
    card.screenshot(path=str(SHOTS / "rating-worker-zh.png"))
    with page.expect_response(re.compile(r"/api/orders/\d+/rating$")) as answer:
        form.get_by_role("button", name="提交评价").click()
    assert answer.value.status == 200
    body = answer.value.json()
    assert (body["stars"], body["tags"], body["note"]) == (4, ["工钱爽快"], "结算很快")
    expect(page.locator("#toast")).to_have_text("评价已提交")
    expect(card.locator("form.rating")).to_contain_text("修改对用工方的评价")
    assert page.errors == []


def _employer_rates_the_worker_in_english_and_sees_the_rating_about_them(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER, lang="en")
    page.goto(f"{live_server}/#/e/orders")
    card = page.locator("li.card", has_text=TITLE).first
    form = card.locator("form.rating")
    expect(form).to_contain_text("Rate the worker")
    form.get_by_role("button", name="Send rating").click()
    expect(form.locator("[data-field=stars] .err")).to_have_text("Choose the stars")
    form.get_by_role("button", name="5 stars").click()
    form.get_by_role("button", name="On time").click()  # the tags in the reader's language, sent as stored
    form.get_by_role("button", name="Hard-working").click()
    with page.expect_response(re.compile(r"/api/orders/\d+/rating$")) as answer:
        form.get_by_role("button", name="Send rating").click()
    assert answer.value.status == 200
    assert answer.value.json()["tags"] == ["准时", "肯干"]
    expect(page.locator("#toast")).to_have_text("Rating sent")
    expect(card).to_contain_text("Rating from the worker")  # both have rated: each sees the other's
    expect(card.locator(".starline").last).to_have_text("★★★★☆")
    expect(card).to_contain_text("Pays promptly")  # the worker's tag about the employer, in English
    card.screenshot(path=str(SHOTS / "rating-employer-en.png"))
    assert page.errors == []


def test_the_workers_profile_shows_their_record(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=WORKER)
    page.goto(f"{live_server}/#/profile")
    record = page.locator("section.reputation")
    expect(record).to_contain_text("我的信誉")
    expect(record).to_contain_text(re.compile(r"近90天：完成\d+单"))
    expect(record).not_to_contain_text("null")
    record.screenshot(path=str(SHOTS / "profile-record-zh.png"))
    assert page.errors == []


def test_candidates_say_their_record_in_words(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER)
    jobs = page.evaluate("() => fetch('/api/jobs?mine=true&limit=100').then((r) => r.json())")["items"]
    job_id = next(job["id"] for job in jobs if job["status"] == "open")
    page.goto(f"{live_server}/#/e/job/{job_id}")
    first = page.locator("section", has_text="推荐人选").locator("li.card").first
    expect(first.locator(".record")).to_contain_text(re.compile(r"近90天完成\d+单"))
    first.screenshot(path=str(SHOTS / "candidate-record-zh.png"))
    assert page.errors == []
