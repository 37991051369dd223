"""Reach, offline and the station counter (issue 15), as people use them at 360×740: every tap target at least
44×44 px and headings that skip no level on the main pages of every role; a larger-text setting that stays; 朗读
only where the phone has a voice;
an offline reload that shows the last radar and says so; confirmations and toasts for acts that change money or
state; and the counter ranking jobs for a walk-in, warning before a job outside their trades, their orders one
tap away, and a search by name."""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.market.api.test_accept import signature_png

from .conftest import EMPLOYER, HOME, STAFF, WORKER, open_page
from .test_no_show_and_full import _order, _page_of, _serve

pytestmark = pytest.mark.browser

MEASURE = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [role=button]')) {
    if (el.type === 'hidden' || el.closest('[hidden], dialog:not([open])')) continue;
    // a box or a radio is tapped through the label that holds it
    const target = (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) || el;
    const r = target.getBoundingClientRect();
    if (!r.width || !r.height || r.right <= 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (r.width < 43.5 || r.height < 43.5) {
      const words = (el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 24);
      const size = `${Math.round(r.width)}x${Math.round(r.height)}`;
      small.push(`${location.hash} ${el.tagName.toLowerCase()} "${words}" ${size}`);
    }
  }
  return small;
}"""

# Lighthouse's heading-order: a heading may go at most one level deeper than the one before it.
HEADING_SKIPS = """() => {
  const skips = [];
  let last = 0;
  for (const el of document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')) {
    if (el.closest('[hidden], dialog:not([open])')) continue;
    const level = Number(el.tagName[1]);
    const words = el.textContent.trim().slice(0, 24);
    if (level > last + 1) skips.push(`${location.hash} h${last} then ${el.tagName.toLowerCase()} "${words}"`);
    last = level;
  }
  return skips;
}"""


def _settled(page: Any, url: str) -> None:
    """Go to `url` and wait until its screen has replaced the last one and loaded its data."""
    page.evaluate("() => document.querySelectorAll('main > *').forEach((el) => { el.dataset.before = '1'; })")
    if page.url == url:
        page.reload()
    else:
        page.goto(url)
    expect(page.locator("main > [data-before]")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    expect(page.locator("main .loading")).to_have_count(0)


def _walk(page: Any, base: str, hashes: list[str]) -> list[str]:
    small: list[str] = []
    for hash_ in hashes:
        _settled(page, f"{base}/{hash_}")
        small += page.evaluate(MEASURE) + page.evaluate(HEADING_SKIPS)
    return small


def _choose_station(page: Any, base: str) -> dict[str, Any]:
    station = page.request.get(f"{base}/api/stations?limit=1").json()["items"][0]
    page.evaluate("s => localStorage.setItem('lg.station', JSON.stringify(s))",
                  {"id": station["id"], "name": station["name"], "lat": station["lat"], "lon": station["lon"],
                   "address": station["address"]})
    return station


def _walk_in(page: Any, base: str, trade: str, name: str = "") -> dict[str, Any]:
    """A walk-in registered through the API by the signed-in staff member (so the station holds their consent)."""
    name = name or f"求职者{random.randint(1000, 9999)}"
    answer = page.request.post(f"{base}/api/walk-ins", data=json.dumps({
        "phone": f"139{random.randint(10_000_000, 99_999_999)}", "name": name,
        "skills": [{"name": trade, "years": 3, "certified": False}],
        "location": {**HOME, "address": "漳州市芗城区胜利西路1号"}, "max_distance_km": 30}),
        headers={"Content-Type": "application/json"})
    assert answer.status == 201, answer.text()
    return answer.json()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_tap_target_of_every_role_is_at_least_44_px_and_headings_go_in_order(browser: Any, live_server: str,
                                                                                   lang: str) -> None:
    small: list[str] = []
    signed_out = open_page(browser, live_server, phone=None, lang=lang)
    small += _walk(signed_out, live_server, ["#/login", "#/register", "#/stations", "#/verify"])
    worker = open_page(browser, live_server, phone=WORKER, lang=lang)
    job = worker.request.get(f"{live_server}/api/jobs?limit=1").json()["items"][0]
    small += _walk(worker, live_server, ["#/radar", f"#/job/{job['id']}", "#/orders", "#/profile", "#/inbox",
                                          "#/courses"])
    employer = open_page(browser, live_server, phone=EMPLOYER, lang=lang)
    mine = employer.request.get(f"{live_server}/api/jobs?mine=true&limit=1").json()["items"][0]
    small += _walk(employer, live_server, ["#/e/jobs", "#/e/post", f"#/e/job/{mine['id']}", "#/e/orders", "#/inbox"])
    staff = open_page(browser, live_server, phone=STAFF, lang=lang)
    _choose_station(staff, live_server)
    walk_in = _walk_in(staff, live_server, job["skills"][0])
    small += _walk(staff, live_server, ["#/s", f"#/s/worker/{walk_in['id']}", f"#/s/worker/{walk_in['id']}/orders",
                                        f"#/s/accept/{job['id']}/{walk_in['id']}", "#/s/stations", "#/s/no-shows",
                                        "#/s/objections", "#/inbox", f"#/e/job/{mine['id']}", "#/courses",
                                        "#/course/new"])
    assert small == []
    for page in (signed_out, worker, employer, staff):
        assert page.errors == []


def test_larger_text_is_a_setting_that_stays(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=WORKER)
    _settled(page, f"{live_server}/#/radar")
    size = "() => getComputedStyle(document.documentElement).fontSize"
    assert page.evaluate(size) == "18px"
    switch = page.get_by_role("button", name="大字模式")
    expect(switch).to_have_attribute("aria-pressed", "false")
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(size) == "22px"
    page.reload()
    _settled(page, f"{live_server}/#/radar")
    assert page.evaluate(size) == "22px", "remembered on the phone"
    assert page.evaluate(MEASURE) == []
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), "nothing spills sideways"
    page.get_by_role("button", name="大字模式").click()
    assert page.evaluate(size) == "18px"


FAKE_VOICES = """(() => {
  const said = [];
  window.__said = said;
  const voices = %s;
  const synth = { speaking: false, getVoices: () => voices, speak: (u) => said.push([u.text, u.lang]), cancel: () => {},
                  addEventListener: () => {} };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();"""


@pytest.mark.parametrize(("lang", "voices", "button"), [
    ("zh-CN", [{"lang": "zh-CN", "name": "Tingting"}], "朗读"),
    ("en", [{"lang": "en-GB", "name": "Daniel"}], "Read aloud"),
])
def test_read_aloud_speaks_the_job_where_the_phone_has_a_voice(browser: Any, live_server: str, lang: str,
                                                               voices: list[dict[str, str]], button: str) -> None:
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    job = page.request.get(f"{live_server}/api/jobs?limit=1").json()["items"][0]
    page.add_init_script(FAKE_VOICES % json.dumps(voices))
    page.goto(f"{live_server}/#/job/{job['id']}")
    page.reload()
    speak = page.get_by_role("button", name=button)
    expect(speak).to_be_visible()
    speak.click()
    said = page.evaluate("() => window.__said")
    assert len(said) == 1
    text, spoken_in = said[0]
    for detail in (job["title"], job["location"]["address"], job["employer"]["name"]):
        assert detail in text
    assert spoken_in == ("en-US" if lang == "en" else "zh-CN")


def test_read_aloud_is_hidden_where_there_is_no_voice_for_the_language(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=WORKER)
    job = page.request.get(f"{live_server}/api/jobs?limit=1").json()["items"][0]
    page.add_init_script(FAKE_VOICES % json.dumps([{"lang": "en-US", "name": "Samantha"}]))
    page.goto(f"{live_server}/#/job/{job['id']}")
    page.reload()
    expect(page.locator("h1")).to_have_text(job["title"])
    expect(page.locator("button.speak")).to_be_hidden()


@pytest.mark.parametrize(("lang", "stale"), [("zh-CN", "没有网络，显示的是上次的内容"),
                                             ("en", "No network: showing what was last loaded")])
def test_an_offline_reload_shows_the_last_radar_and_says_so(browser: Any, live_server: str, lang: str,
                                                            stale: str) -> None:
    page = open_page(browser, live_server, phone=WORKER, lang=lang, service_workers="allow")
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller")
    _settled(page, f"{live_server}/#/orders")
    _settled(page, f"{live_server}/#/radar")  # both answers now kept by the service worker
    titles = page.locator("ul.cards > li h2").all_inner_texts()
    assert titles
    expect(page.locator("#stale")).to_be_hidden()
    page.context.set_offline(True)
    try:
        page.reload()
        expect(page.locator("ul.cards > li h2").first).to_have_text(titles[0])
        assert page.locator("ul.cards > li h2").all_inner_texts() == titles
        expect(page.locator("#stale")).to_be_visible()
        expect(page.locator("#stale")).to_contain_text(stale)
        page.locator("#nav a[href='#/orders']").click()
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator("#stale")).to_contain_text(stale)
        expect(page.locator(".state[role=alert]")).to_have_count(0)
    finally:
        page.context.set_offline(False)
    page.reload()
    _settled(page, f"{live_server}/#/radar")
    expect(page.locator("#stale")).to_be_hidden()
    assert page.errors == []


def test_a_tap_that_waits_on_the_network_says_so_at_once(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=None)
    page.route(re.compile(r"/api/auth/login$"), lambda route: None)  # never answered: the tap's state stays visible
    page.get_by_label("手机号").fill(WORKER)
    page.get_by_label("密码", exact=True).fill("linggong-demo")
    page.locator("form button[type=submit]").click()
    button = page.locator("form button[type=submit]")
    expect(button).to_have_text("正在登录…")
    expect(button).to_be_disabled()
    expect(button).to_have_attribute("aria-busy", "true")


@pytest.mark.parametrize(("lang", "words"), [
    ("zh-CN", {"done": "确认完工", "toast": "已确认完工", "paid": "已付工钱", "paid_toast": "已登记付款",
               "cancel": "取消"}),
    ("en", {"done": "Mark complete", "toast": "Marked complete", "paid": "Mark paid", "paid_toast": "Payment recorded",
            "cancel": "Cancel"}),
])
def test_completing_and_paying_ask_first_and_say_it_is_done(browser: Any, live_server: str, lang: str,
                                                            words: dict[str, str]) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER, lang=lang)
    posted: list[Any] = []
    orders = {"body": _page_of(_order("accepted"))}
    page.route(re.compile(r"/api/orders\?.*$"), lambda route: route.fulfill(
        status=200, content_type="application/json", body=orders["body"]))
    _serve(page, r"/api/orders/77/(complete|paid)$", "{}", posted)
    page.goto(f"{live_server}/#/e/orders")
    card = page.locator("ul.cards > li").first
    card.get_by_role("button", name=words["done"]).click()
    dialog = page.locator("dialog.ask")
    expect(dialog).to_contain_text("林建国")
    dialog.get_by_role("button", name=words["cancel"]).click()
    expect(dialog).to_have_count(0)
    assert posted == [], "cancelled: nothing sent"
    card.get_by_role("button", name=words["done"]).click()
    page.locator("dialog.ask").get_by_role("button", name=words["done"]).click()
    expect(page.locator("#toast")).to_have_text(words["toast"])
    assert [url.rsplit("/", 1)[1] for url, _ in posted] == ["complete"]
    orders["body"] = _page_of(_order("completed"))
    page.reload()
    page.locator("ul.cards > li").first.get_by_role("button", name=words["paid"]).click()
    dialog = page.locator("dialog.ask")
    expect(dialog).to_contain_text("¥250.00")
    dialog.get_by_role("button", name=words["paid"]).click()
    expect(page.locator("#toast")).to_have_text(words["paid_toast"])
    assert posted[-1] == (f"{live_server}/api/orders/77/paid", {"amount_fen": 25000, "note": ""})
    assert page.errors == []


def test_the_counter_ranks_jobs_for_a_walk_in_and_warns_outside_their_trades(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=STAFF)
    _choose_station(page, live_server)
    nearby = page.request.get(f"{live_server}/api/jobs?lat={HOME['lat']}&lon={HOME['lon']}&radius_km=30&limit=50")
    jobs = nearby.json()["items"]
    trade = jobs[0]["skills"][0]
    walk_in = _walk_in(page, live_server, trade, name=f"黄秀{random.randint(100, 999)}")
    _settled(page, f"{live_server}/#/s/worker/{walk_in['id']}")
    expect(page.get_by_role("heading", name="为其找活")).to_be_visible()
    cards = page.locator("ul.cards > li.card")
    expect(cards.first).to_be_visible()
    expect(cards.first.locator(".badge.fit")).to_contain_text("匹配度")
    expect(page.locator("li.card.outside")).to_have_count(0)  # ranked by their trades: all in trade

    page.get_by_role("button", name="附近所有的活").click()
    outside = page.locator("li.card.outside").first
    expect(outside).to_be_visible()
    expect(outside).to_contain_text("不是其登记的工种")
    outside.get_by_role("link", name="代为接单").click()
    dialog = page.locator("dialog.ask")
    expect(dialog).to_contain_text(f"不是 {walk_in['name']} 登记的工种")
    expect(dialog).to_contain_text(trade)
    dialog.get_by_role("button", name="取消").click()
    expect(page).to_have_url(re.compile(rf"#/s/worker/{walk_in['id']}$"))
    outside.get_by_role("link", name="代为接单").click()
    page.locator("dialog.ask").get_by_role("button", name="仍要接单").click()
    expect(page).to_have_url(re.compile(r"#/s/accept/\d+/\d+\?outside=1$"))
    expect(page.locator(".notice.warn")).to_contain_text(f"其工种：{trade}")
    assert page.errors == []


def test_the_walk_ins_orders_are_one_tap_away_and_found_by_name(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=STAFF)
    _choose_station(page, live_server)
    job = page.request.get(f"{live_server}/api/jobs?limit=1").json()["items"][0]
    name = f"欧阳{random.randint(1000, 9999)}"
    walk_in = _walk_in(page, live_server, job["skills"][0], name=name)
    accepted = page.request.post(f"{live_server}/api/jobs/{job['id']}/accept", data=json.dumps({
        "worker_id": walk_in["id"], "consent": "staff_signature", "signature_png": signature_png()}),
        headers={"Content-Type": "application/json"})
    assert accepted.status == 201, accepted.text()
    _settled(page, f"{live_server}/#/s")
    search = page.locator("form", has_text="按姓名或身份证号查找")
    search.get_by_placeholder("姓名或身份证号").fill(name[:3])
    with page.expect_response(re.compile(r"/api/workers/lookup$")) as looked:
        search.get_by_role("button", name="搜索").click()
    assert looked.value.request.post_data_json == {"name": name[:3]}
    assert name[:3] not in looked.value.request.url
    search.get_by_role("link", name=re.compile(name)).click()
    expect(page).to_have_url(re.compile(rf"#/s/worker/{walk_in['id']}$"))
    page.get_by_role("link", name="订单和合同").click()
    expect(page).to_have_url(re.compile(rf"#/s/worker/{walk_in['id']}/orders$"))
    card = page.locator("ul.cards > li").first
    expect(card).to_contain_text(job["title"])
    expect(card.get_by_role("link", name=re.compile("查看合同"))).to_be_visible()
    assert page.errors == []
