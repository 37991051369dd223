"""Serving as a phone sees it: the API docs work with no internet, and a returning visit downloads almost nothing."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import WORKER, open_page

pytestmark = pytest.mark.browser

# Bytes a resource cost on the wire (0 when it came from the HTTP cache), from the Resource Timing API.
TRANSFERS = """() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
  .map((e) => [new URL(e.name).pathname, e.transferSize, e.encodedBodySize])"""


def test_api_docs_render_with_no_internet(browser: Any, live_server: str) -> None:
    context = browser.new_context()
    outside: list[str] = []

    def only_this_server(route: Any) -> None:
        if urlsplit(route.request.url).netloc == urlsplit(live_server).netloc:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_server)
    page = context.new_page()
    page.goto(f"{live_server}/api/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=15_000)
    expect(page.locator(".swagger-ui .title")).to_contain_text("Linggong")
    assert outside == []
    context.close()


def test_a_returning_phone_downloads_almost_nothing(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=WORKER)
    expect(page.locator("ul.cards > li.job").first).to_be_visible()
    first = page.evaluate(TRANSFERS)
    assert any(path.startswith("/js/") and size > 0 for path, size, _ in first)

    again = page.context.new_page()  # the same phone (same HTTP cache) opening the app again
    again.goto(f"{live_server}/#/radar")
    expect(again.locator("ul.cards > li.job").first).to_be_visible()
    second = again.evaluate(TRANSFERS)
    assets = [(path, size) for path, size, _ in second if path.startswith("/js/") or path.endswith(".css")]
    assert assets, second
    assert all(size == 0 for _, size in assets), assets  # modules and styles straight from the cache
    shell = [(size, body) for path, size, body in second if path == "/"]
    assert shell, second
    assert shell[0][0] < shell[0][1], second  # the shell revalidated: a 304, headers only
    print(f"first visit {sum(s for _, s, _ in first)} B, returning {sum(s for _, s, _ in second)} B on the wire")
    page.context.close()
