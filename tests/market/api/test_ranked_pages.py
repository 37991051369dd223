"""Over HTTP, the radar's and the candidates' pages read one after the other are the one long list, cut."""

from __future__ import annotations

from datetime import timedelta

from tests.market.api.ranking_helpers import place, skill, starting_in, worker_with

LATER = starting_in(timedelta(days=3))


async def _walk(client, path, user, size):
    items, offset = [], 0
    while True:
        page = (await client.get(path, params={"limit": size, "offset": offset}, headers=user["headers"])).json()
        items += page["items"]
        if not page["items"]:
            return items, page["total"]
        offset += size


async def test_radar_pages_are_the_whole_list_cut_without_the_jobs_taken(client, market):
    employer = await market.user("employer")
    jobs = [await market.job(employer, title=f"电路检修{i}号", skills=["电工"] if i % 3 else ["电工", "焊工"],
                             location=place(i / 2), **starting_in(timedelta(days=3 + i))) for i in range(9)]
    worker = await worker_with(client, market, "钱师傅", [skill("电工", 6, certified=True), skill("焊工", 1)], 0)
    assert (await market.accept(jobs[4]["id"], worker)).status_code == 201
    whole = (await client.get("/api/jobs", params={"limit": 100}, headers=worker["headers"])).json()
    assert whole["total"] == 8
    assert jobs[4]["id"] not in [j["id"] for j in whole["items"]]
    for size in (1, 3):
        items, total = await _walk(client, "/api/jobs", worker, size)
        assert (items, total) == (whole["items"], whole["total"])  # same jobs, order, scores and reasons


async def test_candidate_pages_are_the_whole_list_cut(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, title="厂房电路检修", skills=["电工"], location=place(0), **LATER)
    for i in range(7):
        await worker_with(client, market, f"电工{i}", [skill("电工", i, certified=i % 2 == 0)], i / 3)
    path = f"/api/jobs/{job['id']}/candidates"
    whole = (await client.get(path, params={"limit": 100}, headers=employer["headers"])).json()
    assert whole["total"] == 7
    for size in (1, 4):
        assert await _walk(client, path, employer, size) == (whole["items"], whole["total"])
