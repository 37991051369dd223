"""The screens for a full job and for no-shows, in both languages: the answers the server would give are played
into the page (a no-show needs an order whose start has passed, which a freshly seeded city does not have)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, STAFF, WORKER, open_page

pytestmark = pytest.mark.browser

NOW = datetime.now(UTC).replace(microsecond=0)


def _order(status: str, no_show: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
    starts = NOW - timedelta(hours=3)
    party = {"id": 1, "name": "林建国", "phone": "13900000001"}
    order = {
        "id": 77, "status": status, "job": {"id": 5, "title": "搬家临时工", "address": "胜利西路128号", "lat": 24.51,
                                             "lon": 117.64, "pay_amount_fen": 25000, "pay_unit": "day"},
        "worker": party, "employer": {**party, "id": 2, "name": "鑫盛劳务"}, "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=8)).isoformat(), "pay_due_at": (starts + timedelta(days=2)).isoformat(),
        "agreed_pay_fen": 25000, "accepted_at": (starts - timedelta(days=1)).isoformat(), "accepted_by_staff": False,
        "consent_method": "app", "checked_in_at": None, "check_in_distance_m": None, "completed_at": None,
        "paid_at": None, "paid_amount_fen": None, "payment_note": "", "payment_confirmed_at": None,
        "cancelled_at": None, "cancelled_by_role": "", "cancel_late": False, "cancel_reason": "",
        "contract_status": "issued", "contract": None, "no_show": no_show,
    }
    return {**order, **changes}


def _no_show(**changes: Any) -> dict[str, Any]:
    record = {"recorded_at": (NOW - timedelta(hours=1)).isoformat(), "recorded_by_staff": False, "note": "",
              "objection_due_at": (NOW + timedelta(hours=71)).isoformat(), "objected_at": None,
              "objection_note": "", "decided_at": None, "upheld": None, "decision_note": ""}
    return {**record, **changes}


def _page_of(*orders: dict[str, Any]) -> str:
    return json.dumps({"items": list(orders), "total": len(orders), "limit": 50, "offset": 0})


def _serve(page: Any, pattern: str, body: str, posted: list[Any] | None = None, answer: str | None = None) -> None:
    def handle(route: Any) -> None:
        if route.request.method == "POST" and posted is not None:
            posted.append((route.request.url, route.request.post_data_json))
            route.fulfill(status=200, content_type="application/json", body=answer or body)
        else:
            route.fulfill(status=200, content_type="application/json", body=body)

    page.route(re.compile(pattern), handle)


@pytest.mark.parametrize(("lang", "words"), [
    ("zh-CN", {"badge": "未到岗", "due": "如有异议", "object": "提出异议", "sent": "异议已提交"}),
    ("en", {"badge": "No-show", "due": "object by", "object": "Object", "sent": "Objection sent"}),
])
def test_a_worker_recorded_as_a_no_show_sees_it_and_objects(browser: Any, live_server: str, lang: str,
                                                             words: dict[str, str]) -> None:
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    posted: list[Any] = []
    objected = _order("no_show", _no_show(objected_at=NOW.isoformat(), objection_note="我到了"))
    _serve(page, r"/api/orders(\?.*)?$", _page_of(_order("no_show", _no_show())))
    _serve(page, r"/api/orders/77/no-show/objection$", "{}", posted, json.dumps(objected))
    page.goto(f"{live_server}/#/orders")
    card = page.locator("ul.cards > li").first
    expect(card.locator(".badge")).to_have_text(words["badge"])
    expect(card).to_contain_text(words["due"])
    card.locator("textarea[name=note]").fill("我到了，手机没电没签上")
    with page.expect_request(re.compile(r"/no-show/objection$")):
        card.get_by_role("button", name=words["object"], exact=True).click()
    expect(page.locator("body")).to_contain_text(words["sent"])
    assert posted == [(f"{live_server}/api/orders/77/no-show/objection", {"note": "我到了，手机没电没签上"})]
    assert page.errors == []


@pytest.mark.parametrize(("lang", "full", "record"), [("zh-CN", "已招满", "登记未到岗"),
                                                      ("en", "Full", "Record no-show")])
def test_the_employer_sees_a_full_job_and_can_record_a_no_show(browser: Any, live_server: str, lang: str,
                                                               full: str, record: str) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER, lang=lang)
    jobs = page.request.get(f"{live_server}/api/jobs?mine=true&limit=1").json()["items"]
    job = {**jobs[0], "status": "full", "filled": jobs[0]["headcount"]}
    posted: list[Any] = []
    _serve(page, rf"/api/jobs/{job['id']}$", json.dumps(job))
    _serve(page, r"/api/jobs\?mine=true.*$", json.dumps({"items": [job], "total": 1, "limit": 100, "offset": 0}))
    _serve(page, r"/api/orders\?.*job_id=.*$", _page_of(_order("accepted")))
    _serve(page, r"/api/orders/77/no-show$", "{}", posted, json.dumps(_order("no_show", _no_show())))
    page.reload()  # signing in already drew the real list at #/e/jobs
    expect(page.locator("main > ul.cards > li .badge").first).to_have_text(full)  # the jobs, not warnings
    page.goto(f"{live_server}/#/e/job/{job['id']}")
    expect(page.locator("h1 + .badge, .row .badge").first).to_have_text(full)
    expect(page.get_by_role("button", name=re.compile("取消岗位|Cancel job"))).to_be_visible()
    page.get_by_role("button", name=record).click()
    page.locator("dialog.ask").get_by_role("button", name=record).click()  # asked first, in the page
    expect(page.locator("body")).to_contain_text("已登记未到岗" if lang == "zh-CN" else "No-show recorded")
    assert [url for url, _ in posted] == [f"{live_server}/api/orders/77/no-show"]
    assert page.errors == []


def test_staff_decide_a_pending_objection(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=STAFF)
    pending = _order("no_show", _no_show(objected_at=NOW.isoformat(), objection_note="我到了，手机没电"))
    decided = _order("accepted", _no_show(objected_at=NOW.isoformat(), objection_note="我到了",
                                          decided_at=NOW.isoformat(), upheld=True))
    posted: list[Any] = []
    _serve(page, r"/api/orders\?status=no_show.*$", _page_of(pending))
    _serve(page, r"/api/orders/77/no-show/objection/decision$", "{}", posted, json.dumps(decided))
    # signing in lands on the console through a redirect: click only once it is there, or the redirect wins
    expect(page.get_by_role("heading", name="驿站工作台")).to_be_visible()
    page.locator("#nav").get_by_role("link", name="异议", exact=True).click()
    card = page.locator("ul.cards > li").first
    expect(card).to_contain_text("工人异议：我到了，手机没电")
    card.get_by_label("处理说明").fill("工友作证")
    with page.expect_request(re.compile(r"/no-show/objection/decision$")):
        card.get_by_role("button", name="异议成立（撤销登记）").click()
    assert posted[0] == (f"{live_server}/api/orders/77/no-show/objection/decision",
                         {"upheld": True, "note": "工友作证"})
    assert page.errors == []
