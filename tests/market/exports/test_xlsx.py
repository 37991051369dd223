"""The exports as .xlsx workbooks, read back from the file's own XML (what a spreadsheet program parses): the same
rows as the CSV, typed cells (numbers, yuan with two decimals, times on the market's clocks), masking, and the log."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timedelta
from typing import Any
from xml.etree import ElementTree

from market.core.identity import mask_name
from market.exports.tables import ExportRecord
from tests.market.exports.test_exports import LISTS, read_csv

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
EXCEL_EPOCH = datetime(1899, 12, 30)


def _column(ref: str) -> int:
    letters = re.match(r"[A-Z]+", ref).group(0)  # type: ignore[union-attr]
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def read_xlsx(response: Any) -> tuple[list[str], list[list[Any]], dict[str, str]]:
    """The workbook's one sheet: its header row, its rows (numbers as floats, text as str), and each numeric
    cell's number format by the cell's header (so a test can see that money and times are typed)."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument")
    book = zipfile.ZipFile(io.BytesIO(response.content))
    shared = []
    if "xl/sharedStrings.xml" in book.namelist():
        shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
                  for si in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    styles = ElementTree.fromstring(book.read("xl/styles.xml"))
    formats = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(f"{{{NS['m']}}}numFmt")}
    cell_formats = [formats.get(int(xf.get("numFmtId", 0)), "General")
                    for xf in styles.find("m:cellXfs", NS).findall("m:xf", NS)]  # type: ignore[union-attr]
    sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    table: list[list[Any]] = []
    numeric_formats: dict[int, str] = {}
    for row in sheet.iter(f"{{{NS['m']}}}row"):
        values: list[Any] = []
        for cell in row.findall("m:c", NS):
            at = _column(cell.get("r", "A"))
            values += [None] * (at - len(values))
            kind = cell.get("t")
            if kind == "inlineStr":
                values.append("".join(t.text or "" for t in cell.iter(f"{{{NS['m']}}}t")))
            elif kind == "s":
                values.append(shared[int(cell.findtext("m:v", namespaces=NS) or 0)])
            else:
                values.append(float(cell.findtext("m:v", namespaces=NS) or "nan"))
                numeric_formats[at] = cell_formats[int(cell.get("s", 0))]
        table.append(values)
    header, rows = table[0], table[1:]
    assert int(response.headers["x-export-rows"]) == len(rows)
    return header, rows, {header[i]: f for i, f in numeric_formats.items()}


async def test_every_list_as_xlsx_holds_the_csvs_rows_typed(client, city):
    headers = city["supervisor"]["headers"]
    for name in LISTS:
        csv_rows = read_csv(await client.get(f"/api/exports/{name}", headers=headers))
        header, rows, formats = read_xlsx(await client.get(f"/api/exports/{name.replace('.csv', '.xlsx')}",
                                                           headers=headers))
        assert header == list(csv_rows[0]), name
        assert len(rows) == len(csv_rows), name
        for sheet_row, csv_row in zip(rows, csv_rows, strict=True):
            for title, value in zip(header, sheet_row, strict=False):
                expected = csv_row[title]
                if isinstance(value, float) and formats.get(title) == "yyyy-mm-dd hh:mm":
                    shown = EXCEL_EPOCH + timedelta(days=value)
                    assert f"{shown:%Y-%m-%d %H:%M}" == expected, (name, title)
                elif isinstance(value, float):
                    assert value == float(expected), (name, title)
                else:
                    assert (value or "") == expected.removeprefix("'"), (name, title)


async def test_money_is_a_number_in_yuan_and_personal_data_stays_masked(client, city):
    _, rows, formats = read_xlsx(await client.get("/api/exports/orders.xlsx", headers=city["supervisor"]["headers"]))
    header, _, _ = read_xlsx(await client.get("/api/exports/orders.xlsx", headers=city["supervisor"]["headers"]))
    pay = header.index("约定工钱（元）")
    assert formats["约定工钱（元）"] == "0.00"
    assert sorted(row[pay] for row in rows) == sorted(o["order"]["agreed_pay_fen"] / 100 for o in city["orders"])
    names = header.index("求职者姓名")
    assert sorted(row[names] for row in rows) == sorted(mask_name(n) for n in ("王小明", "赵大力"))
    title = header.index("岗位名称")
    assert {row[title] for row in rows} == {"=HYPERLINK(\"x\")搬家"}, "kept as text: a string cell is no formula"


async def test_an_xlsx_export_is_on_the_log_under_its_own_name(client, city):
    answer = await client.get("/api/exports/cases.xlsx", headers=city["admin"]["headers"])
    assert answer.status_code == 200
    assert 'filename="cases-' in answer.headers["content-disposition"]
    assert answer.headers["content-disposition"].endswith('.xlsx"')
    log = await ExportRecord.select(ExportRecord.name, ExportRecord.row_count)
    assert log == [{"name": "cases.xlsx", "row_count": 1}]
    listed = (await client.get("/api/exports", headers=city["admin"]["headers"])).json()["items"]
    assert {offer["xlsx"] for offer in listed} >= {name.replace(".csv", ".xlsx") for name in LISTS}
