"""The map to drop a pin on (360×740, zh-CN and en): offered only where a tile source is configured, its tiles
fetched from that source alone, a tap placing the position where the person tapped (Web Mercator, worked out here
independently), and a job posted at that pin. The GCJ-02 conversion the front end uses for Chinese tiles agrees
with the server's. Screenshots land in LINGGONG_SCREENSHOTS (a temporary dir when unset)."""

from __future__ import annotations

import math
import os
import re
import struct
import tempfile
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from market.core.geo import wgs84_to_gcj02

from .conftest import EMPLOYER, _serve, open_page

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("LINGGONG_SCREENSHOTS") or tempfile.mkdtemp(prefix="linggong-shots-"))
ZOOM = 16
WORDS = {"zh-CN": {"open": "在地图上选点", "map": "地图：点一下放置位置", "from_map": "位置来自地图上的点",
                   "zoom_in": "放大地图", "title": "标题", "trade": "工种名称", "add": "添加工种",
                   "amount": "工钱（元）"},
         "en": {"open": "Pick on the map", "map": "Map: tap to place the position", "from_map": "from the pin",
                "zoom_in": "Zoom in", "title": "Title", "trade": "Trade", "add": "Add a trade", "amount": "Pay (¥)"}}


def _png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A one-colour PNG: what a tile server sends, without an imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


class _Tiles(BaseHTTPRequestHandler):
    asked: list[str] = []
    body = _png((214, 226, 208))

    def do_GET(self) -> None:
        type(self).asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *_: Any) -> None:
        return


@pytest.fixture(scope="module")
def tile_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def mapped_server(tile_server: str) -> Iterator[str]:
    """A small market whose address pickers have a tile source (the test's own tile server)."""
    with _serve(5, 3, "_mapped", map_tiles=f"{tile_server}/tiles/{{z}}/{{x}}/{{y}}.png",
                map_attribution="© Test tiles") as base:
        yield base


def _world(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    size = 256 * 2 ** zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * size, (1 - y / math.pi) / 2 * size


def _point(x: float, y: float, zoom: int) -> tuple[float, float]:
    size = 256 * 2 ** zoom
    lat = math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * y / size))) - math.pi / 2)
    return lat, x / size * 360 - 180


def _open_post_form(page: Any, base: str, w: dict[str, str]) -> dict[str, float]:
    """The employer's post form; answers the position the picker starts from (the employer's own)."""
    with page.expect_response(re.compile(r"/api/employers/me$")) as me:
        page.goto(f"{base}/#/e/post")
    start = me.value.json()["location"]
    page.get_by_label(w["title"]).fill("看店" if w is WORDS["zh-CN"] else "Minding the shop")
    page.get_by_label(w["trade"]).fill("搬运工")
    page.get_by_role("button", name=w["add"]).click()
    return start


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_tap_on_the_map_places_the_job_where_the_person_tapped(browser: Any, mapped_server: str, tile_server: str,
                                                                 lang: str) -> None:
    w = WORDS[lang]
    page = open_page(browser, mapped_server, phone=EMPLOYER, lang=lang)
    start = _open_post_form(page, mapped_server, w)
    _Tiles.asked.clear()
    page.get_by_role("button", name=w["open"]).click()
    expect(page.locator(".placepicker button[aria-expanded]")).to_have_attribute("aria-expanded", "true")
    frame = page.get_by_role("application", name=w["map"])
    expect(frame).to_be_visible()
    expect(frame.locator(".credit")).to_have_text("© Test tiles")
    # The tiles around the employer's place at street level, and nothing else, from the configured source.
    x0, y0 = _world(start["lat"], start["lon"], ZOOM)
    page.wait_for_function("() => document.querySelectorAll('.pinmap .tiles img').length >= 2")
    page.wait_for_function("() => [...document.querySelectorAll('.pinmap .tiles img')].every((i) => i.complete)")
    asked = {tuple(map(int, re.findall(r"\d+", path))) for path in _Tiles.asked}
    assert (ZOOM, int(x0 // 256), int(y0 // 256)) in asked
    assert all(z == ZOOM and abs(x - x0 // 256) <= 2 and abs(y - y0 // 256) <= 2 for z, x, y in asked), asked
    # A tap 60 px right of and 40 px above the centre puts the pin there.
    box = frame.bounding_box()
    assert box is not None
    assert box["width"] >= 250
    page.mouse.click(box["x"] + box["width"] / 2 + 60, box["y"] + box["height"] / 2 - 40)
    lat, lon = _point(x0 + 60, y0 - 40, ZOOM)
    position = page.locator(".placepicker .position")
    expect(position).to_contain_text(w["from_map"])
    expect(position).to_contain_text(f"{lat:.4f}, {lon:.4f}")
    expect(frame.locator(".pin")).to_be_visible()
    frame.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"pin-map-{lang}.png"))
    page.get_by_label(w["amount"]).fill("200")
    with page.expect_response(re.compile(r"/api/jobs$")) as posted:
        page.locator("form button[type=submit]").click()
    assert posted.value.status == 201, posted.value.text()
    job = posted.value.json()
    # Within a pixel at street level (about 2 m): the mouse lands on fractions of a pixel.
    assert (job["location"]["lat"], job["location"]["lon"]) == pytest.approx((lat, lon), abs=2e-5)
    assert page.errors == []
    page.context.close()


def test_the_keyboard_drops_the_pin_at_the_centre_and_zooms(browser: Any, mapped_server: str) -> None:
    w = WORDS["zh-CN"]
    page = open_page(browser, mapped_server, phone=EMPLOYER)
    start = _open_post_form(page, mapped_server, w)
    page.get_by_role("button", name=w["open"]).click()
    frame = page.get_by_role("application", name=w["map"])
    page.get_by_role("button", name=w["zoom_in"]).click()
    frame.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    lat, lon = _point(*(c * 2 + d for c, d in zip(_world(start["lat"], start["lon"], ZOOM), (80, 0), strict=True)),
                      ZOOM + 1)
    expect(page.locator(".placepicker .position")).to_contain_text(f"{lat:.4f}, {lon:.4f}")
    page.context.close()


def test_without_a_tile_source_no_map_is_offered(browser: Any, live_server: str) -> None:
    page = open_page(browser, live_server, phone=EMPLOYER)
    _open_post_form(page, live_server, WORDS["zh-CN"])
    expect(page.get_by_role("button", name="用手机定位")).to_be_visible()
    expect(page.get_by_role("button", name=WORDS["zh-CN"]["open"])).to_have_count(0)
    expect(page.locator(".pinmap")).to_have_count(0)
    page.context.close()


def test_the_front_ends_gcj02_agrees_with_the_servers(browser: Any, mapped_server: str) -> None:
    page = open_page(browser, mapped_server, phone=None)
    points = [(24.5116, 117.6443), (39.915, 116.404), (22.5431, 114.0579), (48.8566, 2.3522)]
    answers = page.evaluate("""async (points) => {
        const { toGcj02, fromGcj02 } = await import('/js/datum.js');
        return points.map(([lat, lon]) => {
            const there = toGcj02({ lat, lon });
            const back = fromGcj02(there);
            return [there.lat, there.lon, back.lat, back.lon];
        });
    }""", points)
    for (lat, lon), (g_lat, g_lon, b_lat, b_lon) in zip(points, answers, strict=True):
        assert (g_lat, g_lon) == pytest.approx(wgs84_to_gcj02(lat, lon), abs=1e-9)
        assert (b_lat, b_lon) == pytest.approx((lat, lon), abs=1e-7)
    page.context.close()
