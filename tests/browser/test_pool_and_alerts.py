"""The employer's pool and invitations, the worker's invitations and alert settings, in the browser at 360 px in
both languages, on the seeded demo city: add a worker who finished a job, rehire them, invite a candidate, remove;
the worker opens their invitations from the profile and opts in to alerts with quiet hours."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import EMPLOYER, WORKER, open_page

pytestmark = pytest.mark.browser

DONE = ("completed", "paid", "confirmed")
W = {"zh-CN": {"tab": "熟手", "title": "我的熟手", "invite": "邀请", "invited": "已邀请", "remove": "移出",
               "link": "邀请和新活提醒", "on": "有新活时提醒我", "sms": "短信", "from": "从", "to": "到",
               "save": "保存", "saved": "已保存", "sent": "已发出邀请"},
     "en": {"tab": "Pool", "title": "My pool", "invite": "Invite", "invited": "Invited", "remove": "Remove",
            "link": "Invitations and job alerts", "on": "Tell me about new jobs", "sms": "Text message (SMS)",
            "from": "From", "to": "To", "save": "Save", "saved": "Saved", "sent": "Invitation sent"}}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: LINGGONG_SCREENSHOTS when set (to look at them), else the test's tmp dir."""
    target = Path(os.environ.get("LINGGONG_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def _small_targets(page: Any) -> list[str]:
    """Visible links, buttons, inputs and selects in the main area smaller than 44×44 px (a checkbox counts by the
    label that holds it: that is what a finger taps)."""
    return page.evaluate("""() => [...document.querySelectorAll('main a, main button, main input, main select')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => [el, (el.type === 'checkbox' ? el.closest('label') : el).getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([el, r]) => `${el.tagName} ${(el.textContent || el.name || '').trim()} ${r.width}x${r.height}`)""")


def _job(page: Any, base: str, days: int) -> dict[str, Any]:
    start = (datetime.now(UTC) + timedelta(days=days)).replace(hour=0, minute=0, second=0, microsecond=0)
    body = {"title": f"搬运工{days}", "skills": ["搬运工"], "headcount": 2,
            "location": {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号"},
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=8)).isoformat(),
            "pay": {"amount_fen": 26000, "unit": "day"}, "pay_due_hours": 24}
    answer = page.request.post(f"{base}/api/jobs", data=body)
    assert answer.status == 201, answer.text()
    return answer.json()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_employer_keeps_a_worker_rehires_invites_a_candidate_and_removes(browser: Any, live_server: str, lang: str,
                                                                       shots: Path) -> None:
    w = W[lang]
    page = open_page(browser, live_server, phone=EMPLOYER, lang=lang)
    orders = page.request.get(f"{live_server}/api/orders?limit=100").json()["items"]
    done = next(o for o in orders if o["status"] in DONE)
    worker = done["worker"]
    added = page.request.post(f"{live_server}/api/employers/me/pool", data={"worker_id": worker["id"]})
    assert added.status == 201, added.text()
    job = _job(page, live_server, 40 if lang == "en" else 41)
    page.get_by_role("link", name=w["tab"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(w["title"])
    card = page.locator(f"li.card[data-worker='{worker['id']}']")
    expect(card).to_contain_text(worker["name"])
    expect(card.locator("select option")).not_to_have_count(0)
    page.screenshot(path=str(shots / f"pool-{lang}.png"), full_page=True)
    assert _small_targets(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing wider than the phone"
    card.locator("select").select_option(str(job["id"]))
    card.get_by_role("button", name=w["invite"], exact=True).click()
    expect(page.locator("#toast")).to_contain_text(w["sent"])
    invited = page.request.post(f"{live_server}/api/jobs/{job['id']}/invitations", data={"worker_id": worker["id"]})
    assert invited.status == 409, "the rehire went through: a second one is refused"
    page.goto(f"{live_server}/#/e/job/{job['id']}")
    others = f"button.invite:not([data-worker='{worker['id']}'])"  # the rehired worker is invited already
    candidate = page.locator("section li.card").filter(has=page.locator(others)).first
    expect(candidate).to_be_visible()
    page.screenshot(path=str(shots / f"candidates-invite-{lang}.png"), full_page=True)
    candidate.locator("button.invite").click()
    expect(candidate.locator("button.invite")).to_have_text(w["invited"])
    page.get_by_role("link", name=w["tab"], exact=True).click()
    card.get_by_role("button", name=w["remove"], exact=True).click()
    page.locator("dialog.ask button.primary").click()
    expect(card).to_have_count(0)
    assert page.errors == []


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_worker_sees_an_invitation_and_opts_in_to_alerts_with_quiet_hours(browser: Any, live_server: str, lang: str,
                                                                        shots: Path) -> None:
    w = W[lang]
    employer = open_page(browser, live_server, phone=EMPLOYER)
    job = _job(employer, live_server, 50 if lang == "en" else 51)
    me = open_page(browser, live_server, phone=WORKER, lang=lang)
    worker_id = me.request.get(f"{live_server}/api/workers/me").json()["id"]
    invited = employer.request.post(f"{live_server}/api/jobs/{job['id']}/invitations", data={"worker_id": worker_id})
    assert invited.status == 201, invited.text()
    employer.context.close()
    page = me
    page.goto(f"{live_server}/#/profile")
    page.get_by_role("link", name=w["link"]).click()
    expect(page).to_have_url(re.compile(r"#/alerts$"))
    invitation = page.locator(f".invitations li.card[data-job='{job['id']}']")
    expect(invitation).to_contain_text(job["title"])
    page.get_by_label(w["on"]).check()
    page.get_by_label(w["sms"]).check()
    page.get_by_label(w["from"], exact=True).fill("22:00")
    page.get_by_label(w["to"], exact=True).fill("07:00")
    page.screenshot(path=str(shots / f"alerts-{lang}.png"), full_page=True)
    assert _small_targets(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing wider than the phone"
    page.get_by_role("button", name=w["save"], exact=True).click()
    expect(page.locator("#toast")).to_contain_text(w["saved"])
    saved = page.request.get(f"{live_server}/api/workers/me/alerts").json()
    assert saved["enabled"] is True
    assert saved["channels"] == ["sms", "app"]
    assert saved["quiet_hours"] == {"from": "22:00", "to": "07:00"}
    invitation.locator("a").click()
    expect(page).to_have_url(re.compile(rf"#/job/{job['id']}$"))
    assert page.errors == []
