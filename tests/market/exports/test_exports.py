"""The bureau's CSV exports, read back as a spreadsheet would: every value checked against the data, personal
data masked for each reader as docs/exports.md says, filters, refusals, and every export on the log."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from market.cases.tables import Claimant
from market.core import clock
from market.core.identity import mask_mobile, mask_name
from market.exports.tables import ExportRecord
from tests.market.exports.conftest import ID_NUMBER

LISTS = ("orders.csv", "jobs.csv", "contracts.csv", "warnings.csv", "cases.csv")


def read_csv(response: Any) -> list[dict[str, str]]:
    """The download as Excel would open it: UTF-8 with its byte-order mark, one header row."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf"), "starts with the UTF-8 BOM"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert int(response.headers["x-export-rows"]) == len(rows)
    return rows


async def test_orders_read_back_with_the_data_and_personal_data_masked(client, city):
    rows = read_csv(await client.get("/api/exports/orders.csv", headers=city["supervisor"]["headers"]))
    assert len(rows) == 2
    by_id = {int(row["订单编号"]): row for row in rows}
    for answer, worker, name in zip(city["orders"], city["workers"], ("王小明", "赵大力"), strict=True):
        order, row = answer["order"], by_id[answer["order"]["id"]]
        assert int(row["岗位编号"]) == city["job"]["id"]
        assert row["用工方"] == "鹭岛搬家有限公司"
        assert row["求职者姓名"] == mask_name(name) != name
        assert row["求职者手机号"] == mask_mobile(worker["phone"]) != worker["phone"]
        assert row["状态"] == "已接单"
        assert row["约定工钱（元）"] == f"{order['agreed_pay_fen'] // 100}.{order['agreed_pay_fen'] % 100:02d}"
        assert row["开始时间"] == "2026-12-08 09:00"  # the market's clocks (Beijing time), as agreed
        assert row["合同状态"] == "已签署"
    first = by_id[city["orders"][0]["order"]["id"]]
    assert first["求职者身份证号"] == ID_NUMBER[:4] + "*" * 10 + ID_NUMBER[-4:]
    assert ID_NUMBER not in (await client.get("/api/exports/orders.csv", headers=city["admin"]["headers"])).text
    assert first["岗位名称"] == "'=HYPERLINK(\"x\")搬家", "a title that looks like a formula stays text"


async def test_an_admin_sees_names_but_no_phone_and_no_id_number(client, city):
    rows = read_csv(await client.get("/api/exports/orders.csv?lang=en", headers=city["admin"]["headers"]))
    names = {row["Worker name"] for row in rows}
    assert names == {"王小明", "赵大力"}
    assert {row["Worker phone"] for row in rows} == {mask_mobile(w["phone"]) for w in city["workers"]}
    assert {row["Status"] for row in rows} == {"accepted"}


async def test_every_list_reads_back_in_both_languages(client, city):
    for name in LISTS:
        zh = read_csv(await client.get(f"/api/exports/{name}", headers=city["supervisor"]["headers"]))
        en = read_csv(await client.get(f"/api/exports/{name}", headers={
            **city["supervisor"]["headers"], "Accept-Language": "en"}))
        assert len(zh) == len(en) >= 1, name
        assert list(zh[0]) != list(en[0]), "the header row is in the reader's language"
    jobs = read_csv(await client.get("/api/exports/jobs.csv", headers=city["supervisor"]["headers"]))
    assert [(int(r["岗位编号"]), r["招聘人数"], r["已招人数"], r["计薪方式"]) for r in jobs] == [
        (city["job"]["id"], "2", "2", "按天")]
    contracts = read_csv(await client.get("/api/exports/contracts.csv", headers=city["supervisor"]["headers"]))
    assert sorted(r["合同编号"] for r in contracts) == sorted(o["contract"]["number"] for o in city["orders"])
    assert {r["文件指纹（SHA-256）"] for r in contracts} == {o["contract"]["sha256"] for o in city["orders"]}
    warnings = read_csv(await client.get("/api/exports/warnings.csv", headers=city["supervisor"]["headers"]))
    assert [(r["预警级别"], r["用工方"], r["涉及人数"]) for r in warnings] == [("红色", "鹭岛搬家有限公司", "2")]
    cases = read_csv(await client.get("/api/exports/cases.csv", headers=city["supervisor"]["headers"]))
    claims = await Claimant.select(Claimant.amount_fen).where(Claimant.case == city["case"]["id"])
    assert len(claims) == 2, "the red warning put 赵大力's order in 王小明's case"
    claimed = sum(c["amount_fen"] for c in claims)
    assert [(int(r["案件编号"]), r["投诉人数"], r["投诉金额（元）"], r["办理状态"]) for r in cases] == [
        (city["case"]["id"], "2", f"{claimed // 100}.{claimed % 100:02d}", "已受理")]


