"""The worker's radar: `GET /api/jobs` ranked by fit to the worker, explained; closed jobs are not offered."""

from __future__ import annotations

from datetime import timedelta

from market.core import clock
from tests.market.api.ranking_helpers import HOME, place, skill, starting_in, worker_with

LATER = starting_in(timedelta(days=3))


async def radar(client, worker, **params):
    response = await client.get("/api/jobs", params=params, headers=worker["headers"])
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_worker_sees_jobs_ranked_by_fit_with_the_reasons(client, market):
    employer = await market.user("employer")
    near = await market.job(employer, title="配电箱安装", skills=["电工"], location=place(1), **LATER)
    farther = await market.job(employer, title="路灯维修", skills=["电工"], location=place(6), **LATER)
    await market.job(employer, title="写字楼保洁", skills=["保洁"], location=place(0.5), **LATER)
    worker = await worker_with(client, market, "李师傅", [skill("电工", 10, certified=True)], 0)
    page = await radar(client, worker)
    assert [j["id"] for j in page["items"]] == [near["id"], farther["id"]]  # cleaning is not for an electrician
    assert page["total"] == 2
    first = page["items"][0]
    assert first["title"] == "配电箱安装"
    assert first["filled"] == 0
    assert first["employer"]["id"] == employer["id"]
    assert first["matched_skills"] == [["电工", "电工", 1.0]]
    assert set(first["breakdown"]) >= {"skill", "distance", "reliability", "rating", "experience"}
    assert first["score"] > page["items"][1]["score"]
    assert 0.9 < first["distance_km"] < 1.1
    # the employer's view is the plain listing, without scores
    listed = (await client.get("/api/jobs", params=HOME, headers=employer["headers"])).json()
    assert {j["score"] for j in listed["items"]} == {None}
    assert listed["total"] == 3


async def test_started_full_and_cancelled_jobs_are_not_offered(client, market):
    employer = await market.user("employer")
    soon = await market.job(employer, title="马上开工", skills=["电工"], location=place(1),
                            **starting_in(timedelta(hours=2)))
    full = await market.job(employer, title="只要一人", skills=["电工"], location=place(1), headcount=1, **LATER)
    cancelled = await market.job(employer, title="取消了", skills=["电工"], location=place(1), **LATER)
    open_job = await market.job(employer, title="还在招", skills=["电工"], location=place(2), **LATER)
    worker = await worker_with(client, market, "王师傅", [skill("电工", certified=True)], 0)
    other = await worker_with(client, market, "赵师傅", [skill("电工", certified=True)], 0)
    assert {j["id"] for j in (await radar(client, worker))["items"]} == {
        soon["id"], full["id"], cancelled["id"], open_job["id"]}
    assert (await market.accept(full["id"], other)).status_code == 201
    cancel = await client.post(f"/api/jobs/{cancelled['id']}/cancel", headers=employer["headers"])
    assert cancel.status_code == 200, cancel.text
    clock.shift(timedelta(hours=3))  # `soon` has started
    page = await radar(client, worker)
    assert [j["id"] for j in page["items"]] == [open_job["id"]]
    assert page["total"] == 1


async def test_filters_a_point_and_paging_work_on_the_radar(client, market):
    employer = await market.user("employer")
    jobs = [await market.job(employer, title=f"电路检修{i}号", skills=["电工"], location=place(i), **LATER)
            for i in range(1, 4)]
    await market.job(employer, title="家庭保洁", skills=["保洁"], location=place(1), **LATER)
    worker = await worker_with(client, market, "孙师傅", [skill("电工", certified=True), skill("保洁")], 0,
                               max_distance_km=20)
    assert (await radar(client, worker))["total"] == 4
    assert [j["id"] for j in (await radar(client, worker, q="检修2"))["items"]] == [jobs[1]["id"]]
    assert (await radar(client, worker, skill="电工"))["total"] == 3
    assert (await radar(client, worker, radius_km=1.5))["total"] == 2  # jobs 1 km away only
    moved = await radar(client, worker, lat=place(3)["lat"], lon=HOME["lon"], radius_km=0.5)
    assert [j["id"] for j in moved["items"]] == [jobs[2]["id"]]
    second = await radar(client, worker, skill="电工", limit=1, offset=1)
    assert (len(second["items"]), second["total"], second["offset"]) == (1, 3, 1)


async def test_a_worker_without_skills_gets_the_plain_listing(client, market):
    employer = await market.user("employer")
    await market.job(employer, skills=["电工"], location=place(1), **LATER)
    worker = await worker_with(client, market, "新人", [], 0)
    page = await radar(client, worker)
    assert page["total"] == 1
    assert page["items"][0]["score"] is None


async def test_signing_in_can_bring_the_radars_first_page_so_the_phone_saves_a_round_trip(client, market):
    employer = await market.user("employer")
    for km in (1, 3, 5):
        await market.job(employer, title=f"配电箱安装{km}", skills=["电工"], location=place(km), **LATER)
    worker = await worker_with(client, market, "李师傅", [skill("电工", 10)], 0)
    signed_in = await client.post("/api/auth/login", json={
        "phone": worker["phone"], "password": market.password, "first_page": True})
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["first_page"] == await radar(client, worker, limit=20)
    assert len(signed_in.json()["first_page"]["items"]) == 3
    # Not asked for, or a role whose home is not the radar: nothing more than the token.
    plain = await client.post("/api/auth/login", json={"phone": worker["phone"], "password": market.password})
    assert plain.json()["first_page"] is None
    as_employer = await client.post("/api/auth/login", json={
        "phone": employer["phone"], "password": market.password, "first_page": True})
    assert as_employer.status_code == 200
    assert as_employer.json()["first_page"] is None
