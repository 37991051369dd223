"""The wage-case screens for each role's main path at 360x740 (the bureau also at desktop size), in zh-CN and en,
against the live server for sign-in and an in-memory fake of the case API (`fake_cases.py`) until the backend
lands; `live_cases.py` drives the same paths against the real API. Every screen is photographed into
LINGGONG_SCREENSHOTS when that is set (else the test's tmp dir)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, STAFF, WORKER, open_page
from .fake_cases import FakeCases

pytestmark = pytest.mark.browser

LANGS = ["zh-CN", "en"]
W = {
    "zh-CN": {
        "paid_done": "已登记付款",
        "yours": "由您办理",
        "not_paid": "没收到工钱",
        "wrong": "数目不对",
        "got": "我已收到工钱",
        "send": "提交投诉",
        "filed": "您提交了投诉",
        "progress": "查看办理进度",
        "resolved": "已解决",
        "answered": "您已回复：已解决",
        "gap": "少 ¥50.00",
        "note": "扣了饭钱和工具钱",
        "reply": "提交答复",
        "paid": "已付工钱",
        "me": "由我办理",
        "record": "记录办理情况",
        "reminder": "生成提醒函",
        "close": "办结",
        "reopen": "重新办理",
        "overdue": "已超期",
        "intake": "登记投诉",
        "find": "查找",
        "this_order": "为这一单登记投诉",
        "take_up": "提级督办",
        "figures": "办结统计",
        "on_time": "按时办结率",
        "not_due": "还没到",
        "channel": "投诉渠道",
    },
    "en": {
        "paid_done": "Payment recorded",
        "yours": "You handle this case",
        "not_paid": "Not paid",
        "wrong": "Wrong amount",
        "got": "I received the pay",
        "send": "Send the complaint",
        "filed": "You complained",
        "progress": "See how it is going",
        "resolved": "Resolved",
        "answered": "You answered: resolved",
        "gap": "¥50.00 less",
        "note": "扣了饭钱和工具钱",
        "reply": "Send the reply",
        "paid": "Mark paid",
        "me": "I will handle it",
        "record": "Record a step",
        "reminder": "Make a reminder letter",
        "close": "Close the case",
        "reopen": "Reopen",
        "overdue": "Overdue",
        "intake": "Take a complaint",
        "find": "Find",
        "this_order": "Complaint about this order",
        "take_up": "Take the case up",
        "figures": "Closure figures",
        "on_time": "Closed on time",
        "not_due": "not due",
        "channel": "Channel",
    },
}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: LINGGONG_SCREENSHOTS when set (to look at them), else the test's tmp dir."""
    target = Path(os.environ.get("LINGGONG_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def _me(page: Any) -> dict[str, Any]:
    return json.loads(page.evaluate("localStorage.getItem('lg.user')"))


def _fake(browser: Any, base: str, phone: str, lang: str) -> tuple[Any, FakeCases, dict[str, Any]]:
    """Sign the three demo logins in once each to learn their ids, then a page for `phone` with the fake installed."""
    ids = {}
    for who in (WORKER, EMPLOYER, STAFF):
        probe = open_page(browser, base, phone=who)
        ids[who] = _me(probe)
        probe.context.close()
    page = open_page(browser, base, phone=phone, lang=lang)
    # the home screen must finish drawing first: a slow one draws over a newer screen (docs/status.md, "race")
    page.wait_for_load_state("networkidle")
    expect(page.locator("main .loading")).to_have_count(0)
    fake = FakeCases(worker=ids[WORKER], employer=ids[EMPLOYER], staff=ids[STAFF])
    user = _me(page)
    fake.install(page, user, base)
    return page, fake, user


def _shot(page: Any, shots: Path, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("lang", LANGS)
def test_worker_complains_follows_the_case_and_answers_the_follow_up(
    browser: Any, live_server: str, lang: str, shots: Path
) -> None:
    w = W[lang]
    page, fake, _ = _fake(browser, live_server, WORKER, lang)
    page.goto(f"{live_server}/#/orders")
    cards = page.locator("ul.cards > li")
    overdue = cards.filter(has_text="小区外墙粉刷").filter(has_text=w["not_paid"]).first
    expect(overdue.get_by_role("link", name=w["not_paid"])).to_be_visible()
    short = cards.filter(has_text=w["note"])
    expect(short).to_contain_text(w["gap"])  # the gap and the employer's note, 数目不对 beside 已收到
    expect(short.get_by_role("button", name=w["got"])).to_be_visible()
    expect(short.get_by_role("link", name=w["wrong"])).to_be_visible()
    expect(cards.filter(has_text="仓库卸货").get_by_role("link", name=w["progress"])).to_be_visible()
    expect(cards.filter(has_text="明天的活").get_by_role("link", name=w["not_paid"])).to_have_count(0)  # not yet due
    _shot(page, shots, f"worker-orders-{lang}")

    short.get_by_role("link", name=w["wrong"]).click()
    expect(page.locator("input[name=amount]")).to_have_value("50.00")  # what is missing
    expect(page.locator("input[name=kind][value=underpaid]")).to_be_checked()
    page.goto(f"{live_server}/#/complaint/905?kind=unpaid")
    expect(page.locator("input[name=amount]")).to_have_value("250.00")  # the whole agreed pay
    page.locator("textarea[name=note]").fill("老板说月底再给")
    _shot(page, shots, f"worker-complaint-{lang}")
    page.get_by_role("button", name=w["send"]).click()
    expect(page).to_have_url(re.compile(r"#/case/\d+$"))
    expect(page.locator(".timeline")).to_contain_text(w["filed"])
    assert fake.posted[-1] == (
        "/api/orders/905/complaints",
        {"kind": "unpaid", "amount_fen": 25000, "note": "老板说月底再给"},
    )
    _shot(page, shots, f"worker-case-open-{lang}")

    page.goto(f"{live_server}/#/case/102")  # closed: the follow-up question
    page.get_by_role("button", name=w["resolved"], exact=True).click()
    expect(page.locator("body")).to_contain_text(w["answered"])
    assert fake.posted[-1] == ("/api/cases/102/follow-up", {"resolved": True, "note": ""})
    _shot(page, shots, f"worker-case-closed-{lang}")

    page.goto(f"{live_server}/#/complaint/907")  # not due yet: only "something else"
    expect(page.locator(".notice")).to_contain_text(w["not_due"])
    expect(page.locator("input[name=kind]")).to_have_count(1)
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_employer_reads_the_case_replies_and_pays(browser: Any, live_server: str, lang: str, shots: Path) -> None:
    w = W[lang]
    page, fake, _ = _fake(browser, live_server, EMPLOYER, lang)
    page.goto(f"{live_server}/#/cases")
    expect(page.locator("ul.cards > li")).to_have_count(2)
    expect(page.locator("ul.cards > li").first).to_contain_text(w["overdue"])  # overdue first
    _shot(page, shots, f"employer-cases-{lang}")
    page.locator("ul.cards > li").first.locator("a").click()
    expect(page).to_have_url(re.compile(r"#/case/101$"))
    reply = page.locator("form", has=page.get_by_role("button", name=w["reply"]))
    reply.locator("textarea").fill("工程款未到账，周五前付清。")
    reply.get_by_role("button", name=w["reply"]).click()
    expect(page.locator(".timeline")).to_contain_text("工程款未到账")
    assert fake.posted[-1] == ("/api/cases/101/reply", {"text": "工程款未到账，周五前付清。"})
    pay = page.locator("form").filter(has=page.get_by_role("button", name=w["paid"])).first
    expect(pay.locator("input[name=amount_fen]")).to_have_value("250.00")
    pay.get_by_role("button", name=w["paid"]).click()
    expect(page.locator("#toast")).to_contain_text(w["paid_done"])
    assert fake.posted[-1] == ("/api/orders/901/paid", {"amount_fen": 25000, "note": ""})
    _shot(page, shots, f"employer-case-{lang}")
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_staff_work_a_case_from_the_queue_to_closing(browser: Any, live_server: str, lang: str, shots: Path) -> None:
    w = W[lang]
    page, fake, me = _fake(browser, live_server, STAFF, lang)
    page.goto(f"{live_server}/#/cases")
    first = page.locator("ul.cards > li").first
    expect(first).to_contain_text(w["overdue"])
    _shot(page, shots, f"staff-queue-{lang}")
    first.locator("a").click()
    page.get_by_role("button", name=w["me"]).click()
    expect(page.locator("main")).to_contain_text(w["yours"])  # drawn again with the case now the caller's
    assert fake.posted[-1] == ("/api/cases/101/assign", {"owner_id": me["id"]})
    step = page.locator("form", has=page.get_by_role("button", name=w["record"]))
    step.locator("textarea").fill("约用工方周三到驿站调解")
    step.get_by_role("button", name=w["record"]).click()
    expect(page.locator(".timeline")).to_contain_text("约用工方周三到驿站调解")
    with page.expect_popup() as popup:
        page.get_by_role("button", name=w["reminder"]).click()
    expect(popup.value).to_have_url(re.compile(r"/api/cases/101/letters/\d+/pdf$"))
    assert fake.posted[-1] == ("/api/cases/101/letters", {"kind": "reminder"})
    expect(page.locator(".timeline a").last).to_have_attribute("href", re.compile(r"/letters/\d+/pdf$"))
    _shot(page, shots, f"staff-case-{lang}")
    close = page.locator("form", has=page.locator("select[name=outcome]"))
    close.locator("select[name=outcome]").select_option("recovered_partial")
    close.locator("input[name=recovered_fen]").fill("300")
    close.locator("textarea").fill("用工方付了一部分")
    close.get_by_role("button", name=w["close"]).click()
    expect(page.get_by_role("button", name=w["reopen"])).to_be_visible()
    path, body = fake.posted[-1]
    assert path == "/api/cases/101/close"
    assert (body["outcome"], body["note"]) == ("recovered_partial", "用工方付了一部分")
    assert sum(r["amount_fen"] for r in body["recovered"]) == 30000, "shared out over the claimants"
    assert all(r["complaint_id"] for r in body["recovered"])
    _shot(page, shots, f"staff-case-closed-{lang}")
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_staff_take_a_hotline_complaint_for_a_worker(browser: Any, live_server: str, lang: str, shots: Path) -> None:
    w = W[lang]
    page, fake, _ = _fake(browser, live_server, STAFF, lang)
    page.goto(f"{live_server}/#/s/intake")
    page.get_by_placeholder("手机号" if lang == "zh-CN" else "Mobile number").fill(WORKER)
    page.get_by_role("button", name=w["find"], exact=True).click()
    order = page.locator("ul.cards > li", has_text="小区外墙粉刷").first
    expect(order).to_be_visible(timeout=30_000)  # the search is recorded and may be slowed down
    order.locator("summary").click()
    order.get_by_label(w["channel"]).select_option("hotline_12333")
    _shot(page, shots, f"staff-intake-{lang}")
    order.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"#/case/\d+$"))
    path, body = fake.posted[-1]
    assert path == "/api/orders/905/complaints"
    assert body == {"kind": "unpaid", "amount_fen": 25000, "note": "", "channel": "hotline_12333"}
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_bureau_reads_all_cases_takes_one_up_and_sees_the_figures(
    browser: Any, live_server: str, lang: str, shots: Path
) -> None:
    w = W[lang]
    page, fake, _ = _fake(browser, live_server, WORKER, lang)
    bureau = {"id": 4242, "name": "陈明", "role": "supervisor"}  # no supervisor login in the demo city yet
    page.evaluate(f"localStorage.setItem('lg.user', {json.dumps(json.dumps(bureau))})")
    fake.install(page, bureau, live_server)
    for size, name in (((1280, 860), "desktop"), ((360, 740), "phone")):
        page.set_viewport_size({"width": size[0], "height": size[1]})
        page.goto(f"{live_server}/#/cases")
        cards = page.locator("ul.cards > li")
        expect(cards).to_have_count(3)
        expect(cards.nth(0)).to_contain_text(w["overdue"])
        expect(cards.nth(1)).to_contain_text("挂牌督办" if lang == "zh-CN" else "Flagged")
        _shot(page, shots, f"bureau-cases-{name}-{lang}")
    page.set_viewport_size({"width": 1280, "height": 860})
    page.locator("ul.cards > li").first.locator("a").click()
    take = page.locator("form", has=page.get_by_role("button", name=w["take_up"]))
    take.get_by_role("button", name=w["take_up"]).click()
    expect(page.locator(".timeline")).to_contain_text("提级督办" if lang == "zh-CN" else "took the case up")
    assert fake.posted[-1] == ("/api/cases/101/escalate", {"action": "take_up", "note": ""})
    _shot(page, shots, f"bureau-case-{lang}")
    page.goto(f"{live_server}/#/figures")
    expect(page.locator(".figures")).to_contain_text(w["on_time"])
    expect(page.locator(".figures")).to_contain_text("88.6%")
    expect(page.locator(".figures")).to_contain_text("¥87,654.00")
    _shot(page, shots, f"bureau-figures-{lang}")
    assert page.errors == []


def _accept_some_job(page: Any, base: str) -> dict[str, Any]:
    """Take the first job the worker can take (others may clash with orders of earlier tests) through the API."""
    jobs = page.request.get(f"{base}/api/jobs?limit=30").json()["items"]
    for job in jobs:
        answer = page.request.post(f"{base}/api/jobs/{job['id']}/accept", data={})
        if answer.status == 201 and answer.json()["contract"]:
            return answer.json()
    raise AssertionError("no job could be taken")


@pytest.mark.parametrize("lang", LANGS)
def test_the_contracts_qr_page_leads_to_the_complaint_form_signed_in_or_through_sign_in(
    browser: Any, live_server: str, lang: str, shots: Path
) -> None:
    worker = open_page(browser, live_server, phone=WORKER, lang=lang)
    accepted = _accept_some_job(worker, live_server)
    order_id, verify_url = accepted["order"]["id"], accepted["contract"]["verify_url"]
    path = "/verify/" + verify_url.rsplit("/", 1)[1]
    title = "投诉欠薪" if lang == "zh-CN" else "Complain about pay"
    worker.goto(f"{live_server}{path}")
    _shot(worker, shots, f"qr-signed-in-{lang}")
    worker.get_by_role("link", name=title).click()
    expect(worker).to_have_url(re.compile(rf"#/complaint/{order_id}$"))
    expect(worker.locator("h1")).to_have_text(title)
    expect(worker.locator("input[name=kind]")).to_have_count(1)  # not due yet: "something else" only

    stranger = open_page(browser, live_server, phone=None, lang=lang)
    stranger.goto(f"{live_server}{path}")
    _shot(stranger, shots, f"qr-signed-out-{lang}")
    stranger.get_by_role("link", name="登录后投诉欠薪" if lang == "zh-CN" else "Sign in to complain").click()
    stranger.get_by_label("手机号" if lang == "zh-CN" else "Mobile number").fill(WORKER)
    stranger.get_by_label("密码" if lang == "zh-CN" else "Password", exact=True).fill("linggong-demo")
    stranger.locator("form button[type=submit]").click()
    expect(stranger).to_have_url(re.compile(rf"#/complaint/{order_id}$"))
    expect(stranger.locator("h1")).to_have_text(title)
    assert worker.errors == stranger.errors == []
