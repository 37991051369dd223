"""The alert tiers' audience is the same whether ranked in the process's live matching state or in an index of the
workers near the job built for the tier: the same workers in the same order, the busy, the far, the holders of an
order and those told before left out, a worker who joined after the state was built included."""

from __future__ import annotations

from datetime import timedelta

from market.alerts.audience import tier_audience
from market.alerts.sending import send_due_alerts
from market.alerts.tables import JobAlert
from market.core import clock
from market.jobs.tables import Job
from market.ranking.state import LiveMatching
from tests.market.api.alert_helpers import alerts_on, mover, posted


async def _job_row(job_id: int):
    return await Job.select().where(Job.id == job_id).output(load_json=True).first()


async def _audiences(row, live: LiveMatching) -> dict[str, tuple[list[int], list[int]]]:
    return {tier: (await tier_audience(row, tier), await tier_audience(row, tier, live))
            for tier in ("ranked", "nearby")}


async def test_the_live_state_ranks_the_tiers_as_an_index_of_the_nearby_workers_does(client, market):
    clock.freeze(clock.now())
    employer = await market.user("employer")
    live = LiveMatching()
    workers = []
    for index, (km, years) in enumerate([(0.5, 10), (3.0, 1), (6.0, 3), (2.0, 3), (9.5, 8), (12.0, 10), (1.0, 5)]):
        worker = await mover(client, market, f"工人{index}", km_north=km, years=years)
        await alerts_on(client, worker)
        workers.append(worker)
        if index == 2:
            await live.current()  # built here: the later workers reach it by its poll
    job = await posted(market, employer, headcount=5)
    clash = await posted(market, employer, headcount=1, title="同一时间的活")
    assert (await market.accept(clash["id"], workers[3])).status_code == 201, "busy at the time: left out"
    assert (await market.accept(job["id"], workers[6])).status_code == 201, "holds an order: left out"
    row = await _job_row(job["id"])
    audiences = await _audiences(row, live)
    ranked, ranked_live = audiences["ranked"]
    assert ranked == ranked_live
    assert set(ranked) == {w["id"] for w in (workers[0], workers[1], workers[2], workers[4])}
    assert ranked[0] == workers[0]["id"], "the nearest, most seasoned first"
    assert audiences["nearby"][0] == audiences["nearby"][1]

    clock.shift(timedelta(minutes=11))
    assert await send_due_alerts(live) > 0  # the pool (empty) and the ranked tier, ranked in the live state
    told = {r["worker"] for r in await JobAlert.select(JobAlert.worker).where(JobAlert.job == job["id"])}
    assert told == set(ranked)
    nearby, nearby_live = (await _audiences(row, live))["nearby"]
    assert nearby == nearby_live == [], "nobody hears of a job twice"
