"""The station counter: jobs for a walk-in ranked by their trades (`GET /api/workers/{id}/jobs`), the walk-in's
orders, and finding workers by name or ID number (`POST /api/workers/lookup`), each search recorded masked."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from market.core.identity import make_resident_id
from market.workers.tables import WorkerSearch
from tests.market.api.ranking_helpers import place, skill, starting_in
from tests.market.api.test_accept import signature_png

LATER = starting_in(timedelta(days=3))
ID_NUMBER = make_resident_id("350203", date(1985, 6, 1), 123)


async def cleaner_walk_in(client, market, staff, name="李秀英"):
    """A walk-in registered by `staff` as a cleaner living at the ranking helpers' home point."""
    response = await client.post("/api/walk-ins", headers=staff["headers"], json={
        "phone": market.next_phone(), "name": name, "skills": [skill("保洁", 5)], "location": place(0),
        "max_distance_km": 10})
    assert response.status_code == 201, response.text
    return response.json()


async def test_staff_see_the_walk_ins_jobs_ranked_by_their_trades(client, market):
    staff = await market.station_staff()
    employer = await market.user("employer")
    removals = await market.job(employer, title="搬家", skills=["搬运工"], location=place(0.5), **LATER)
    near = await market.job(employer, title="写字楼保洁", skills=["保洁"], location=place(1), **LATER)
    far = await market.job(employer, title="小区保洁", skills=["保洁"], location=place(5),
                          **starting_in(timedelta(days=4)))  # not clashing with `near`
    walk_in = await cleaner_walk_in(client, market, staff)
    response = await client.get(f"/api/workers/{walk_in['id']}/jobs", headers=staff["headers"])
    assert response.status_code == 200, response.text
    page = response.json()
    ids = [j["id"] for j in page["items"]]
    assert ids == [near["id"], far["id"]], "ranked like the walk-in's own radar: removals is not a cleaner's job"
    assert removals["id"] not in ids
    assert page["items"][0]["matched_skills"] == [["保洁", "保洁", 1.0]]
    assert page["items"][0]["score"] > page["items"][1]["score"]
    # a job the walk-in already holds is not offered again
    taken = await client.post(f"/api/jobs/{near['id']}/accept", headers=staff["headers"], json={
        "worker_id": walk_in["id"], "consent": "staff_signature", "signature_png": signature_png()})
    assert taken.status_code == 201, taken.text
    again = (await client.get(f"/api/workers/{walk_in['id']}/jobs", headers=staff["headers"])).json()
    assert [j["id"] for j in again["items"]] == [far["id"]]
    # and the walk-in's orders are one filter away
    orders = await client.get("/api/orders", params={"worker_id": walk_in["id"]}, headers=staff["headers"])
    assert [o["job"]["id"] for o in orders.json()["items"]] == [near["id"]]


async def test_only_staff_whose_station_holds_consent_rank_for_a_worker(client, market):
    staff = await market.station_staff()
    walk_in = await cleaner_walk_in(client, market, staff)
    elsewhere = await market.station_staff()
    refused = await client.get(f"/api/workers/{walk_in['id']}/jobs", headers={**elsewhere["headers"],
                                                                             "Accept-Language": "en"})
    assert (refused.status_code, refused.json()["code"]) == (403, "not_a_walk_in")
    self_registered = await market.user("worker")
    refused = await client.get(f"/api/workers/{self_registered['id']}/jobs", headers=staff["headers"])
    assert (refused.status_code, refused.json()["code"]) == (403, "not_a_walk_in")
    missing = await client.get("/api/workers/999999/jobs", headers=staff["headers"])
    assert (missing.status_code, missing.json()["code"]) == (404, "user_not_found")
    employer = await market.user("employer")
    not_a_worker = await client.get(f"/api/workers/{employer['id']}/jobs", headers=staff["headers"])
    assert (not_a_worker.status_code, not_a_worker.json()["code"]) == (404, "user_not_found")
    for role in ("worker", "employer"):
        caller = await market.user(role)
        answer = await client.get(f"/api/workers/{walk_in['id']}/jobs", headers=caller["headers"])
        assert (answer.status_code, answer.json()["code"]) == (403, "role_required")


