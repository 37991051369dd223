"""Stations: anyone, without logging in, finds the gig stations nearest a point, a page at a time."""

from __future__ import annotations

from market.stations.tables import Station

HERE = {"lat": 24.5116, "lon": 117.6443}
KM_OF_LATITUDE = 1 / 111.2


async def seed_stations(*km_north: float) -> None:
    await Station.insert(*[
        Station(name=f"{km}公里驿站", district="芗城区", address=f"漳州市芗城区{km}号", hours="08:00-18:00",
                phone="0596-1234567", lat=HERE["lat"] + km * KM_OF_LATITUDE, lon=HERE["lon"])
        for km in km_north
    ])


async def test_stations_come_nearest_first_with_distances_without_a_login(client):
    await seed_stations(7, 1, 3)
    response = await client.get("/api/stations", params=HERE)
    assert response.status_code == 200
    items = response.json()["items"]
    assert [s["name"] for s in items] == ["1公里驿站", "3公里驿站", "7公里驿站"]
    assert [round(s["distance_km"], 1) for s in items] == [1.0, 3.0, 7.0]
    assert set(items[0]) >= {"id", "name", "district", "address", "lat", "lon", "hours", "phone"}


async def test_stations_page(client):
    await seed_stations(*range(5))
    first = (await client.get("/api/stations", params={**HERE, "limit": 2})).json()
    assert (first["total"], first["limit"], first["offset"]) == (5, 2, 0)
    assert [s["name"] for s in first["items"]] == ["0公里驿站", "1公里驿站"]
    rest = (await client.get("/api/stations", params={**HERE, "limit": 2, "offset": 4})).json()
    assert [s["name"] for s in rest["items"]] == ["4公里驿站"]


async def test_without_a_point_stations_have_no_distance(client):
    await seed_stations(2)
    items = (await client.get("/api/stations")).json()["items"]
    assert [s["distance_km"] for s in items] == [None]


async def test_a_latitude_out_of_range_is_refused(client):
    response = await client.get("/api/stations", params={"lat": 91, "lon": 117.6})
    assert response.status_code == 400
    assert response.json()["code"] == "validation_failed"
    assert [f["field"] for f in response.json()["fields"]] == ["lat"]
