"""The bureau's exports screen in the browser, at phone size: from its home to a download, and the file read back."""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import open_page

pytestmark = pytest.mark.browser

SUPERVISOR = "13800000004"
SHOTS = Path(os.environ.get("LINGGONG_SCREENSHOTS", "/tmp"))


def test_the_bureau_downloads_the_orders_from_its_home_at_phone_size(browser: Any, live_server: str,
                                                                     tmp_path: Path) -> None:
    page = open_page(browser, live_server, phone=SUPERVISOR, size=(360, 740))
    expect(page).to_have_url(re.compile(r"#/sv$"))
    page.get_by_role("link", name="数据导出（CSV、Excel）").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("数据导出")
    download_link = page.get_by_role("link", name="下载 orders.csv")
    box = download_link.bounding_box()
    assert box is not None
    assert min(box["height"], box["width"]) >= 44, "a thumb can hit it"
    page.get_by_label("开始日期").fill("2030-01-02")
    page.get_by_label("截止日期").fill("2030-01-01")
    expect(page.get_by_role("alert")).to_have_text("截止日期不能早于开始日期")
    page.get_by_label("截止日期").fill("")
    page.get_by_label("开始日期").fill("")
    expect(page.get_by_role("alert")).to_be_hidden()
    page.screenshot(path=str(SHOTS / "exports-360.png"), full_page=True)
    with page.expect_download() as waiting:
        download_link.click()
    saved = tmp_path / "orders.csv"
    waiting.value.save_as(saved)
    body = saved.read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    orders = page.request.get(f"{live_server}/api/exports/orders.csv")
    assert len(rows) == int(orders.headers["x-export-rows"]) > 0
    assert all(re.fullmatch(r"1\d\d\*{4}\d{4}", row["求职者手机号"]) for row in rows), "phones masked"
    assert all(row["求职者姓名"][1:] == "*" * (len(row["求职者姓名"]) - 1) for row in rows), "names masked"
    with page.expect_download() as waiting:
        page.get_by_role("link", name="下载 orders.xlsx").click()
    workbook = tmp_path / "orders.xlsx"
    waiting.value.save_as(workbook)
    with zipfile.ZipFile(workbook) as book:
        assert "xl/worksheets/sheet1.xml" in book.namelist(), "a workbook a spreadsheet opens"
    page.reload()
    expect(page.locator("#ex-log li").first).to_contain_text("王建华（人社督导）导出 orders.xlsx")
    page.screenshot(path=str(SHOTS / "exports-log-360.png"), full_page=True)
    assert page.errors == []
