"""A small history counted by hand, for the figures' tests (every number in the tests comes from here).

Two stations: A (芗城区) at the usual site, B (龙文区) about 10 km east. On Monday 2026-12-07 an employer posts,
all starting Tuesday 12-08 09:00 Beijing time:
- job 1 at A, 搬运工, 2 places: taken at 02:00 and 05:00 UTC Monday (full 5 h after posting);
- job 2 at A, 电工, 3 places: one taken at 01:00 (never full);
- job 3 at B, 搬运工, 1 place: taken at 03:00 (3 h);
- jobs 5–7 at A, 搬运工, 1 place each: taken at 01:00, 02:00, 04:00 (1, 2, 4 h);
- job 4 at A, 4 places, cancelled before anyone took it.
Jobs posted 7 (one cancelled); places offered 2+3+1+3 = 9; deals 7, all before the start: fill rate 7/9.
Filled jobs 5: hours 5, 3, 1, 2, 4 → median (nearest rank, 3rd of 5) 3 h, p90 (5th of 5) 5 h.
Tuesday: job 1's first worker checks in, completes, is paid ¥250 on time and confirms; its second is a no-show;
job 2's worker checks in and completes, paid ¥200 on Friday (late); job 3's worker checks in.
Deals whose day came: 4 (confirmed, no-show, paid, checked in): too few for the no-show rate. Paid 2: too few too.
Seekers: six movers at home by A (five travel 5 km, one 20 km), one electrician at B (5 km).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from market.core import clock

MONDAY = datetime(2026, 12, 7, 0, 0, tzinfo=UTC)
START = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)
SITE_A = {"lat": 24.5116, "lon": 117.6443}
SITE_B = {"lat": 24.5116, "lon": 117.7500}


async def stations() -> dict[str, int]:
    """Stations A and B."""
    from market.stations.tables import Station

    a = Station(name="胜利驿站", district="芗城区", address="漳州市芗城区", lat=SITE_A["lat"], lon=SITE_A["lon"])
    b = Station(name="蓝田驿站", district="龙文区", address="漳州市龙文区", lat=SITE_B["lat"], lon=SITE_B["lon"])
    await a.save()
    await b.save()
    return {"A": a.id, "B": b.id}


async def seekers(market: Any) -> None:
    """The seven workers' profiles (straight to the table: their homes, trades and travel ranges)."""
    from market.workers.tables import WorkerProfile

    homes = [("搬运工", SITE_A, 5)] * 5 + [("搬运工", SITE_A, 20), ("电工", SITE_B, 5)]
    for skill, home, km in homes:
        user = await market.user("worker")
        await WorkerProfile(user=user["id"], skills=[{"name": skill, "years": 2, "certified": False}],
                            lat=home["lat"], lon=home["lon"], max_distance_km=km).save()


async def _post(market: Any, employer: dict[str, Any], site: dict[str, float], skill: str, places: int) -> int:
    job = await market.job(employer, skills=[skill], headcount=places, starts_at=START.isoformat(),
                           ends_at=(START + timedelta(hours=8)).isoformat(),
                           location={**site, "address": "漳州市芗城区胜利西路128号"})
    return int(job["id"])


async def _take(market: Any, job_id: int, hour: int) -> dict[str, Any]:
    clock.freeze(MONDAY + timedelta(hours=hour))
    worker = await market.user("worker", name="李师傅")
    answer = await market.accept(job_id, worker)
    assert answer.status_code == 201, answer.text
    return {**worker, "order": answer.json()["order"]["id"]}


async def _act(client: Any, who: dict[str, Any], order: int, act: str, body: Any = None) -> None:
    response = await client.post(f"/api/orders/{order}/{act}", headers=who["headers"], json=body)
    assert response.status_code == 200, response.text


async def build(client: Any, market: Any) -> dict[str, Any]:
    """The whole history; the clock ends on Friday 12-11 at 10:00 UTC."""
    ids = await stations()
    await seekers(market)
    clock.freeze(MONDAY)
    boss = await market.user("employer", name="张老板")
    job1 = await _post(market, boss, SITE_A, "搬运工", 2)
    job2 = await _post(market, boss, SITE_A, "电工", 3)
    job3 = await _post(market, boss, SITE_B, "搬运工", 1)
    job4 = await _post(market, boss, SITE_A, "搬运工", 4)
    extra = [await _post(market, boss, SITE_A, "搬运工", 1) for _ in range(3)]
    cancelled = await client.post(f"/api/jobs/{job4}/cancel", headers=boss["headers"], json={})
    assert cancelled.status_code == 200, cancelled.text
    w3 = await _take(market, job2, 1)
    await _take(market, extra[0], 1)
    w1 = await _take(market, job1, 2)
    await _take(market, extra[1], 2)
    w4 = await _take(market, job3, 3)
    await _take(market, extra[2], 4)
    w2 = await _take(market, job1, 5)
    clock.freeze(START + timedelta(minutes=5))
    for worker, site in ((w1, SITE_A), (w3, SITE_A), (w4, SITE_B)):
        await _act(client, worker, worker["order"], "check-in", site)
    clock.freeze(START + timedelta(hours=8))
    await _act(client, boss, w1["order"], "complete")
    await _act(client, boss, w3["order"], "complete")
    await _act(client, boss, w2["order"], "no-show", {"note": "电话不接，人没来"})
    await _act(client, boss, w1["order"], "paid", {"amount_fen": 25000})
    await _act(client, w1, w1["order"], "confirm-payment")
    clock.freeze(datetime(2026, 12, 11, 10, 0, tzinfo=UTC))
    await _act(client, boss, w3["order"], "paid", {"amount_fen": 20000, "note": "扣了迟到"})
    return {"stations": ids, "boss": boss}
