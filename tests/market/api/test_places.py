"""The city's place list: search as you type (anyone), the places near a point, loading it from a CSV, and the
check that a job's or profile's address and position agree."""

from __future__ import annotations

import pytest

from market.demo.city_gazetteer import demo_places, demo_places_csv
from market.places.importing import import_places, parse_places, save_places

CSV = """name,district,address,lat,lon,radius_m
金峰农贸市场,芗城区,漳州市芗城区金峰农贸市场,24.5150,117.6400,
碧湖生态园,龙文区,漳州市龙文区碧湖生态园,24.5035,117.7100,300
龙文区,龙文区,漳州市龙文区,24.5035,117.7100,3000
芗城区,芗城区,漳州市芗城区,24.5105,117.6530,3000
"""

# A point in 芗城区, about 6 km west of 龙文区's centre.
XIANGCHENG = {"lat": 24.5105, "lon": 117.6530}


async def test_search_finds_places_as_typed_without_a_login(client):
    await import_places(CSV)
    response = await client.get("/api/places", params={"q": "金峰"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [p["name"] for p in items] == ["金峰农贸市场"]
    assert items[0] | {"id": 0} == {"id": 0, "name": "金峰农贸市场", "district": "芗城区",
                                    "address": "漳州市芗城区金峰农贸市场", "lat": 24.515, "lon": 117.64,
                                    "distance_km": None}


async def test_search_is_normalised_full_width_spaces_and_case(client):
    await import_places("Wanda Plaza,龙文区,漳州市龙文区万达广场１号,24.50,117.70\n")
    for q in ("wanda plaza", "WANDA", "万达广场1号", " 万达 广场 "):
        items = (await client.get("/api/places", params={"q": q})).json()["items"]
        assert [p["name"] for p in items] == ["Wanda Plaza"], q


async def test_search_ranks_the_name_itself_first_and_is_bounded(client):
    await import_places(CSV)
    items = (await client.get("/api/places", params={"q": "龙文区"})).json()["items"]
    assert items[0]["name"] == "龙文区"
    assert {p["name"] for p in items} == {"龙文区", "碧湖生态园"}
    assert (await client.get("/api/places", params={"q": "区", "limit": 21})).status_code == 400
    assert (await client.get("/api/places", params={"q": "区" * 51})).status_code == 400


async def test_without_words_or_a_point_nothing_is_found(client):
    await import_places(CSV)
    for params in ({}, {"q": "  "}, {"lat": 24.5}):
        response = await client.get("/api/places", params=params)
        assert response.status_code == 200
        assert response.json()["items"] == []


async def test_places_near_a_point_come_nearest_first(client):
    await import_places(CSV)
    items = (await client.get("/api/places", params={"lat": 24.5150, "lon": 117.6401})).json()["items"]
    assert items[0]["name"] == "金峰农贸市场"
    assert items[0]["distance_km"] < 0.05
    assert [p["distance_km"] for p in items] == sorted(p["distance_km"] for p in items)


async def test_import_is_idempotent_and_updates_a_place_by_district_and_name():
    first = await import_places(CSV)
    assert (first.added, first.updated, first.unchanged, first.bad) == (4, 0, 0, [])
    again = await import_places(CSV)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    moved = await import_places("金峰农贸市场,芗城区,漳州市芗城区金峰路1号,24.52,117.64\n")
    assert (moved.added, moved.updated) == (0, 1)


def test_bad_lines_are_named_with_their_reason_and_the_good_ones_kept():
    rows, bad = parse_places(
        "name,district,address,lat,lon\n"
        "好市场,芗城区,漳州市芗城区好市场,24.5,117.6\n"
        "坏纬度,芗城区,漳州市芗城区,95,117.6\n"
        "不是数,芗城区,漳州市芗城区,abc,117.6\n"
        "少一列,芗城区,24.5,117.6\n"
        "我的位置,芗城区,我的位置,24.5,117.6\n"
        "好市场,芗城区,漳州市芗城区又一个,24.5,117.6\n")
    assert [r.name for r in rows] == ["好市场"]
    assert [line for line, _ in bad] == [3, 4, 5, 6, 7]
    reasons = dict(bad)
    assert "lat must be between -90 and 90" in reasons[3]
    assert "not a number" in reasons[4]
    assert "5 or 6 columns" in reasons[5]
    assert "line 2" in reasons[7]


async def test_the_demo_city_ships_its_places_and_loads_them_twice_without_change():
    rows = demo_places()
    assert {"金峰农贸市场", "芗城区", "龙文区碧湖零工驿站"} <= {r.name for r in rows}
    first = await save_places(rows)
    assert first.added == len(rows)
    assert (await import_places(demo_places_csv())).unchanged == len(rows)


async def test_a_job_at_my_position_is_refused_naming_the_address(client, market):
    employer = await market.user("employer")
    body = market.job_body(location={**XIANGCHENG, "address": "我的位置"})
    response = await client.post("/api/jobs", json=body, headers=employer["headers"])
    assert response.status_code == 400
    assert [f["field"] for f in response.json()["fields"]] == ["location.address"]


async def test_an_address_far_from_its_position_needs_the_posters_confirmation(client, market):
    await import_places(CSV)
    employer = await market.user("employer")
    far = {**XIANGCHENG, "address": "漳州市龙文区建元东路56号"}
    response = await client.post("/api/jobs", json=market.job_body(location=far), headers=employer["headers"])
    assert response.status_code == 409, response.text
    answer = response.json()
    assert answer["code"] == "address_far_from_position"
    assert "龙文区" in answer["detail"]
    assert "公里" in answer["detail"]
    assert [f["field"] for f in answer["fields"]] == ["location.address"]
    assert (await client.get("/api/jobs?mine=true", headers=employer["headers"])).json()["total"] == 0
    confirmed = {**far, "confirm_far_position": True}
    job = await market.job(employer, location=confirmed)
    assert job["location"]["address"] == "漳州市龙文区建元东路56号"


async def test_an_address_that_agrees_with_its_position_passes(client, market):
    await import_places(CSV)
    employer = await market.user("employer")
    here = {"lat": 24.5152, "lon": 117.6405, "address": "漳州市芗城区金峰农贸市场东门"}
    job = await market.job(employer, location=here)
    assert job["location"]["lat"] == 24.5152


@pytest.mark.parametrize("path", ["/api/workers/me", "/api/employers/me"])
async def test_profiles_get_the_same_check(client, market, path):
    await import_places(CSV)
    user = await market.user("worker" if "workers" in path else "employer")
    far = {**XIANGCHENG, "address": "漳州市龙文区碧湖生态园"}
    response = await client.put(path, json={"location": far}, headers=user["headers"])
    assert response.status_code == 409
    response = await client.put(path, json={"location": {**far, "confirm_far_position": True}},
                                headers=user["headers"])
    assert response.status_code == 200, response.text
    assert response.json()["location"]["address"] == "漳州市龙文区碧湖生态园"


async def test_the_tolerance_is_a_setting(client, market, monkeypatch):
    from market import settings

    await import_places(CSV)
    monkeypatch.setenv("LINGGONG_ADDRESS_POSITION_TOLERANCE_M", "20000")
    settings.reset_settings()
    try:
        employer = await market.user("employer")
        await market.job(employer, location={**XIANGCHENG, "address": "漳州市龙文区建元东路56号"})
    finally:
        monkeypatch.delenv("LINGGONG_ADDRESS_POSITION_TOLERANCE_M")
        settings.reset_settings()
