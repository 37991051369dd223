"""Staff find a worker by phone with the phone in the body, never in a URL; each search is recorded, masked; and no
log line, ours or uvicorn's, carries a phone number, an ID number or a token."""

from __future__ import annotations

import logging
import sys

from market.core.identity import mask_mobile
from market.core.log_masking import MaskPersonalData, mask_text
from market.stations.tables import Station, StationStaff
from market.workers.tables import WorkerSearch


async def staff_at_a_station(market):
    staff = await market.user("staff")
    rows = await Station.insert(Station(name="芗城驿站", address="胜利西路1号", lat=24.5, lon=117.6)).returning(
        Station.id)
    await StationStaff(station=rows[0]["id"], user=staff["id"]).save()
    return staff, rows[0]["id"]


async def test_staff_find_a_worker_by_the_phone_in_the_body(client, market):
    staff, _ = await staff_at_a_station(market)
    worker = await market.user("worker", name="林建国")
    response = await client.post("/api/workers/search", json={"phone": worker["phone"]}, headers=staff["headers"])
    assert response.status_code == 200, response.text
    profile = response.json()
    assert (profile["id"], profile["phone"], profile["name"]) == (worker["id"], worker["phone"], "林建国")
    assert profile == (await client.get(f"/api/workers/{worker['id']}", headers=staff["headers"])).json()


async def test_each_search_is_recorded_with_the_phone_masked(client, market):
    staff, station = await staff_at_a_station(market)
    worker = await market.user("worker")
    unknown = market.next_phone()
    await client.post("/api/workers/search", json={"phone": worker["phone"]}, headers=staff["headers"])
    missing = await client.post("/api/workers/search", json={"phone": unknown}, headers=staff["headers"])
    assert missing.status_code == 404
    assert missing.json()["code"] == "user_not_found"
    rows = await WorkerSearch.select(WorkerSearch.staff, WorkerSearch.station, WorkerSearch.phone_masked,
                                     WorkerSearch.found, WorkerSearch.searched_at).order_by(WorkerSearch.id)
    assert [(r["staff"], r["station"], r["phone_masked"], r["found"]) for r in rows] == [
        (staff["id"], station, mask_mobile(worker["phone"]), worker["id"]),
        (staff["id"], station, mask_mobile(unknown), None)]
    assert all(r["searched_at"] is not None for r in rows)


async def test_a_bad_phone_in_the_search_names_the_field(client, market):
    staff = await market.user("staff")
    response = await client.post("/api/workers/search", json={"phone": "12"}, headers={
        **staff["headers"], "Accept-Language": "en"})
    assert response.status_code == 400
    assert [(f["field"], f["code"]) for f in response.json()["fields"]] == [("phone", "phone_format")]
    assert await WorkerSearch.count() == 0


async def test_the_old_query_form_is_refused_with_a_pointer_to_the_search(client, market):
    staff, worker = await market.user("staff"), await market.user("worker")
    for language, words in (("zh-CN", "POST /api/workers/search"), ("en", "POST /api/workers/search")):
        response = await client.get("/api/workers", params={"phone": worker["phone"]},
                                    headers={**staff["headers"], "Accept-Language": language})
        assert response.status_code == 400
        assert response.json()["code"] == "worker_search_moved"
        assert words in response.json()["detail"]
        assert worker["phone"] not in response.text


async def test_a_staff_lookup_leaves_the_phone_in_no_log_line_and_no_url(client, market, caplog):
    staff, worker = await market.user("staff"), await market.user("worker")
    logging.getLogger().addHandler(caplog.handler)  # building the app reconfigured logging and dropped pytest's
    caplog.set_level(logging.DEBUG)
    response = await client.post("/api/workers/search", json={"phone": worker["phone"]}, headers=staff["headers"])
    assert response.status_code == 200
    assert worker["phone"] not in str(response.request.url)
    assert caplog.records, "the lookup was logged (by the HTTP client at least)"
    for record in caplog.records:
        assert worker["phone"] not in record.getMessage()


def test_masking_catches_phones_id_numbers_and_tokens_in_any_text():
    text = ("duplicate key: Key (phone)=(13800000001) already exists; id 350203198506011234; "
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXRleHQ; order 12345678901234 ok")
    masked = mask_text(text)
    for secret in ("13800000001", "350203198506011234", "eyJzdWIiOiIxIn0"):
        assert secret not in masked
    assert "138****0001" in masked
    assert "3502**********1234" in masked
    assert "order 12345678901234 ok" in masked, "ids and other numbers are left alone"


def test_uvicorns_access_line_keeps_its_shape_with_the_phone_masked():
    from uvicorn.logging import AccessFormatter

    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", "GET", "/api/deliveries/sms?phone=13900000001", "1.1", 200), None)
    assert MaskPersonalData().filter(record)
    line = AccessFormatter(fmt="%(client_addr)s %(request_line)s %(status_code)s", use_colors=False).format(record)
    assert line == '127.0.0.1:5000 GET /api/deliveries/sms?phone=139****0001 HTTP/1.1 200 OK'


def test_a_traceback_is_masked():
    try:
        raise ValueError("Key (phone)=(13900000001) already exists")
    except ValueError:
        record = logging.LogRecord("market", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    MaskPersonalData().filter(record)
    text = logging.Formatter().format(record)
    assert "139****0001" in text
    assert "13900000001" not in text


def test_the_app_masks_on_every_handler_of_its_own_and_uvicorns_loggers():
    from market.app import create_app

    access = logging.getLogger("uvicorn.access")
    handler = logging.NullHandler()  # as uvicorn's own log set-up leaves it before it builds the app
    access.addHandler(handler)
    try:
        create_app()
        for each in [handler, *logging.getLogger().handlers]:
            assert any(isinstance(f, MaskPersonalData) for f in each.filters)
    finally:
        access.removeHandler(handler)
