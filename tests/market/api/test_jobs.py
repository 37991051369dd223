"""Jobs: posting with every rule on the input, listing near a point with filters and paging, reading, and
cancelling (which cancels the accepted orders and tells their workers through the outbox)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from market.core import clock
from market.jobs.tables import Job
from market.notifications.tables import OutboxMessage
from market.orders.tables import Order

HOME = {"lat": 24.5116, "lon": 117.6443}
KM_OF_LATITUDE = 1 / 111.2


def place(km_north: float, address: str = "漳州市芗城区某路1号") -> dict:
    return {"lat": round(HOME["lat"] + km_north * KM_OF_LATITUDE, 6), "lon": HOME["lon"], "address": address}


def starting_in(delta: timedelta, hours: int = 8, zone: str = "+08:00") -> dict:
    start = datetime.now(UTC).replace(microsecond=0) + delta
    return {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=hours)).isoformat()}


async def test_create_echoes_every_field(client, market):
    employer = await market.user("employer")
    body = market.job_body(headcount=3, pay={"amount_fen": 2500, "unit": "hour"}, pay_due_hours=48)
    response = await client.post("/api/jobs", json=body, headers=employer["headers"])
    assert response.status_code == 201, response.text
    job = response.json()
    for key in ("title", "description", "skills", "location", "headcount", "pay", "pay_due_hours"):
        assert job[key] == body[key], key
    assert datetime.fromisoformat(job["starts_at"]) == datetime.fromisoformat(body["starts_at"])
    assert datetime.fromisoformat(job["ends_at"]) == datetime.fromisoformat(body["ends_at"])
    assert (job["filled"], job["status"], job["employer"]["id"]) == (0, "open", employer["id"])


def _bad_bodies() -> list[tuple[str, dict, str]]:
    now = datetime.now(UTC).replace(microsecond=0)
    tomorrow = now + timedelta(days=1)
    return [
        ("start in the past", starting_in(-timedelta(hours=1)), "starts_at"),
        ("end before start", {"starts_at": tomorrow.isoformat(),
                              "ends_at": (tomorrow - timedelta(hours=1)).isoformat()}, "ends_at"),
        ("naive datetime", {"starts_at": tomorrow.replace(tzinfo=None).isoformat(),
                            "ends_at": (tomorrow + timedelta(hours=8)).isoformat()}, "starts_at"),
        ("headcount 0", {"headcount": 0}, "headcount"),
        ("headcount 501", {"headcount": 501}, "headcount"),
        ("negative pay", {"pay": {"amount_fen": -1, "unit": "day"}}, "pay.amount_fen"),
        ("pay by the week", {"pay": {"amount_fen": 100, "unit": "week"}}, "pay.unit"),
        ("latitude 91", {"location": {"lat": 91, "lon": 117.6, "address": "漳州市"}}, "location.lat"),
        ("title 61 characters", {"title": "搬" * 61}, "title"),
        ("description 2001 characters", {"description": "x" * 2001}, "description"),
        ("no skills", {"skills": []}, "skills"),
        ("a skill twice", {"skills": ["电工", "电工"]}, "skills[1]"),
        ("unknown field", {"bonus": 5}, "bonus"),
        ("start 91 days ahead", starting_in(timedelta(days=91)), "starts_at"),
    ]


@pytest.mark.parametrize(("case", "overrides", "field"), _bad_bodies(), ids=[c[0] for c in _bad_bodies()])
async def test_bad_input_names_the_field_and_creates_nothing(client, market, case, overrides, field):
    employer = await market.user("employer")
    await market.job(employer)
    before = await Job.count()
    response = await client.post("/api/jobs", json=market.job_body(**overrides), headers=employer["headers"])
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "validation_failed"
    assert [f["field"] for f in response.json()["fields"]] == [field]
    assert await Job.count() == before


async def test_staff_posting_must_name_the_employer(client, market):
    staff = await market.user("staff")
    response = await client.post("/api/jobs", json=market.job_body(), headers=staff["headers"])
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "employer_id"
    assert await Job.count() == 0


async def test_staff_posting_for_an_employer_records_both(client, market):
    staff, employer = await market.user("staff"), await market.user("employer")
    response = await client.post("/api/jobs", json=market.job_body(employer_id=employer["id"]),
                                 headers=staff["headers"])
    assert response.status_code == 201, response.text
    assert response.json()["employer"]["id"] == employer["id"]
    row = await Job.select(Job.employer, Job.posted_by).first()
    assert row == {"employer": employer["id"], "posted_by": staff["id"]}


async def test_an_employer_cannot_post_for_another(client, market):
    employer, other = await market.user("employer"), await market.user("employer")
    response = await client.post("/api/jobs", json=market.job_body(employer_id=other["id"]),
                                 headers=employer["headers"])
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "employer_id"
    assert await Job.count() == 0


async def list_jobs(client, user, **params):
    response = await client.get("/api/jobs", params=params, headers=user["headers"])
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_worker_sees_open_jobs_nearest_first_with_distances(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    for km in (5, 0, 2):
        await market.job(employer, title=f"{km}公里的活", location=place(km))
    page = await list_jobs(client, worker, **HOME)
    assert [job["title"] for job in page["items"]] == ["0公里的活", "2公里的活", "5公里的活"]
    assert [round(job["distance_km"]) for job in page["items"]] == [0, 2, 5]


async def test_radius_excludes_far_jobs(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    for km in (1, 8, 30):
        await market.job(employer, title=f"{km}公里的活", location=place(km))
    assert [j["title"] for j in (await list_jobs(client, worker, radius_km=10, **HOME))["items"]] == [
        "1公里的活", "8公里的活"]
    assert (await list_jobs(client, worker, radius_km=5, **HOME))["total"] == 1


async def test_skill_and_words_filter_the_list(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    await market.job(employer, title="粉刷客厅", skills=["油漆工"], description="两室一厅")
    await market.job(employer, title="搬家帮手", skills=["搬运工"], description="三楼无电梯")
    assert [j["title"] for j in (await list_jobs(client, worker, skill="油漆工", **HOME))["items"]] == ["粉刷客厅"]
    assert [j["title"] for j in (await list_jobs(client, worker, q="搬家", **HOME))["items"]] == ["搬家帮手"]
    assert [j["title"] for j in (await list_jobs(client, worker, q="电梯", **HOME))["items"]] == ["搬家帮手"]
    assert (await list_jobs(client, worker, skill="电工", **HOME))["total"] == 0


async def test_full_cancelled_and_started_jobs_are_not_listed(client, market):
    employer, worker, taker = await market.user("employer"), await market.user("worker"), await market.user("worker")
    full = await market.job(employer, title="已招满", headcount=1)
    assert (await market.accept(full["id"], taker)).status_code == 201
    cancelled = await market.job(employer, title="已取消")
    cancel = await client.post(f"/api/jobs/{cancelled['id']}/cancel", headers=employer["headers"])
    assert cancel.status_code == 200
    await market.job(employer, title="明天开工", **starting_in(timedelta(days=1)))
    await market.job(employer, title="后天开工", **starting_in(timedelta(days=2)))
    assert {j["title"] for j in (await list_jobs(client, worker, **HOME))["items"]} == {"明天开工", "后天开工"}
    clock.shift(timedelta(days=1, hours=1))
    assert [j["title"] for j in (await list_jobs(client, worker, **HOME))["items"]] == ["后天开工"]


async def test_the_list_pages(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    for km in range(5):
        await market.job(employer, title=f"第{km}个", location=place(km))
    first = await list_jobs(client, worker, limit=2, offset=0, **HOME)
    assert set(first) >= {"items", "total", "limit", "offset"}
    assert (first["total"], first["limit"], first["offset"], len(first["items"])) == (5, 2, 0, 2)
    last = await list_jobs(client, worker, limit=2, offset=4, **HOME)
    assert [j["title"] for j in last["items"]] == ["第4个"]
    titles = [j["title"] for offset in (0, 2, 4) for j in (await list_jobs(
        client, worker, limit=2, offset=offset, **HOME))["items"]]
    assert titles == [f"第{i}个" for i in range(5)]


async def test_a_worker_without_a_point_gets_jobs_around_home(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    home = place(0, "漳州市芗城区胜利西路128号")
    response = await client.put("/api/workers/me", json={"location": home, "max_distance_km": 10},
                                headers=worker["headers"])
    assert response.status_code == 200
    await market.job(employer, title="家门口", location=place(3))
    await market.job(employer, title="太远了", location=place(40))
    page = await list_jobs(client, worker)
    assert [j["title"] for j in page["items"]] == ["家门口"]
    assert page["items"][0]["distance_km"] == pytest.approx(3, abs=0.1)


async def test_mine_lists_the_employers_own_jobs(client, market):
    employer, other = await market.user("employer"), await market.user("employer")
    await market.job(employer, title="我的活")
    await market.job(other, title="别人的活")
    page = await list_jobs(client, employer, mine="true")
    assert [j["title"] for j in page["items"]] == ["我的活"]


async def test_an_unknown_job_is_404(client, market):
    worker = await market.user("worker")
    response = await client.get("/api/jobs/999999", headers=worker["headers"])
    assert response.status_code == 404
    assert response.json()["code"] == "job_not_found"


async def test_a_job_reads_with_filled_and_headcount(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer, headcount=3)
    await market.accept(job["id"], worker)
    shown = (await client.get(f"/api/jobs/{job['id']}", headers=worker["headers"])).json()
    assert (shown["filled"], shown["headcount"]) == (1, 3)


async def test_a_full_job_says_full_until_a_cancel_frees_a_place(client, market):
    employer, first, second = await market.user("employer"), await market.user("worker"), await market.user("worker")
    job = await market.job(employer, headcount=2)
    await market.accept(job["id"], first)
    assert (await client.get(f"/api/jobs/{job['id']}", headers=employer["headers"])).json()["status"] == "open"
    order = (await market.accept(job["id"], second)).json()["order"]
    shown = (await client.get(f"/api/jobs/{job['id']}", headers=first["headers"])).json()
    assert (shown["status"], shown["filled"]) == ("full", 2)
    mine = (await list_jobs(client, employer, mine="true"))["items"]
    assert [j["status"] for j in mine] == ["full"]
    await client.post(f"/api/orders/{order['id']}/cancel", headers=second["headers"])
    assert (await client.get(f"/api/jobs/{job['id']}", headers=employer["headers"])).json()["status"] == "open"
    assert [j["status"] for j in (await list_jobs(client, employer, mine="true"))["items"]] == ["open"]


async def test_a_cancelled_full_job_says_cancelled(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer, headcount=1)
    await market.accept(job["id"], worker)
    cancelled = await client.post(f"/api/jobs/{job['id']}/cancel", headers=employer["headers"])
    assert cancelled.json()["status"] == "cancelled"


async def test_another_employer_cannot_cancel_a_job(client, market):
    employer, other = await market.user("employer"), await market.user("employer")
    job = await market.job(employer)
    response = await client.post(f"/api/jobs/{job['id']}/cancel", headers=other["headers"])
    # a job is advertised (any signed-in caller reads it), so the refusal is a 403, not a 404 hiding it
    assert (response.status_code, response.json()["code"]) == (403, "not_your_job")
    assert (await Job.select(Job.status).where(Job.id == job["id"]).first())["status"] == "open"


async def test_cancelling_a_job_cancels_its_orders_and_tells_their_workers(client, market):
    employer = await market.user("employer")
    workers = [await market.user("worker") for _ in range(2)]
    job = await market.job(employer, headcount=2)
    for worker in workers:
        assert (await market.accept(job["id"], worker)).status_code == 201
    response = await client.post(f"/api/jobs/{job['id']}/cancel", headers=employer["headers"])
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    orders = await Order.select(Order.status, Order.worker).where(Order.job == job["id"])
    assert {o["status"] for o in orders} == {"cancelled"}
    told = await OutboxMessage.select(OutboxMessage.recipient).where(OutboxMessage.event == "order_cancelled")
    assert sorted(m["recipient"] for m in told) == sorted(w["id"] for w in workers)