async def test_staff_find_workers_by_part_of_the_name_exact_first(client, market):
    staff = await market.station_staff()
    await market.user("worker", name="王建国")
    exact = await market.user("worker", name="王建")
    await market.user("worker", name="李四")
    await market.user("employer", name="王建筑公司")  # not a worker
    response = await client.post("/api/workers/lookup", json={"name": "王建"}, headers=staff["headers"])
    assert response.status_code == 200, response.text
    page = response.json()
    assert [w["name"] for w in page["items"]] == ["王建", "王建国"]
    assert page["items"][0]["id"] == exact["id"]
    assert page["total"] == 2
    # LIKE's wildcards typed in a name match only themselves
    none = await client.post("/api/workers/lookup", json={"name": "王%"}, headers=staff["headers"])
    assert none.json()["items"] == []


async def test_staff_find_a_worker_by_id_number_through_its_keyed_hash(client, market, caplog):
    staff = await market.station_staff()
    walk_in = await client.post("/api/walk-ins", headers=staff["headers"], json={
        "phone": market.next_phone(), "name": "陈师傅", "id_number": ID_NUMBER})
    assert walk_in.status_code == 201, walk_in.text
    logging.getLogger().addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG)
    response = await client.post("/api/workers/lookup", json={"id_number": ID_NUMBER.lower()},
                                 headers=staff["headers"])
    assert response.status_code == 200, response.text
    assert [w["id"] for w in response.json()["items"]] == [walk_in.json()["id"]]
    assert ID_NUMBER not in str(response.request.url)
    for record in caplog.records:
        assert ID_NUMBER not in record.getMessage()


async def test_each_lookup_is_recorded_with_the_term_masked(client, market):
    staff = await market.station_staff()
    worker = await market.user("worker", name="赵铁柱")
    await client.post("/api/workers/lookup", json={"name": "赵铁柱"}, headers=staff["headers"])
    await client.post("/api/workers/lookup", json={"id_number": ID_NUMBER}, headers=staff["headers"])
    await client.post("/api/workers/search", json={"phone": worker["phone"]}, headers=staff["headers"])
    rows = await WorkerSearch.select(WorkerSearch.staff, WorkerSearch.station, WorkerSearch.kind,
                                     WorkerSearch.term_masked, WorkerSearch.found, WorkerSearch.matches).order_by(
        WorkerSearch.id)
    assert [(r["staff"], r["station"], r["kind"], r["term_masked"], r["found"], r["matches"]) for r in rows] == [
        (staff["id"], staff["station_id"], "name", "赵**", worker["id"], 1),
        (staff["id"], staff["station_id"], "id_number", "3502**********" + ID_NUMBER[-4:], None, 0),
        (staff["id"], staff["station_id"], "phone", "", worker["id"], 1)]
    assert all(ID_NUMBER not in str(r) and "铁柱" not in str(r) for r in rows)


async def test_a_lookup_needs_exactly_one_term_and_a_valid_id_number(client, market):
    staff = await market.station_staff()
    for body, field, code in (({}, "name", "lookup_one_of"),
                              ({"name": "王", "id_number": ID_NUMBER}, "name", "lookup_one_of"),
                              ({"id_number": ID_NUMBER[:-1] + ("0" if ID_NUMBER[-1] != "0" else "1")},
                               "id_number", "id_check_digit")):
        response = await client.post("/api/workers/lookup", json=body, headers={**staff["headers"],
                                                                                "Accept-Language": "en"})
        assert response.status_code == 400, response.text
        assert [(f["field"], f["code"]) for f in response.json()["fields"]] == [(field, code)]
    assert await WorkerSearch.count() == 0, "a refused lookup is not a search"


async def test_only_staff_look_workers_up(client, market):
    for role in ("worker", "employer"):
        caller = await market.user(role)
        response = await client.post("/api/workers/lookup", json={"name": "王"}, headers=caller["headers"])
        assert (response.status_code, response.json()["code"]) == (403, "role_required")
    anonymous = await client.post("/api/workers/lookup", json={"name": "王"})
    assert anonymous.status_code == 401
    assert await WorkerSearch.count() == 0

