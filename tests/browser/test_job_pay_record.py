"""The employer's pay record on the worker's job screen at 360x740 (issue 13): a job of an employer with a record
says how many deals and the share paid on time; a new employer's says so instead of figures; both languages."""

from __future__ import annotations

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
    const kind = job.employer_record && job.employer_record.new ? 'new' : 'known';
    if (job.employer_record && !found[kind]) found[kind] = job.id;
  }
  return found;
}"""
WORDS = {
    "zh-CN": {"label": "付款记录", "known": re.compile(r"近12个月成交\d+单，(\d+%按时付款|付款期限都还没到)"),
              "new": "新用工方，记录尚少"},
    "en": {"label": "Pay record", "known": re.compile(r"\d+ deals in the last 12 months, "),
           "new": "New employer: too few deals"},
}


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_job_screen_says_how_the_employer_pays(browser: Any, live_server: str, lang: str) -> None:
    w = WORDS[lang]
    page = open_page(browser, live_server, phone=WORKER, lang=lang)
    found = page.evaluate(FIND)
    assert "known" in found, "the demo city has an employer with a record and an open job near the demo worker"
    for kind in ("known", "new"):
        if kind not in found:
            continue
        page.goto(f"{live_server}/#/job/{found[kind]}")
        terms = page.locator("dl.terms")
        expect(terms.locator("dt", has_text=w["label"])).to_be_visible()
        expect(terms.locator(".pay-record")).to_contain_text(w[kind])
        terms.screenshot(path=str(SHOTS / f"job-pay-record-{kind}-{lang}.png"))
    assert page.errors == []
