"""The resident-ID oracle closed: a worker gets a few tries a day at a different ID number, a 429 past them says
nothing about the number, and a clash is recorded (masked) for staff to review."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import httpx

from market.core import clock
from market.core.identity import make_resident_id, mask_resident_id
from market.stations.tables import Station, StationStaff
from market.workers.tables import IdNumberAttempt

HELD = make_resident_id("350203", date(1985, 6, 1), 123)


def free_number(n: int) -> str:
    return make_resident_id("350602", date(1990, 2, 14), n)


async def put_id(client, worker, number: str, language: str = "zh-CN"):
    return await client.put("/api/workers/me", json={"id_number": number},
                            headers={**worker["headers"], "Accept-Language": language})


async def holder_and_prober(client, market):
    holder, prober = await market.user("worker", name="林建国"), await market.user("worker", name="陈试探")
    assert (await put_id(client, holder, HELD)).status_code == 200
    return holder, prober


async def test_the_sixth_try_in_a_day_is_429_whether_or_not_the_number_is_taken(client, market):
    clock.freeze(clock.now())
    _, prober = await holder_and_prober(client, market)
    other = await market.user("worker")
    answers = [(await put_id(client, prober, number)).status_code
               for number in (free_number(1), HELD, free_number(3), free_number(5), HELD)]
    assert answers == [200, 409, 200, 200, 409]
    for worker in (other,):
        for n in range(5):
            assert (await put_id(client, worker, free_number(100 + n))).status_code == 200
    taken = await put_id(client, prober, HELD, "en")
    free = await put_id(client, prober, free_number(7), "en")
    free_for_other = await put_id(client, other, free_number(9), "en")
    for response in (taken, free, free_for_other):
        assert response.status_code == 429
        assert response.json() == taken.json(), "the answer says nothing about the number"
        assert "station" in response.json()["detail"]
    assert taken.json()["code"] == "id_number_changes_spent"
    assert 0 < int(taken.headers["Retry-After"]) <= 24 * 3600
    clock.shift(timedelta(hours=24, seconds=1))
    assert (await put_id(client, prober, free_number(7))).status_code == 200, "a new day, new tries"


async def test_sending_the_number_one_already_has_is_not_a_try(client, market):
    worker = await market.user("worker")
    assert (await put_id(client, worker, free_number(1))).status_code == 200
    for _ in range(8):  # a profile form that sends every field each time it is saved
        response = await client.put("/api/workers/me", json={"id_number": free_number(1), "max_distance_km": 12},
                                    headers=worker["headers"])
        assert response.status_code == 200
    assert await IdNumberAttempt.count().where(IdNumberAttempt.worker == worker["id"]) == 1


async def test_the_count_is_kept_in_the_database_across_app_processes(client, market):
    from market.app import create_app

    _, prober = await holder_and_prober(client, market)
    for n in range(3):
        assert (await put_id(client, prober, free_number(n))).status_code == 200
    restarted = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app()), base_url="http://testserver")
    async with restarted:
        assert [(await put_id(restarted, prober, number)).status_code
                for number in (free_number(10), HELD, free_number(11))] == [200, 409, 429]


async def test_a_clash_tells_the_worker_to_verify_at_a_station(client, market):
    _, prober = await holder_and_prober(client, market)
    chinese = await put_id(client, prober, HELD)
    english = await put_id(client, prober, HELD, "en")
    assert chinese.status_code == english.status_code == 409
    assert "驿站" in chinese.json()["detail"]
    assert "station" in english.json()["detail"]


async def grant_station_consent(client, staff, worker, phones) -> None:
    """The worker's standing consent for the staff member's station (staff may edit a self-registered worker only
    with it): a code texted to the worker, read out at the counter."""
    sent = await client.post(f"/api/walk-ins/{worker['id']}/consent-codes", headers=staff["headers"], json={})
    assert sent.status_code == 201, sent.text
    given = await client.post(f"/api/walk-ins/{worker['id']}/consent", headers=staff["headers"],
                              json={"consent_code": await phones.code_sent_to(worker["phone"])})
    assert given.status_code in (200, 201), given.text


async def test_clashes_are_recorded_for_staff_with_the_number_masked(client, market, caplog, phones):
    holder, prober = await holder_and_prober(client, market)
    logging.getLogger().addHandler(caplog.handler)  # the app's logging set-up dropped pytest's handler
    caplog.set_level(logging.INFO)
    station = await Station.insert(Station(name="芗城驿站", address="胜利西路1号", lat=24.5, lon=117.6)).returning(
        Station.id)
    staff = await market.user("staff")
    await StationStaff(station=station[0]["id"], user=staff["id"]).save()
    assert (await put_id(client, prober, HELD)).status_code == 409
    await grant_station_consent(client, staff, prober, phones)
    by_staff = await client.put(f"/api/workers/{prober['id']}", json={"id_number": HELD}, headers=staff["headers"])
    assert by_staff.status_code == 409
    walk_in = await client.post("/api/walk-ins", headers=staff["headers"], json={
        "phone": market.next_phone(), "name": "李秀英", "id_number": HELD})
    assert walk_in.status_code == 409

    listing = await client.get("/api/identity-conflicts", headers=staff["headers"])
    assert listing.status_code == 200, listing.text
    page = listing.json()
    assert page["total"] == 3
    newest_first = [(c["worker_id"], c["made_by"], c["by_staff"], c["station_id"]) for c in page["items"]]
    assert newest_first == [(None, staff["id"], True, station[0]["id"]),
                            (prober["id"], staff["id"], True, station[0]["id"]),
                            (prober["id"], prober["id"], False, None)]
    assert {(c["holder_id"], c["holder_name"], c["id_number_masked"]) for c in page["items"]} == {
        (holder["id"], "林建国", mask_resident_id(HELD))}
    for text in [listing.text, walk_in.text, by_staff.text, *(r.getMessage() for r in caplog.records)]:
        assert HELD not in text, "another worker's number is never shown in full"
    assert any(mask_resident_id(HELD) in r.getMessage() for r in caplog.records)


async def test_only_staff_read_the_clashes(client, market):
    for role in ("worker", "employer"):
        user = await market.user(role)
        response = await client.get("/api/identity-conflicts", headers=user["headers"])
        assert response.status_code == 403


async def test_staff_changing_a_walk_ins_number_are_recorded_but_not_throttled(client, market, phones):
    worker, staff = await market.user("worker"), await market.station_staff()
    await grant_station_consent(client, staff, worker, phones)
    for n in range(7):
        response = await client.put(f"/api/workers/{worker['id']}", json={"id_number": free_number(n)},
                                    headers=staff["headers"])
        assert response.status_code == 200
    rows = await IdNumberAttempt.select(IdNumberAttempt.made_by, IdNumberAttempt.outcome).where(
        IdNumberAttempt.worker == worker["id"])
    assert rows == [{"made_by": staff["id"], "outcome": "changed"}] * 7
    assert (await put_id(client, worker, free_number(50))).status_code == 200, "staff tries are not the worker's"
