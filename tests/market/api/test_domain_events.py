"""Domain events: every subscriber installed at start-up runs for every event that concerns it, in the writer's
transaction or after its commit, and its effect is there; nothing runs for a write that rolled back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from market.alerts.sending import send_due_alerts
from market.alerts.tables import AlertTierPlan
from market.background import wiring
from market.cases.scan import scan_cases
from market.cases.tables import WageCase
from market.contracts.tables import Contract, SigningCredential, StandingAuthorisation
from market.core import clock, events
from market.core.database import write_transaction
from market.courses.suggesting import run_suggestions
from market.demo.seed import seed_city
from market.jobs.events import JobPosted
from market.notifications.tables import OutboxMessage
from market.orders.events import PaymentDisputed
from market.ranking.tables import MatchingChange
from market.stats.tables import StaleJob
from market.wages.tables import WageWarning
from market.wages.watch import scan_wages, settle_orders
from tests.market.api.alert_helpers import alerts_on, posted
from tests.market.api.course_helpers import course_body, on_record
from tests.market.api.ranking_helpers import skill, worker_with

SITE = {"lat": 24.5116, "lon": 117.6443}


@pytest.fixture
def calls(monkeypatch):
    """Install the start-up subscriptions with every handler wrapped to note (event, subscriber) when it runs."""
    seen: set[tuple[str, str]] = set()
    monkeypatch.setattr(wiring, "nudge_dispatcher", lambda: seen.add(("nudge", "called")))
    table = wiring.install()
    for event_type, subscribers in table.by_type.items():
        for index, subscriber in enumerate(subscribers):
            async def spy(event, _inner=subscriber.handler, _name=subscriber.name, _type=event_type.__name__):
                seen.add((_type, _name))
                await _inner(event)

            subscribers[index] = events.Subscriber(subscriber.name, spy, subscriber.phase)
    yield seen
    wiring.install()


async def _events_of(user_id: int) -> list[str]:
    rows = await OutboxMessage.select(OutboxMessage.event).where(OutboxMessage.recipient == user_id)
    return sorted(r["event"] for r in rows)


async def _changes(kind: str) -> set[int]:
    return {r["entity_id"] for r in await MatchingChange.select(MatchingChange.entity_id).where(
        MatchingChange.kind == kind)}


async def _post(client, who, path, body=None):
    response = await client.post(path, headers=who["headers"], json=body)
    assert response.status_code in (200, 201), response.text
    return response.json()


async def test_every_subscriber_runs_for_each_event_that_concerns_it(client, market, phones, calls):
    employer = await market.user("employer")
    first, second, third = await market.workers(3)
    staff = await market.station_staff()
    walk_in = await market.walk_in(staff)

    job = await market.job(employer, headcount=2)
    assert job["id"] in await _changes("job")
    assert await StandingAuthorisation.exists().where(StandingAuthorisation.job == job["id"])
    assert await SigningCredential.exists().where(SigningCredential.user == employer["id"])
    assert await StaleJob.exists().where(StaleJob.job == job["id"]), "the figures mark the job to be recounted"

    response = await client.put("/api/workers/me", headers=first["headers"], json={"max_distance_km": 7})
    assert response.status_code == 200, response.text
    assert first["id"] in await _changes("worker")

    kept = (await market.accept(job["id"], first)).json()
    cancelled = (await market.accept(job["id"], second)).json()
    assert "job_filled" in await _events_of(employer["id"])
    assert {kept["order"]["id"], cancelled["order"]["id"]} <= await _changes("order")
    assert kept["contract"] is not None
    assert await Contract.exists().where(Contract.order == kept["order"]["id"])
    assert "order_accepted" in await _events_of(first["id"])

    await _post(client, second, f"/api/orders/{cancelled['order']['id']}/cancel", {"reason": "家里有事"})
    assert await Contract.select(Contract.status).where(
        Contract.order == cancelled["order"]["id"]).first() == {"status": "cancelled"}
    assert "order_cancelled" in await _events_of(employer["id"])

    other_job = await market.job(employer, headcount=1)
    no_show = (await market.accept(other_job["id"], third)).json()["order"]

    clock.shift(timedelta(days=1, minutes=5))
    order = f"/api/orders/{kept['order']['id']}"
    await _post(client, first, f"{order}/check-in", SITE)
    await _post(client, employer, f"{order}/complete")
    await _post(client, employer, f"{order}/paid", {"amount_fen": kept["order"]["agreed_pay_fen"]})
    await _post(client, first, f"{order}/confirm-payment")
    assert {"order_checked_in", "payment_confirmed"} <= set(await _events_of(employer["id"]))
    assert {"order_completed", "order_paid"} <= set(await _events_of(first["id"]))
    # ratings (issue 13): the employer rates, the worker objects, staff uphold: matching hears of the worker
    await _post(client, employer, f"{order}/rating", {"stars": 2, "tags": ["准时"]})
    objection = await _post(client, first, f"{order}/rating/objection", {"reason": "不属实"})
    await _post(client, staff, f"/api/rating-objections/{objection['id']}/decision",
                {"upheld": True, "note": "核实属实"})

    clock.shift(timedelta(minutes=60))
    absent = f"/api/orders/{no_show['id']}"
    await _post(client, employer, f"{absent}/no-show", {"note": "人没来"})
    await _post(client, third, f"{absent}/no-show/objection", {"note": "我去了，工地关门"})
    await _post(client, staff, f"{absent}/no-show/objection/decision", {"upheld": True, "note": "核实属实"})
    assert {"order_no_show", "no_show_overturned"} <= set(await _events_of(third["id"]))
    assert "no_show_objection" in await _events_of(employer["id"])

    late_job = await market.job(employer, headcount=1, starts_at=(clock.now() + timedelta(days=2)).isoformat(),
                                ends_at=(clock.now() + timedelta(days=2, hours=8)).isoformat())
    fourth = await market.user("worker")
    doomed = (await market.accept(late_job["id"], fourth)).json()["order"]
    await _post(client, employer, f"/api/jobs/{late_job['id']}/cancel")
    assert "job_cancelled" in await _events_of(employer["id"])
    assert "order_cancelled" in await _events_of(fourth["id"])
    status = await client.get(f"/api/orders/{doomed['id']}", headers=fourth["headers"])
    assert status.json()["status"] == "cancelled"

    sent = await client.post(f"/api/walk-ins/{walk_in['id']}/consent-codes", headers=staff["headers"],
                             json={"job_id": other_job["id"]})
    assert sent.status_code == 201, sent.text
    assert "consent_code" in await _events_of(walk_in["id"])

    # wage cases (issue 12): filed, assigned, the employer's reply, closed, 未解决 reopens, the clocks' scan, red
    complaint = await _post(client, first, f"{order}/complaints", {"kind": "other", "note": "加班费没算"})
    case = f"/api/cases/{complaint['case']['id']}"
    assert "case_filed" in await _events_of(employer["id"])
    await _post(client, staff, f"{case}/assign", {"owner_id": staff["id"]})
    await _post(client, employer, f"{case}/reply", {"text": "加班费会补上"})
    await _post(client, staff, f"{case}/close", {"outcome": "withdrawn"})
    assert "case_closed" in await _events_of(first["id"])
    await _post(client, first, f"{case}/follow-up", {"resolved": False, "note": "还没给"})
    assert {"case_assigned", "case_replied", "case_reopened"} <= set(await _events_of(staff["id"]))
    clock.shift(timedelta(days=30))
    assert await scan_cases() == 2  # reminded, then overdue and escalated
    assert {"case_due_soon", "case_escalated"} <= set(await _events_of(staff["id"]))
    # wages: the overturned no-show's order and two more go unpaid past their pay-by time: three workers, red
    wage_job = await market.job(employer, headcount=2, starts_at=(clock.now() + timedelta(hours=2)).isoformat(),
                                ends_at=(clock.now() + timedelta(hours=4)).isoformat())
    unpaid = [(await market.accept(wage_job["id"], await market.user("worker"))).json()["order"] for _ in range(2)]
    clock.shift(timedelta(days=3))
    await scan_wages()
    assert "wage_warning_red" in await _events_of(employer["id"])
    assert await WageCase.exists().where(WageCase.source == "warning"), "a red warning opens a case by itself"
    late_job = await market.job(employer, headcount=1, starts_at=(clock.now() + timedelta(hours=2)).isoformat(),
                                ends_at=(clock.now() + timedelta(hours=4)).isoformat())
    latecomer = await market.user("worker")
    joined = (await market.accept(late_job["id"], latecomer)).json()["order"]
    clock.shift(timedelta(days=2))
    await scan_wages()  # joins the red warning (widened)
    assert "wage_overdue" in await _events_of(latecomer["id"])
    async with write_transaction():
        events.record(PaymentDisputed(order_id=joined["id"], job_id=late_job["id"], worker_id=latecomer["id"],
                                      employer_id=employer["id"], title="x", starts_at=clock.now(), worker_name="x",
                                      actor_id=latecomer["id"], kind="unpaid"))
    async with write_transaction():
        await settle_orders([no_show["id"], joined["id"], *(order["id"] for order in unpaid)], "recovered")
    assert "wage_warning_closed" in await _events_of(employer["id"])
    assert await WageWarning.count().where(WageWarning.closed_at.is_null()) == 0
    asked = await client.post("/api/auth/sms-code", json={"phone": market.next_phone(), "purpose": "register"})
    assert asked.status_code == 202, asked.text
    assert await OutboxMessage.exists().where(OutboxMessage.event == "account_code_register")

    # alerts (issue 13): a posted job's tiers, an invitation to a candidate, the alert the tiers send
    mover = await worker_with(client, market, "许师傅", [skill("搬运工")], 1.0)
    await alerts_on(client, mover)
    alerted_job = await posted(market, employer)
    assert await AlertTierPlan.count().where(AlertTierPlan.job == alerted_job["id"]) == 3
    await _post(client, employer, f"/api/jobs/{alerted_job['id']}/invitations", {"worker_id": mover["id"]})
    assert "job_invitation" in await _events_of(mover["id"])
    await posted(market, employer)
    clock.shift(timedelta(minutes=25))
    assert await send_due_alerts() == 1, "the invited job is not alerted again, the other one is"
    assert "job_alert" in await _events_of(mover["id"])

    # the back office (issue 14): a bar takes the employer's open jobs off the radar, a closed account its
    # worker off the candidates, a trade added reaches the taxonomy at once
    admin = await market.user("admin")
    barred_job = await market.job(employer, headcount=1, starts_at=(clock.now() + timedelta(days=1)).isoformat(),
                                  ends_at=(clock.now() + timedelta(days=1, hours=8)).isoformat())
    await MatchingChange.delete().where(MatchingChange.entity_id == barred_job["id"])
    for act in ("bar", "unbar"):
        await _post(client, admin, f"/api/admin/employers/{employer['id']}/{act}", {"reason": "核实"})
        assert barred_job["id"] in await _changes("job")
        await MatchingChange.delete().where(MatchingChange.entity_id == barred_job["id"])
    await MatchingChange.delete().where(MatchingChange.entity_id == third["id"])
    for act in ("deactivate", "reactivate"):
        await _post(client, admin, f"/api/admin/users/{third['id']}/{act}", {"reason": "核实"})
        assert third["id"] in await _changes("worker")
    added = await _post(client, admin, "/api/admin/trades", {"kind": "synonym", "trade": "tiler", "name": "贴砖佬"})
    assert "贴砖佬" in added["added"]
    assert (await client.get("/api/trades/suggest", params={"q": "贴砖佬"})).json()["items"][0]["code"] == "tiler"
    # training courses (issue 14): an admin's course goes to the admin log, a suggestion to the worker's inbox
    course = await _post(client, admin, "/api/courses", course_body())
    log = (await client.get("/api/admin/log", headers=admin["headers"])).json()["items"]
    assert (log[0]["kind"], log[0]["subject_id"]) == ("course_created", course["id"])
    await on_record("electrician", [2.4, 2.0, 1.8])
    sparky = await worker_with(client, market, "水电林师傅", [skill("水电工")], km_north=0)
    assert await run_suggestions() >= 1
    assert "course_suggestion" in await _events_of(sparky["id"])
    out = await client.post("/api/auth/logout", headers=fourth["headers"])  # ends the sessions every process knows
    assert out.status_code == 200, out.text
    assert fourth["id"] in await _changes("account")

    # credit grades (issue 13): the red warning's case closed upheld gives notice of a fall; the bureau bars them
    red_case = await WageCase.select(WageCase.id).where(WageCase.warning_id.is_not_null()).first()
    await _post(client, staff, f"/api/cases/{red_case['id']}/close", {"outcome": "recovered_full"})
    assert "credit_fall_notice" in await _events_of(employer["id"])
    supervisor = await market.user("supervisor")
    open_job = await market.job(employer, headcount=1, starts_at=(clock.now() + timedelta(days=1)).isoformat(),
                                ends_at=(clock.now() + timedelta(days=1, hours=8)).isoformat())
    await _post(client, supervisor, f"/api/employers/{employer['id']}/grade/review",
                {"grade": "D", "reason": "恶意欠薪经查实"})
    assert "credit_grade_changed" in await _events_of(employer["id"])
    held = await client.get(f"/api/jobs/{open_job['id']}", headers=employer["headers"])
    assert held.json()["status"] == "held"

    await seed_city(4, 3, seed=7)
    assert len(await _changes("worker")) >= 4
    assert len(await _changes("job")) >= 3

    table = {(kind, name) for kind, name, _ in events.installed().table()}
    assert table <= calls, f"subscribers never run: {sorted(table - calls)}"
    assert ("nudge", "called") in calls


async def test_a_write_that_rolls_back_runs_no_subscriber(market, calls):
    employer = await market.user("employer")
    before = await MatchingChange.count()
    async def failing_writer():
        async with write_transaction():
            events.record(JobPosted(job_id=999_999, employer_id=employer["id"], poster_id=employer["id"],
                                    channel="app"))
            raise RuntimeError("the writer failed after recording")

    with pytest.raises(RuntimeError):
        await failing_writer()
    assert await MatchingChange.count() == before
    assert not any(kind == "JobPosted" for kind, _ in calls)


async def test_an_event_recorded_outside_a_write_transaction_is_refused():
    with pytest.raises(RuntimeError, match="outside a write transaction"):
        events.record(JobPosted(job_id=1, employer_id=1, poster_id=1, channel="app"))
