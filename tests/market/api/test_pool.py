"""The employer's pool: only a worker who completed a job for them joins; listed with trades, last job and a masked
phone; removed again; another employer's pool is their own."""

from __future__ import annotations

from market.demo.city_logins import DEMO_EMPLOYER
from market.demo.seed import seed_city
from tests.market.api.alert_helpers import mover, posted, worked_together


async def test_a_worker_who_completed_a_job_joins_the_pool_and_is_listed_with_a_masked_phone(client, market):
    employer = await market.user("employer")
    worker = await mover(client, market, "王师傅")
    await worked_together(client, market, employer, worker)
    added = await client.post("/api/employers/me/pool", headers=employer["headers"], json={"worker_id": worker["id"]})
    assert added.status_code == 201, added.text
    listed = await client.get("/api/employers/me/pool", headers=employer["headers"])
    assert listed.status_code == 200, listed.text
    (member,) = listed.json()["items"]
    assert member["worker_id"] == worker["id"]
    assert member["name"] == "王师傅"
    assert member["trades"] == ["搬运工"]
    assert member["last_job"]["title"] == "上次的活"
    assert member["jobs_together"] == 1
    # the completed order is still live (unpaid): its phone shows, as on the order itself
    assert member["phone"] == worker["phone"]


async def test_the_phone_is_masked_once_no_live_order_joins_them(client, market):
    employer = await market.user("employer")
    worker = await mover(client, market, "王师傅")
    order = await worked_together(client, market, employer, worker)
    paid = await client.post(f"/api/orders/{order}/paid", headers=employer["headers"], json={"amount_fen": 25000})
    assert paid.status_code == 200, paid.text
    confirmed = await client.post(f"/api/orders/{order}/confirm-payment", headers=worker["headers"])
    assert confirmed.status_code == 200, confirmed.text
    await client.post("/api/employers/me/pool", headers=employer["headers"], json={"worker_id": worker["id"]})
    (member,) = (await client.get("/api/employers/me/pool", headers=employer["headers"])).json()["items"]
    assert member["phone"] == worker["phone"][:3] + "****" + worker["phone"][-4:]


async def test_a_worker_who_never_completed_a_job_for_the_employer_is_refused_in_words(client, market):
    employer, other = await market.user("employer"), await market.user("employer")
    worker = await mover(client, market, "王师傅")
    await worked_together(client, market, other, worker)  # for someone else
    job = await posted(market, employer)
    assert (await market.accept(job["id"], worker)).status_code == 201  # accepted, not completed
    refused = await client.post("/api/employers/me/pool", headers={**employer["headers"], "Accept-Language": "en"},
                                json={"worker_id": worker["id"]})
    assert refused.status_code == 409
    assert refused.json()["code"] == "alerts_pool_not_worked_together"
    assert "completed a job for you" in refused.json()["detail"]
    assert (await client.get("/api/employers/me/pool", headers=employer["headers"])).json()["total"] == 0


async def test_removing_takes_the_worker_out_and_each_employer_sees_only_their_pool(client, market):
    employer, other = await market.user("employer"), await market.user("employer")
    worker = await mover(client, market, "王师傅")
    await worked_together(client, market, employer, worker)
    await client.post("/api/employers/me/pool", headers=employer["headers"], json={"worker_id": worker["id"]})
    again = await client.post("/api/employers/me/pool", headers=employer["headers"], json={"worker_id": worker["id"]})
    assert again.status_code == 201
    assert (await client.get("/api/employers/me/pool", headers=other["headers"])).json()["total"] == 0
    missing = await client.delete(f"/api/employers/me/pool/{worker['id']}", headers=other["headers"])
    assert missing.status_code == 404
    assert missing.json()["code"] == "alerts_pool_member_not_found"
    removed = await client.delete(f"/api/employers/me/pool/{worker['id']}", headers=employer["headers"])
    assert removed.status_code == 204
    assert (await client.get("/api/employers/me/pool", headers=employer["headers"])).json()["total"] == 0


async def test_the_demo_employer_starts_with_the_workers_who_finished_a_job_for_them(client, market):
    await seed_city(12, 4, seed=7)
    login = await client.post("/api/auth/login", json={"phone": DEMO_EMPLOYER.phone, "password": "linggong-demo"})
    assert login.status_code == 200, login.text
    pool = await client.get("/api/employers/me/pool", headers={"Authorization": f"Bearer {login.json()['token']}"})
    assert pool.json()["total"] >= 1
    assert all(member["jobs_together"] >= 1 for member in pool.json()["items"])