async def test_filters_narrow_by_day_and_station(client, city):
    headers = city["supervisor"]["headers"]
    same_day = read_csv(await client.get("/api/exports/orders.csv?from=2026-12-07&to=2026-12-07", headers=headers))
    assert len(same_day) == 2, "accepted on Monday the 7th, Beijing time"
    assert read_csv(await client.get("/api/exports/orders.csv?from=2026-12-08", headers=headers)) == []
    station_id = city["staff"]["station_id"]
    assert len(read_csv(await client.get(f"/api/exports/warnings.csv?station_id={station_id}", headers=headers))) == 1
    assert read_csv(await client.get(f"/api/exports/cases.csv?station_id={station_id + 1}", headers=headers)) == []


async def test_bad_filters_name_the_field_in_words(client, city):
    headers = city["supervisor"]["headers"]
    answer = await client.get("/api/exports/orders.csv?from=2026-12-08&to=2026-12-07", headers=headers)
    assert answer.status_code == 400
    assert answer.json()["fields"] == [{"field": "to", "code": "exports_to_before_from",
                                        "message": "截止日期不能早于开始日期"}]
    answer = await client.get("/api/exports/orders.csv?station_id=1", headers={**headers, "Accept-Language": "en"})
    assert answer.status_code == 400
    assert answer.json()["fields"][0]["message"] == "Station id is not a filter this export takes"
    answer = await client.get("/api/exports/orders.csv?from=yesterday", headers=headers)
    assert answer.status_code == 400
    assert answer.json()["fields"][0]["field"] == "from"
    assert (await client.get("/api/exports/orders.pdf", headers=headers)).json()["code"] == "export_not_found"
    assert await ExportRecord.count() == 0, "a refused export is not on the log"


async def test_every_export_is_on_the_append_only_log(client, city):
    clock.unfreeze()
    await client.get("/api/exports/orders.csv?from=2026-12-07", headers=city["supervisor"]["headers"])
    await client.get("/api/exports/cases.csv", headers=city["admin"]["headers"])
    log = await ExportRecord.select().order_by(ExportRecord.id)
    assert [(r["reader"], r["role"], r["name"], r["row_count"], r["unmasked"]) for r in log] == [
        (city["supervisor"]["id"], "supervisor", "orders.csv", 2, ""),
        (city["admin"]["id"], "admin", "cases.csv", 1, "name")]
    filters = log[0]["filters"]  # a JSON column: text on SQLite, however the installed encoder spaces it
    assert (json.loads(filters) if isinstance(filters, str) else filters) == {"from": "2026-12-07"}
    read = (await client.get("/api/exports/log", headers=city["supervisor"]["headers"])).json()
    assert read["total"] == 2
    assert [(r["reader_name"], r["role"], r["name"], r["filters"], r["row_count"], r["unmasked"])
            for r in read["items"]] == [("管理员", "admin", "cases.csv", {}, 1, ["name"]),
                                        ("人社局", "supervisor", "orders.csv", {"from": "2026-12-07"}, 2, [])]
    with pytest.raises(Exception, match="append-only"):
        await ExportRecord.update({ExportRecord.row_count: 0}).where(ExportRecord.id == log[0]["id"])
    with pytest.raises(Exception, match="append-only"):
        await ExportRecord.delete().where(ExportRecord.id == log[0]["id"])


@pytest.mark.parametrize("role", ["worker", "employer", "staff"])
async def test_only_the_bureau_and_admins_take_exports(client, market, role):
    person = await market.user(role)
    for url in ("/api/exports", "/api/exports/orders.csv"):
        answer = await client.get(url, headers=person["headers"])
        assert (answer.status_code, answer.json()["code"]) == (403, "role_required")
    assert (await client.get("/api/exports/orders.csv")).status_code == 401
    assert await ExportRecord.count() == 0


async def test_the_offer_lists_each_export_with_its_filters(client, market):
    supervisor = await market.user("supervisor")
    answer = await client.get("/api/exports?lang=en", headers=supervisor["headers"])
    offers = {item["name"]: item for item in answer.json()["items"]}
    assert set(offers) >= set(LISTS)
    assert offers["cases.csv"]["filters"] == ["district", "from", "station_id", "to"]
    assert offers["orders.csv"]["filters"] == ["from", "to"]
    assert offers["orders.csv"]["title"] == "Orders"
