"""Moving between screens: a screen still loading when the user moves on never draws over the next one."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import STAFF, open_page

pytestmark = pytest.mark.browser

STATIONS = "**/api/stations*"


def test_a_slow_screen_left_behind_does_not_draw_over_the_one_the_user_moved_to(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=STAFF)
    held: list[Any] = []
    # the station console draws once its list of stations has answered: hold that answer back
    page.route(STATIONS, lambda route: held.append(route))
    page.goto(f"{live_server}/#/inbox")
    expect(page.get_by_role("heading", name="消息", level=1)).to_be_visible()
    page.evaluate("location.hash = '#/s'")
    for _ in range(100):  # the route handler runs while Playwright waits
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the console never asked for its stations"
    page.evaluate("location.hash = '#/s/intake'")  # the clerk moves on before the console has drawn
    intake = page.get_by_role("heading", name="登记投诉", level=1)
    expect(intake).to_be_visible()
    page.unroute(STATIONS)
    for route in held:
        with contextlib.suppress(Exception):  # the page dropped the request when it moved on: that is the point
            route.continue_()
    page.wait_for_timeout(1000)
    expect(intake).to_be_visible()
    expect(page.get_by_role("heading", name="驿站工作台")).to_have_count(0)
    assert page.url.endswith("#/s/intake")
    assert page.errors == []
    page.context.close()
