"""What a user reads at 360 px, in both languages: navigation that fits, no button that cannot work, words aimed
at the right person, and no stray "null" or broken contract number (server answers played into the page)."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, STAFF, WORKER, open_page
from .test_no_show_and_full import NOW, _no_show, _order, _page_of, _serve

pytestmark = pytest.mark.browser

SHA = "64a26aaa3b39662f9f5a2b7988a39aa3db1779f77124e8025be3fd3979812380"
NUMBER = "LG20261201-0000003"


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("phone", [WORKER, EMPLOYER, STAFF])
def test_the_bottom_navigation_fits_a_small_phone(browser: Any, live_server: str, phone: str, lang: str) -> None:
    page = open_page(browser, live_server, phone=phone, lang=lang)
    links = page.locator("#nav a")
    expect(links.first).to_be_visible()
    spill = page.evaluate("""() => [...document.querySelectorAll('#nav a')]
        .filter((a) => a.getBoundingClientRect().right > innerWidth + 0.5 || a.scrollWidth > a.clientWidth + 0.5)
        .map((a) => a.textContent)""")
    assert spill == []


@pytest.mark.parametrize(("lang", "cancel"), [("zh-CN", "取消订单"), ("en", "Cancel order")])
def test_a_started_order_offers_no_cancel_the_server_would_refuse(browser: Any, live_server: str, lang: str,
                                                                 cancel: str) -> None:
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    later = NOW + timedelta(days=1)
    coming = _order("accepted", id=78, starts_at=later.isoformat(), ends_at=(later + timedelta(hours=8)).isoformat())
    _serve(page, r"/api/orders(\?.*)?$", _page_of(_order("accepted"), coming))
    page.goto(f"{live_server}/#/orders")
    started, upcoming = page.locator("ul.cards > li").nth(0), page.locator("ul.cards > li").nth(1)
    expect(upcoming.get_by_role("button", name=cancel)).to_be_visible()
    expect(started.get_by_role("button", name=re.compile("签到|Check in"))).to_be_visible()
    expect(started.get_by_role("button", name=cancel)).to_have_count(0)
    assert page.errors == []


@pytest.mark.parametrize(("lang", "mine", "theirs"), [
    ("zh-CN", ("如有异议", "您的异议"), ("工人可于", "工人异议")),
    ("en", ("object by", "Your objection"), ("The worker may object", "Objection:")),
])
def test_a_no_show_is_worded_for_whoever_reads_it(browser: Any, live_server: str, lang: str,
                                                  mine: tuple[str, str], theirs: tuple[str, str]) -> None:
    recorded = _order("no_show", _no_show())
    objected = _order("no_show", _no_show(objected_at=NOW.isoformat(), objection_note="我到了"), id=78)
    for phone, route, (due, objection), (wrong_due, _) in [(WORKER, "#/orders", mine, theirs),
                                                           (EMPLOYER, "#/e/orders", theirs, mine)]:
        page = open_page(browser, live_server, phone=phone, lang=lang)
        _serve(page, r"/api/orders(\?.*)?$", _page_of(recorded, objected))
        page.goto(f"{live_server}/{route}")
        cards = page.locator("ul.cards > li")
        expect(cards.nth(0).locator(".notice")).to_contain_text(due)
        expect(cards.nth(0).locator(".notice")).not_to_contain_text(wrong_due)
        expect(cards.nth(1).locator(".notice")).to_contain_text(objection)
        assert page.errors == []


@pytest.mark.parametrize(("lang", "said", "not_said"), [("zh-CN", "会搬运工", "您会"), ("en", "Does 搬运工", "You do")])
def test_candidates_are_described_to_the_employer_not_addressed(browser: Any, live_server: str, lang: str,
                                                              said: str, not_said: str) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER, lang=lang)
    job = page.request.get(f"{live_server}/api/jobs?mine=true&limit=1").json()["items"][0]
    candidate = {"worker_id": 9, "display_name": "杨鑫超", "score": 0.87, "distance_km": 1.0,
                 "matched_skills": [["搬运工", "搬运工"]],
                 "breakdown": {"skill": 1, "distance": 0.8, "experience": 0.3, "reliability": 0.8, "rating": 0.7}}
    _serve(page, rf"/api/jobs/{job['id']}/candidates.*$", json.dumps({"items": [candidate], "total": 1,
                                                                       "limit": 20, "offset": 0}))
    page.goto(f"{live_server}/#/e/job/{job['id']}")
    card = page.locator("ul.cards > li", has_text="杨鑫超")
    expect(card).to_contain_text(said)
    expect(card).not_to_contain_text(not_said)
    assert page.errors == []


def _one_line(page: Any, text: str) -> bool:
    return bool(page.evaluate("""(text) => {
        const el = [...document.querySelectorAll('dd')].find((d) => d.textContent === text);
        return el.getBoundingClientRect().height < parseFloat(getComputedStyle(el).lineHeight) * 1.5; }""", text))


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_verify_screen_shows_its_answer_and_nothing_else(browser: Any, live_server: str, lang: str,
                                                             tmp_path: Any) -> None:
    page = open_page(browser, live_server, phone=None, lang=lang)
    answer = {"valid": True, "contract_number": NUMBER, "sha256": SHA, "signers": [], "problems": []}
    _serve(page, r"/api/contracts/verify$", json.dumps(answer))
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    page.goto(f"{live_server}/#/verify")
    page.set_input_files("input[type=file]", str(pdf))
    page.locator("form button[type=submit]").click()
    expect(page.locator(".verdict")).to_be_visible()
    assert "null" not in page.locator("main").inner_text()
    assert _one_line(page, NUMBER), "the contract number keeps to one line at 360 px"
    assert page.errors == []


def test_the_contract_screen_keeps_its_number_on_one_line(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=WORKER, lang="en")
    contract = {"id": 3, "number": NUMBER, "status": "issued", "issued_at": NOW.isoformat(), "sha256": SHA,
                "pdf_url": "/api/contracts/3/pdf", "verify_url": f"{live_server}/verify/CPEm0Gm1BhSEULEMZy1lF3lq"}
    _serve(page, r"/api/contracts/3$", json.dumps(contract))
    page.goto(f"{live_server}/#/contract/3")
    expect(page.locator("dl.terms")).to_contain_text(NUMBER)
    assert _one_line(page, NUMBER)
    assert page.errors == []


@pytest.mark.parametrize(("lang", "taken", "take"), [("zh-CN", "您已接过这个活", "我要接单"),
                                                     ("en", "You have taken this job", "Take this job")])
def test_a_job_the_worker_took_says_so_instead_of_offering_it_again(browser: Any, live_server: str, lang: str,
                                                                    taken: str, take: str) -> None:
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    job, other = page.request.get(f"{live_server}/api/jobs?limit=2").json()["items"]
    _serve(page, r"/api/orders\?job_id=.*$", _page_of())
    _serve(page, rf"/api/orders\?job_id={job['id']}&.*$", _page_of(_order("accepted")))
    page.goto(f"{live_server}/#/job/{job['id']}")
    expect(page.locator(".notice")).to_contain_text(taken)
    expect(page.get_by_role("button", name=take)).to_have_count(0)
    page.goto(f"{live_server}/#/job/{other['id']}")  # a job not taken: offered as before
    expect(page.get_by_role("button", name=take)).to_be_visible()
    assert page.errors == []


@pytest.mark.parametrize(("lang", "retry", "home"), [("zh-CN", "重试", "回到首页"),
                                                     ("en", "Try again", "Go to the start")])
def test_a_job_that_does_not_exist_offers_the_way_back_not_a_retry(browser: Any, live_server: str, lang: str,
                                                                   retry: str, home: str) -> None:
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    page.goto(f"{live_server}/#/job/99999999")
    expect(page.locator(".state[role=alert]")).to_contain_text("找不到该岗位" if lang == "zh-CN" else "not found")
    expect(page.get_by_role("button", name=retry)).to_have_count(0)
    page.get_by_role("link", name=home).click()
    page.wait_for_function("() => location.hash === '#/radar'")


def test_a_trade_typed_but_not_added_is_kept_when_staff_register_a_walk_in(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=STAFF)
    register = page.locator("form[aria-label='登记现场求职人员']")
    register.get_by_label("姓名").fill("王小明")
    register.get_by_label("手机号").fill(f"139{NOW.strftime('%H%M%S')}{NOW.microsecond % 100:02d}")
    register.locator("fieldset[data-field=skills] input").first.fill("搬运工")
    with page.expect_request(lambda r: r.url.endswith("/api/walk-ins") and r.method == "POST") as sent:
        register.get_by_role("button", name="登记现场求职人员").click()
    assert sent.value.post_data_json["skills"] == [{"name": "搬运工", "years": 1, "certified": False}]
    page.wait_for_function("() => location.hash.startsWith('#/s/worker/')")
    expect(page.locator("dl.terms")).to_contain_text("搬运工")
    assert page.errors == []


def test_staff_deciding_an_objection_can_call_both_sides(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=STAFF)
    pending = _order("no_show", _no_show(objected_at=NOW.isoformat(), objection_note="我到了"),
                     employer={"id": 2, "name": "鑫盛劳务", "phone": "13900000002"})
    _serve(page, r"/api/orders\?status=no_show.*$", _page_of(pending))
    # the console that signing in opens renders once its stations arrive; a screen opened before that is drawn
    # over by it (a known front-end race, docs/status.md), so open the objections once the console is there
    expect(page.get_by_role("heading", name="驿站工作台")).to_be_visible()
    page.goto(f"{live_server}/#/s/no-shows")
    card = page.locator("ul.cards > li").first
    expect(card.locator(f"a[href='tel:{pending['worker']['phone']}']")).to_contain_text("拨打零工")
    expect(card.locator(f"a[href='tel:{pending['employer']['phone']}']")).to_contain_text("拨打用工方")
    assert page.errors == []
