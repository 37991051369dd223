"""Training courses in the browser at 360 px, both languages, on the seeded demo city: the demo worker sees the
suggestion card with the number behind it on their profile and on the course list, turns suggestions off and on;
the demo clerk lists a course with the form and edits it."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import STAFF, WORKER, open_page

pytestmark = pytest.mark.browser

W = {"zh-CN": {"card": "附近需要砌筑工的岗位是求职者的 2.4 倍", "why": "您会做泥瓦工", "opt": "接收培训推荐",
               "off": "您已关闭培训推荐", "all": "查看全部培训课程", "title": "培训课程", "new": "新建课程",
               "trade": "工种", "name": "课程名称", "provider": "培训机构", "starts": "开课日期", "ends": "结课日期",
               "seats": "名额", "subsidy": "每人补贴（元）", "locate": "用手机定位", "save": "保存",
               "edit": "修改课程", "withdraw": "撤下这门课程"},
     "en": {"card": "Near you there are 2.4 times as many bricklayer jobs as people to do them",
            "why": "You do tiler", "opt": "Send me training suggestions", "off": "You turned training suggestions off",
            "all": "See all courses", "title": "Training courses", "new": "New course", "trade": "Trade",
            "name": "Course name", "provider": "Provider", "starts": "Start date", "ends": "End date",
            "seats": "Seats", "subsidy": "Subsidy per trainee (yuan)", "locate": "Use my phone's location",
            "save": "Save", "edit": "Edit course", "withdraw": "Withdraw this course"}}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: LINGGONG_SCREENSHOTS when set (to look at them), else the test's tmp dir."""
    target = Path(os.environ.get("LINGGONG_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def _small_targets(page: Any) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll('main a, main button, main input, main select')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => [el, (el.type === 'checkbox' ? el.closest('label') : el).getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([el, r]) => `${el.tagName} ${(el.textContent || el.name || '').trim()} ${r.width}x${r.height}`)""")


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_demo_worker_sees_the_suggestion_and_can_turn_it_off(browser: Any, live_server: str, lang: str,
                                                                 shots: Path) -> None:
    words = W[lang]
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    page.goto(f"{live_server}/#/profile")
    card = page.locator("li.card.suggestion").first
    expect(card.get_by_role("heading", level=3)).to_have_text(words["card"])
    expect(card).to_contain_text(words["why"])
    card.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"courses-profile-{lang}.png"), full_page=True)
    assert _small_targets(page) == []
    page.get_by_label(words["opt"]).uncheck()
    expect(page.locator("section.suggestions")).to_contain_text(words["off"])
    expect(page.locator("li.card.suggestion")).to_have_count(0)
    page.get_by_label(words["opt"]).check()
    expect(page.locator("li.card.suggestion")).to_have_count(1)
    page.get_by_role("link", name=words["all"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    expect(page.locator("ul.courses li.card.course").first).to_be_visible()
    page.screenshot(path=str(shots / f"courses-list-{lang}.png"), full_page=True)
    assert _small_targets(page) == []
    assert page.errors == []


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_clerk_lists_a_course_with_the_form_and_edits_it(browser: Any, live_server: str, lang: str,
                                                             shots: Path) -> None:
    words = W[lang]
    page = open_page(browser, live_server, phone=STAFF, lang=lang)
    page.goto(f"{live_server}/#/courses")
    page.get_by_role("link", name=words["new"]).click()
    expect(page).to_have_url(re.compile(r"#/course/new$"))
    start = date.today() + timedelta(days=12)
    name = f"焊工培训 {lang}"
    page.get_by_label(words["trade"], exact=True).fill("焊工")
    page.get_by_label(words["name"]).fill(name)
    page.get_by_label(words["provider"]).fill("漳州市职业技能培训中心")
    page.get_by_label(words["starts"]).fill(start.isoformat())
    page.get_by_label(words["ends"]).fill((start + timedelta(days=4)).isoformat())
    page.get_by_role("button", name=words["locate"]).click()
    expect(page.locator(".position")).to_contain_text("24.51")
    page.locator(".suggest.places button.place").first.click()
    page.get_by_label(words["seats"]).fill("20")
    page.get_by_label(words["subsidy"]).fill("500")
    page.screenshot(path=str(shots / f"courses-form-{lang}.png"), full_page=True)
    assert _small_targets(page) == []
    with page.expect_response(re.compile(r"/api/courses$")) as posted:
        page.get_by_role("button", name=words["save"]).click()
    assert posted.value.status == 201, posted.value.text()
    expect(page).to_have_url(re.compile(r"#/courses$"))
    course = page.locator("li.card.course", has_text=name)
    expect(course).to_contain_text("¥500.00")
    course.get_by_role("link", name=words["edit"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["edit"])
    page.get_by_label(words["withdraw"]).check()
    with page.expect_response(re.compile(r"/api/courses/\d+$")) as patched:
        page.get_by_role("button", name=words["save"]).click()
    assert patched.value.status == 200, patched.value.text()
    expect(page.locator("li.card.course", has_text=name)).to_contain_text(
        "已撤下" if lang == "zh-CN" else "Withdrawn")
    page.screenshot(path=str(shots / f"courses-staff-list-{lang}.png"), full_page=True)
    assert page.errors == []
