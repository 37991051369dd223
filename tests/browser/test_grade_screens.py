"""Credit grades in the browser at 360 px, both languages: the employer's grade page reached from their jobs, the
信用预警 mark on a C employer's postings (theirs and the worker's view), and the bureau's review form and D list."""

from __future__ import annotations

import os
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WORKER, open_page

pytestmark = pytest.mark.browser

SUPERVISOR = "13800000004"
NEW_PASSWORD = "grade-test-2026"
WORDS = {
    "zh-CN": {"link": "信用等级", "title": "我的信用等级", "c": "C级：信用预警", "mark": "信用预警",
              "why": "评级依据（近12个月）", "nav": "失信名单", "barred": "失信名单（D级）", "grade": "复核后的等级",
              "reason": "书面理由", "send": "提交复核", "d": "D级：失信", "by": "监管人员"},
    "en": {"link": "Credit grade", "title": "My credit grade", "c": "C: credit warning", "mark": "Credit warning",
           "why": "Why (last 12 months)", "nav": "Barred", "barred": "Barred employers (D)",
           "grade": "Grade after review", "reason": "Written reason", "send": "Record the review",
           "d": "D: barred (untrustworthy)", "by": "reviewed by"},
}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: LINGGONG_SCREENSHOTS when set (to look at them), else the test's tmp dir."""
    target = Path(os.environ.get("LINGGONG_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def _new_employer(page: Any, base: str) -> tuple[str, int]:
    phone = f"1377{random.randint(1_000_000, 9_999_999)}"  # a fresh test phone
    made = page.request.post(f"{base}/api/auth/register", data={
        "phone": phone, "password": NEW_PASSWORD, "name": "评级测试工程队", "role": "employer"})
    assert made.status == 201, made.text()
    return phone, made.json()["id"]


def _signed_in(browser: Any, base: str, phone: str, lang: str = "zh-CN") -> Any:
    """A page signed in as the new employer (their own password, not the demo one)."""
    page = open_page(browser, base, phone=None, lang=lang)
    page.get_by_label("手机号" if lang == "zh-CN" else "Mobile number").fill(phone)
    page.get_by_label("密码" if lang == "zh-CN" else "Password", exact=True).fill(NEW_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_function("() => !location.hash.startsWith('#/login')")
    return page


def _job_body() -> dict[str, Any]:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    return {"title": "外墙清洗", "description": "高空作业，需证", "skills": ["普工"],
            "location": {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号"},
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=8)).isoformat(),
            "headcount": 2, "pay": {"amount_fen": 30000, "unit": "day"}, "pay_due_hours": 24}


def _graded_c(browser: Any, base: str) -> tuple[str, int, int]:
    """A new employer with one posting, graded C by the bureau: their phone, id and the job's id."""
    bureau = open_page(browser, base, phone=SUPERVISOR)
    phone, employer_id = _new_employer(bureau, base)
    reviewed = bureau.request.post(f"{base}/api/employers/{employer_id}/grade/review",
                                   data={"grade": "C", "reason": "多次拖欠工资，列入信用预警"})
    assert reviewed.status == 200, reviewed.text()
    bureau.context.close()
    employer = _signed_in(browser, base, phone)
    posted = employer.request.post(f"{base}/api/jobs", data=_job_body())
    assert posted.status == 201, posted.text()
    job_id = posted.json()["id"]
    employer.context.close()
    return phone, employer_id, job_id


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_employer_opens_their_grade_from_their_jobs_and_sees_the_mark(browser: Any, live_server: str,
                                                                         lang: str, shots: Path) -> None:
    w = WORDS[lang]
    phone, _, job_id = _graded_c(browser, live_server)
    page = _signed_in(browser, live_server, phone, lang)
    expect(page).to_have_url(re.compile(r"#/e/jobs$"))
    card = page.locator(f"a[href='#/e/job/{job_id}']")
    expect(card.get_by_text(w["mark"], exact=True)).to_be_visible()
    link = page.get_by_role("link", name=re.compile(w["link"]))
    expect(link).to_contain_text("C")
    box = link.bounding_box()
    assert box is not None
    assert box["height"] >= 44, "a tap target"
    page.screenshot(path=str(shots / f"grade-jobs-{lang}.png"), full_page=True)
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(w["title"])
    expect(page.get_by_role("heading", name=w["c"])).to_be_visible()
    expect(page.get_by_role("heading", name=w["why"])).to_be_visible()
    expect(page.locator(".grade-reasons li").first).to_be_visible()  # the rules' reasons, even for a new employer
    expect(page.locator(".grade-history li")).to_have_count(1)
    expect(page.locator(".grade-history li")).to_contain_text("B → C")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing wider than the phone"
    page.screenshot(path=str(shots / f"grade-page-{lang}.png"), full_page=True)
    assert page.errors == []


def test_the_worker_sees_the_mark_on_the_c_employers_job(browser: Any, live_server: str, shots: Path) -> None:
    _, _, job_id = _graded_c(browser, live_server)
    page = open_page(browser, live_server, phone=WORKER)
    page.goto(f"{live_server}/#/job/{job_id}")
    expect(page.get_by_text("信用预警", exact=True)).to_be_visible()
    page.screenshot(path=str(shots / "grade-worker-job.png"), full_page=True)
    assert page.errors == []


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_bureau_reviews_a_grade_to_d_and_finds_the_employer_on_the_d_list(browser: Any, live_server: str,
                                                                              lang: str, shots: Path) -> None:
    w = WORDS[lang]
    _, employer_id, _ = _graded_c(browser, live_server)
    page = open_page(browser, live_server, phone=SUPERVISOR, lang=lang)
    page.get_by_role("link", name=w["nav"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(w["barred"])
    page.goto(f"{live_server}/#/sv/grade/{employer_id}")
    expect(page.get_by_role("heading", name=w["c"])).to_be_visible()
    page.get_by_label(w["grade"]).select_option("D")
    page.get_by_label(w["reason"]).fill("恶意欠薪经查实，列入失信名单")
    page.get_by_role("button", name=w["send"]).click()
    expect(page.get_by_role("heading", name=w["d"])).to_be_visible()
    expect(page.locator(".grade-history li").first).to_contain_text(w["by"])
    page.screenshot(path=str(shots / f"grade-review-{lang}.png"), full_page=True)
    page.goto(f"{live_server}/#/sv/barred")
    card = page.locator(f"a[href='#/sv/grade/{employer_id}']")
    expect(card).to_contain_text("恶意欠薪经查实")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(shots / f"grade-barred-{lang}.png"), full_page=True)
    assert page.errors == []
