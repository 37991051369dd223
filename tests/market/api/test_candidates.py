"""Candidates for a job: explained ranking, who may ask, parameters, availability, and freshness across apps."""

from __future__ import annotations

from datetime import timedelta

import httpx

from market.app import create_app
from market.core import clock
from market.ranking.tables import MatchingChange
from market.workers.tables import WorkerProfile
from tests.market.api.ranking_helpers import place, skill, starting_in, worker_with

ELECTRICIAN_JOB = {"title": "厂房电路检修", "skills": ["电工"], "location": place(0)}


async def candidates(client, job_id, user, **params):
    return await client.get(f"/api/jobs/{job_id}/candidates", params=params, headers=user["headers"])


async def test_the_right_electrician_comes_first_and_each_rank_is_explained(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, **ELECTRICIAN_JOB)
    near = await worker_with(client, market, "近电工", [skill("电工", 8, certified=True)], 1)
    welder = await worker_with(client, market, "电焊工", [skill("电焊工", 8, certified=True)], 1)
    far = await worker_with(client, market, "远电工", [skill("电工", 8, certified=True)], 15, max_distance_km=30)
    response = await candidates(client, job["id"], employer)
    assert response.status_code == 200, response.text
    page = response.json()
    ids = [item["worker_id"] for item in page["items"]]
    assert ids == [near["id"], far["id"]]  # the welder is not an electrician, however close
    assert welder["id"] not in ids
    assert (page["total"], page["limit"], page["offset"]) == (2, 20, 0)
    first = page["items"][0]
    me = (await client.get("/api/workers/me", headers=near["headers"])).json()
    assert first["worker_id"] == me["id"]
    assert first["display_name"] == "近电工"
    assert first["matched_skills"] == [["电工", "电工", 1.0]]
    assert set(first["breakdown"]) >= {"skill", "distance", "reliability", "rating", "experience"}
    assert 0.9 < first["distance_km"] < 1.1
    assert 14 < page["items"][1]["distance_km"] < 16
    assert first["breakdown"]["distance"] > page["items"][1]["breakdown"]["distance"]
    assert first["score"] > page["items"][1]["score"]


async def test_a_certified_electrician_ranks_above_an_uncertified_one(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, **ELECTRICIAN_JOB)
    plain = await worker_with(client, market, "无证", [skill("电工", 5)], 2)
    certified = await worker_with(client, market, "持证", [skill("电工", 5, certified=True)], 2)
    items = (await candidates(client, job["id"], employer)).json()["items"]
    assert [i["worker_id"] for i in items] == [certified["id"], plain["id"]]
    assert items[0]["matched_skills"][0][2] == 1.0
    assert items[1]["matched_skills"][0][2] < 1.0


async def test_only_the_jobs_employer_and_staff_may_ask(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, **ELECTRICIAN_JOB)
    worker = await market.user("worker")
    other = await market.user("employer")
    staff = await market.user("staff")
    refused = await candidates(client, job["id"], worker)
    assert (refused.status_code, refused.json()["code"]) == (403, "role_required")
    refused = await candidates(client, job["id"], other)
    assert (refused.status_code, refused.json()["code"]) == (403, "not_your_job")
    assert (await candidates(client, job["id"], staff)).status_code == 200
    missing = await candidates(client, job["id"] + 999, employer)
    assert (missing.status_code, missing.json()["code"]) == (404, "job_not_found")


async def test_a_bad_limit_is_a_clear_400(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, **ELECTRICIAN_JOB)
    for bad in ("0", "101", "many", "-3"):
        response = await candidates(client, job["id"], employer, limit=bad)
        body = response.json()
        assert response.status_code == 400, bad
        assert body["code"] == "validation_failed", body
        assert body["fields"][0]["field"] == "limit", body
    assert (await candidates(client, job["id"], employer, offset="-1")).status_code == 400


async def test_a_worker_busy_at_that_time_or_already_on_the_job_is_not_offered(client, market):
    employer = await market.user("employer")
    when = starting_in(timedelta(days=2))
    job = await market.job(employer, **ELECTRICIAN_JOB, **when)
    other_job = await market.job(employer, **{**ELECTRICIAN_JOB, "title": "另一处检修"}, **when)
    busy = await worker_with(client, market, "忙", [skill("电工", certified=True)], 1)
    taken = await worker_with(client, market, "已接", [skill("电工", certified=True)], 1)
    free = await worker_with(client, market, "闲", [skill("电工", certified=True)], 3)
    assert (await market.accept(other_job["id"], busy)).status_code == 201
    assert (await market.accept(job["id"], taken)).status_code == 201
    items = (await candidates(client, job["id"], employer)).json()["items"]
    assert [i["worker_id"] for i in items] == [free["id"]]


async def test_a_profile_change_is_seen_by_the_next_request(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, **ELECTRICIAN_JOB)
    worker = await worker_with(client, market, "转行", [skill("电焊工")], 1)
    assert (await candidates(client, job["id"], employer)).json()["items"] == []
    await client.put("/api/workers/me", headers=worker["headers"], json={"skills": [skill("电工")]})
    items = (await candidates(client, job["id"], employer)).json()["items"]
    assert [i["worker_id"] for i in items] == [worker["id"]]


