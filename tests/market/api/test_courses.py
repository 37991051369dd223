"""Training courses over HTTP: staff list for their own station, admins for any (and the admin log keeps theirs),
everyone signed in reads them (a worker nearest first), field errors in words, withdrawing."""

from __future__ import annotations

from datetime import timedelta

from market.courses.weeks import market_today
from tests.market.api.course_helpers import course_body, listed
from tests.market.api.ranking_helpers import place, skill, worker_with


async def test_staff_list_a_course_for_their_station_and_everyone_signed_in_reads_it(client, market):
    staff = await market.station_staff()
    course = await listed(client, staff)
    assert course["station_id"] == staff["station_id"]
    assert (course["trade"], course["trade_zh"], course["trade_en"]) == ("electrician", "电工", "electrician")
    assert course["editable"] is True
    for role in ("worker", "employer", "supervisor"):
        reader = await market.user(role)
        response = await client.get(f"/api/courses/{course['id']}", headers=reader["headers"])
        assert response.status_code == 200, response.text
        assert response.json()["editable"] is False
    anonymous = await client.get("/api/courses")
    assert anonymous.status_code == 401


async def test_staff_of_another_station_can_neither_list_for_it_nor_edit_its_course(client, market):
    staff = await market.station_staff()
    other = await market.station_staff()
    course = await listed(client, staff)
    edit = await client.patch(f"/api/courses/{course['id']}", json={"seats": 5}, headers=other["headers"])
    assert (edit.status_code, edit.json()["code"]) == (403, "course_other_station")
    there = await client.post("/api/courses", json=course_body(station_id=staff["station_id"]),
                              headers=other["headers"])
    assert (there.status_code, there.json()["code"]) == (403, "course_other_station")
    mine = await client.patch(f"/api/courses/{course['id']}", json={"seats": 5}, headers=staff["headers"])
    assert mine.status_code == 200
    assert mine.json()["seats"] == 5
    no_station = await market.user("staff")
    refused = await client.post("/api/courses", json=course_body(), headers=no_station["headers"])
    assert (refused.status_code, refused.json()["code"]) == (403, "course_no_station")


async def test_workers_and_employers_may_not_list_or_edit_courses(client, market):
    staff = await market.station_staff()
    course = await listed(client, staff)
    for role in ("worker", "employer", "supervisor"):
        who = await market.user(role)
        made = await client.post("/api/courses", json=course_body(), headers=who["headers"])
        assert (made.status_code, made.json()["code"]) == (403, "role_required")
        edit = await client.patch(f"/api/courses/{course['id']}", json={"seats": 5}, headers=who["headers"])
        assert (edit.status_code, edit.json()["code"]) == (403, "role_required")


async def test_an_admin_lists_for_any_station_or_none_and_the_admin_log_keeps_it(client, market):
    admin = await market.user("admin")
    staff = await market.station_staff()
    there = await listed(client, admin, station_id=staff["station_id"])
    citywide = await listed(client, admin, name="叉车司机上岗证培训", trade="forklift")
    assert there["station_id"] == staff["station_id"]
    assert citywide["station_id"] is None
    changed = await client.patch(f"/api/courses/{there['id']}", json={"subsidy_fen": 90000, "seats": 12},
                                 headers=admin["headers"])
    assert changed.status_code == 200, changed.text
    by_staff = await client.patch(f"/api/courses/{there['id']}", json={"seats": 11}, headers=staff["headers"])
    assert by_staff.status_code == 200, "the station's staff edit a course the admin listed for it"
    log = (await client.get("/api/admin/log", headers=admin["headers"])).json()["items"]
    acts = [(e["kind"], e["subject_id"]) for e in log]
    assert acts[:3] == [("course_changed", there["id"]), ("course_created", citywide["id"]),
                        ("course_created", there["id"])], "staff acts are not admin acts"
    assert log[0]["details"]["fields"] == ["seats", "subsidy_fen"]
    unknown = await client.post("/api/courses", json=course_body(station_id=999_999), headers=admin["headers"])
    assert unknown.json()["fields"][0]["field"] == "station_id"


async def test_bad_fields_are_named_in_words_in_both_languages(client, market):
    staff = await market.station_staff()
    yesterday = market_today() - timedelta(days=1)
    body = course_body(trade="会计师", starts_on=yesterday.isoformat(),
                       ends_on=(yesterday - timedelta(days=2)).isoformat())
    zh = await client.post("/api/courses", json=body, headers=staff["headers"])
    assert zh.status_code == 400
    fields = {f["field"]: f["message"] for f in zh.json()["fields"]}
    assert fields == {"trade": "工种不是工种目录里的工种", "starts_on": "开课日期不能早于今天",
                      "ends_on": "结课日期不能早于开课日期"}, "every bad field at once"
    dates = await client.post("/api/courses", json=course_body(starts_on=yesterday.isoformat(),
                                                               ends_on=(yesterday - timedelta(days=2)).isoformat()),
                              headers={**staff["headers"], "Accept-Language": "en"})
    fields = {f["field"]: f["message"] for f in dates.json()["fields"]}
    assert fields == {"starts_on": "Start date must not be before today",
                      "ends_on": "End date must not be before the start date"}
    seats = await client.post("/api/courses", json=course_body(seats=0), headers={**staff["headers"],
                                                                                  "Accept-Language": "en"})
    assert seats.status_code == 400
    assert seats.json()["fields"][0]["field"] == "seats"
    assert "Seats" in seats.json()["fields"][0]["message"]
    course = await listed(client, staff)
    backwards = await client.patch(f"/api/courses/{course['id']}", json={"ends_on": yesterday.isoformat()},
                                   headers=staff["headers"])
    assert backwards.json()["fields"][0]["field"] == "ends_on"
    empty = await client.patch(f"/api/courses/{course['id']}", json={}, headers=staff["headers"])
    assert empty.status_code == 400
    assert empty.json()["fields"][0]["field"] == "body"
    missing = await client.get("/api/courses/999999", headers=staff["headers"])
    assert (missing.status_code, missing.json()["code"]) == (404, "course_not_found")


async def test_a_worker_reads_courses_nearest_first_and_a_withdrawn_one_leaves_the_list(client, market):
    staff = await market.station_staff()
    far = await listed(client, staff, name="远处的培训", location={**place(8), "address": "漳州市芗城区远处路8号"})
    near = await listed(client, staff, name="近处的培训", location={**place(1), "address": "漳州市芗城区近处路1号"})
    other_trade = await listed(client, staff, trade="cook", name="厨师培训")
    worker = await worker_with(client, market, "林师傅", [skill("水电工")], km_north=0)
    items = (await client.get("/api/courses", params={"trade": "电工"}, headers=worker["headers"])).json()["items"]
    assert [c["id"] for c in items] == [near["id"], far["id"]]
    assert items[0]["distance_km"] == 1.0
    withdrawn = await client.patch(f"/api/courses/{near['id']}", json={"cancelled": True}, headers=staff["headers"])
    assert withdrawn.json()["cancelled"] is True
    listed_now = (await client.get("/api/courses", headers=worker["headers"])).json()
    assert {c["id"] for c in listed_now["items"]} == {far["id"], other_trade["id"]}
    everything = (await client.get("/api/courses", params={"upcoming": "false"}, headers=worker["headers"])).json()
    assert everything["total"] == 3
    by_station = (await client.get("/api/courses", params={"station_id": staff["station_id"]},
                                   headers=staff["headers"])).json()
    assert by_station["total"] == 2
    assert all(c["editable"] for c in by_station["items"])
