"""The employer's pay record on the worker's job screen at 360x740 (issue 13): a new employer's job says so instead
of figures (the demo's open jobs are all of employers with few deals); a record, played into the real job's answer
(the figures themselves: tests/market/reputation/test_pay_record.py), says the deals and the share paid on time."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WORKER, open_page

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("LINGGONG_SHOTS", "/tmp/linggong-shots"))
FIND = """async () => {
  const page = await (await fetch('/api/jobs?limit=100')).json();
  const found = {};
  for (const item of page.items) {
    const job = await (await fetch(`/api/jobs/${item.id}`)).json();
    if (job.employer_record && job.employer_record.new) { found.new = job.id; break; }
  }
  return found;
}"""
WORDS = {
    "zh-CN": {"label": "付款记录", "known": "近12个月成交8单，88%按时付款，1单逾期未付", "new": "新用工方，记录尚少"},
    "en": {"label": "Pay record", "known": "8 deals in the last 12 months, 88% paid on time, 1 overdue and unpaid",
           "new": "New employer: too few deals"},
}


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_job_screen_says_how_the_employer_pays(browser: Any, live_server: str, lang: str) -> None:
    w = WORDS[lang]
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    found = page.evaluate(FIND)
    assert "new" in found, "the demo city has open jobs of new employers"
    record = {"window_months": 12, "min_deals": 5, "new": False, "deals": 8, "paid_on_time_percent": 88,
              "paid_late": 0, "unpaid_overdue": 1}

    def with_record(route: Any) -> None:
        answer = route.fetch()
        route.fulfill(response=answer, body=json.dumps({**answer.json(), "employer_record": record}))

    for kind in ("new", "known"):
        if kind == "known":  # a fresh context (no cached answer), the record played into the real job's answer
            page = open_page(browser, live_server, phone=WORKER, lang=lang)
            page.route(re.compile(rf"/api/jobs/{found['new']}(\?.*)?$"), with_record)
        page.goto(f"{live_server}/#/job/{found['new']}")
        terms = page.locator("dl.terms")
        expect(terms.locator("dt", has_text=w["label"])).to_be_visible()
        expect(terms.locator(".pay-record")).to_contain_text(w[kind])
        terms.screenshot(path=str(SHOTS / f"job-pay-record-{kind}-{lang}.png"))
    assert page.errors == []