async def test_a_second_app_sees_a_change_made_through_the_first_after_its_poll(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, **ELECTRICIAN_JOB)
    worker = await worker_with(client, market, "张师傅", [skill("电工")], 1)
    other_app = create_app()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=other_app), base_url="http://b") as second:
        assert [i["worker_id"] for i in (await candidates(second, job["id"], employer)).json()["items"]] == [
            worker["id"]]
        # Through the first app: the second hears of it from the change table, not from the first's memory.
        await client.put("/api/workers/me", headers=worker["headers"], json={"skills": [skill("保洁")]})
        assert (await candidates(second, job["id"], employer)).json()["items"] == []
        # A write by another process (a row in the table, no local hint) is seen once the poll interval passes.
        await WorkerProfile.update({WorkerProfile.skills: [skill("电工")]}).where(WorkerProfile.user == worker["id"])
        await MatchingChange.insert(MatchingChange(kind="worker", entity_id=worker["id"], at=clock.now()))
        assert (await candidates(second, job["id"], employer)).json()["items"] == []
        clock.shift(timedelta(seconds=2))
        assert [i["worker_id"] for i in (await candidates(second, job["id"], employer)).json()["items"]] == [
            worker["id"]]
        assert client.app.state.get("matching") is None  # the first app never even built a state


async def test_a_change_that_commits_out_of_order_is_caught_by_the_overlap(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, **ELECTRICIAN_JOB)
    early = await worker_with(client, market, "先", [skill("保洁")], 1)
    late = await worker_with(client, market, "后", [skill("保洁")], 2)
    assert (await candidates(client, job["id"], employer)).json()["items"] == []
    top = client.app.state.matching.watermark

    async def changed_elsewhere(worker_id, seq):  # a write by another process, committing with sequence `seq`
        await WorkerProfile.update({WorkerProfile.skills: [skill("电工")]}).where(WorkerProfile.user == worker_id)
        await MatchingChange.raw(
            "INSERT INTO matching_changes (seq, kind, entity_id, at) VALUES ({}, 'worker', {}, {})",
            seq, worker_id, clock.now())

    await changed_elsewhere(late["id"], top + 2)  # committed first, with the higher number
    clock.shift(timedelta(seconds=2))
    assert [i["worker_id"] for i in (await candidates(client, job["id"], employer)).json()["items"]] == [late["id"]]
    await changed_elsewhere(early["id"], top + 1)  # the lower number commits afterwards
    clock.shift(timedelta(seconds=2))
    items = (await candidates(client, job["id"], employer)).json()["items"]
    assert [i["worker_id"] for i in items] == [early["id"], late["id"]]


async def test_a_late_cancel_by_the_worker_lowers_their_reliability(client, market):
    employer = await market.user("employer")
    soon = await market.job(employer, **{**ELECTRICIAN_JOB, "title": "今晚抢修"}, **starting_in(timedelta(hours=3)))
    job = await market.job(employer, **ELECTRICIAN_JOB, **starting_in(timedelta(days=2)))
    flaky = await worker_with(client, market, "爽约", [skill("电工", certified=True)], 1)
    steady = await worker_with(client, market, "靠谱", [skill("电工", certified=True)], 1)
    accepted = await market.accept(soon["id"], flaky)
    order_id = accepted.json()["order"]["id"]
    cancelled = await client.post(f"/api/orders/{order_id}/cancel", json={"reason": "有事"}, headers=flaky["headers"])
    assert cancelled.status_code == 200, cancelled.text
    items = (await candidates(client, job["id"], employer)).json()["items"]
    assert [i["worker_id"] for i in items] == [steady["id"], flaky["id"]]
    assert items[1]["breakdown"]["reliability"] < items[0]["breakdown"]["reliability"] == 0.8


async def test_pruning_keeps_recent_changes_and_the_newest_so_numbering_never_goes_back(client, market):
    from market.ranking.changes import RETAIN, latest_seq, prune_changes

    for entity in (1, 2, 3):
        await MatchingChange.insert(MatchingChange(kind="worker", entity_id=entity, at=clock.now()))
    newest = await latest_seq()
    clock.shift(RETAIN + timedelta(minutes=1))
    await MatchingChange.insert(MatchingChange(kind="worker", entity_id=4, at=clock.now()))
    assert await prune_changes() == 3
    assert [r["entity_id"] for r in await MatchingChange.select(MatchingChange.entity_id)] == [4]
    clock.shift(RETAIN + timedelta(minutes=1))
    assert await prune_changes() == 0, "the newest row stays however old"
    await MatchingChange.insert(MatchingChange(kind="worker", entity_id=5, at=clock.now()))
    assert await latest_seq() > newest + 1


async def test_a_process_idle_longer_than_the_pruning_horizon_rebuilds_and_misses_nothing(client, market):
    from market.ranking.changes import prune_changes

    employer = await market.user("employer")
    job = await market.job(employer, **ELECTRICIAN_JOB)
    worker = await worker_with(client, market, "张师傅", [skill("保洁")], 1)
    assert (await candidates(client, job["id"], employer)).json()["items"] == []  # the state is built now
    # Another process changes the worker; then the change rows age out and are pruned while this one is idle.
    await WorkerProfile.update({WorkerProfile.skills: [skill("电工")]}).where(WorkerProfile.user == worker["id"])
    await MatchingChange.insert(MatchingChange(kind="worker", entity_id=worker["id"], at=clock.now()))
    await MatchingChange.insert(MatchingChange(kind="job", entity_id=job["id"], at=clock.now()))
    clock.shift(timedelta(hours=2))
    await MatchingChange.insert(MatchingChange(kind="job", entity_id=job["id"], at=clock.now()))
    assert await prune_changes() >= 2
    items = (await candidates(client, job["id"], employer)).json()["items"]
    assert [i["worker_id"] for i in items] == [worker["id"]]
