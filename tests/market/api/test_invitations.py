"""Invitations: the job's employer invites a pool member or a candidate; the worker sees it in the inbox and their
list and accepts through the ordinary route; twice, a job that takes nobody, or an unmatchable worker is refused."""

from __future__ import annotations

from datetime import timedelta

from market.notifications.tables import OutboxMessage
from tests.market.api.alert_helpers import mover, posted, worked_together


async def _invite(client, employer, job_id, worker_id, language="zh-CN"):
    return await client.post(f"/api/jobs/{job_id}/invitations", json={"worker_id": worker_id},
                             headers={**employer["headers"], "Accept-Language": language})


async def test_a_candidate_is_invited_sees_it_and_accepts_through_the_accept_route(client, market):
    employer = await market.user("employer")
    worker = await mover(client, market, "赵师傅")
    job = await posted(market, employer, headcount=1)
    made = await _invite(client, employer, job["id"], worker["id"])
    assert made.status_code == 201, made.text
    assert made.json()["source"] == "candidate"
    assert not made.json()["accepted"]
    inbox = await client.get("/api/notifications", headers=worker["headers"])
    assert [n["event"] for n in inbox.json()["items"]] == ["job_invitation"]
    assert inbox.json()["items"][0]["link"] == f"/#/jobs/{job['id']}"
    mine = await client.get("/api/workers/me/invitations", headers=worker["headers"])
    (item,) = mine.json()["items"]
    assert item["job_id"] == job["id"]
    assert item["job_open"]
    assert not item["accepted"]
    assert (await market.accept(job["id"], worker)).status_code == 201
    (item,) = (await client.get("/api/workers/me/invitations", headers=worker["headers"])).json()["items"]
    assert item["accepted"]
    assert not item["job_open"], "the job of one is full"


async def test_an_invitation_takes_no_place_the_accept_checks_still_decide(client, market):
    employer = await market.user("employer")
    invited, quicker = await mover(client, market, "赵师傅"), await mover(client, market, "钱师傅")
    job = await posted(market, employer, headcount=1)
    assert (await _invite(client, employer, job["id"], invited["id"])).status_code == 201
    assert (await market.accept(job["id"], quicker)).status_code == 201
    late = await market.accept(job["id"], invited)
    assert late.status_code == 409
    assert late.json()["code"] == "job_full"


async def test_a_pool_member_outside_the_candidates_can_be_invited(client, market):
    employer = await market.user("employer")
    worker = await mover(client, market, "孙师傅")
    await worked_together(client, market, employer, worker)
    await client.post("/api/employers/me/pool", headers=employer["headers"], json={"worker_id": worker["id"]})
    job = await posted(market, employer, skills=["电工"])  # not their trade: not a candidate
    made = await _invite(client, employer, job["id"], worker["id"])
    assert made.status_code == 201, made.text
    assert made.json()["source"] == "pool"


async def test_limits_twice_closed_jobs_strangers_and_unmatchable_workers(client, market):
    employer, other = await market.user("employer"), await market.user("employer")
    worker = await mover(client, market, "李师傅")
    job = await posted(market, employer, headcount=1)
    assert (await _invite(client, employer, job["id"], worker["id"])).status_code == 201
    twice = await _invite(client, employer, job["id"], worker["id"])
    assert twice.status_code == 409
    assert twice.json()["code"] == "alerts_invitation_exists"
    assert await OutboxMessage.count().where(OutboxMessage.event == "job_invitation") == 1
    not_theirs = await _invite(client, other, job["id"], worker["id"])
    assert not_theirs.status_code == 403
    assert not_theirs.json()["code"] == "not_your_job"
    no_profile = await market.user("worker")
    refused = await _invite(client, employer, job["id"], no_profile["id"], "en")
    assert refused.status_code == 400
    assert refused.json()["fields"][0]["field"] == "worker_id"
    assert "pool or among the job's candidates" in refused.json()["fields"][0]["message"]
    cancelled = await posted(market, employer)
    await client.post(f"/api/jobs/{cancelled['id']}/cancel", headers=employer["headers"])
    closed = await _invite(client, employer, cancelled["id"], worker["id"])
    assert closed.status_code == 409
    assert closed.json()["code"] == "job_not_open"
    full = await posted(market, employer, headcount=1)
    assert (await market.accept(full["id"], await mover(client, market, "周师傅"))).status_code == 201
    assert (await _invite(client, employer, full["id"], worker["id"])).json()["code"] == "job_full"
    soon = await posted(market, employer, start_in=timedelta(hours=3))
    busy = await posted(market, employer, start_in=timedelta(hours=4))  # overlaps `soon`
    assert (await market.accept(soon["id"], worker)).status_code == 201
    clash = await _invite(client, employer, busy["id"], worker["id"])
    assert clash.status_code == 400
    assert clash.json()["fields"][0]["field"] == "worker_id"
