"""Employer credit grades over HTTP: earned through real deals, explained, noticed before a fall, reviewed by the
bureau, and doing what each grade does (C caps open jobs, D bars posting and holds the jobs; A ranks above C)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from market.core import clock
from market.credit.grading import grade_employers
from market.notifications.tables import OutboxMessage
from market.settings import reset_settings
from market.wages.watch import scan_wages
from tests.market.api.credit_helpers import grade, review, whole_deal
from tests.market.api.ranking_helpers import place, skill, starting_in, worker_with
from tests.market.api.wage_helpers import at, deal, station


@pytest.fixture
def two_deals_suffice(monkeypatch: pytest.MonkeyPatch):
    """The minimum number of deals before anyone leaves B set to 2 (the default is 5)."""
    monkeypatch.setenv("LINGGONG_CREDIT_MIN_DEALS", "2")
    reset_settings()
    yield
    monkeypatch.delenv("LINGGONG_CREDIT_MIN_DEALS")
    reset_settings()


async def _events(user_id: int, prefix: str = "credit_") -> list[str]:
    rows = await OutboxMessage.select(OutboxMessage.event).where(OutboxMessage.recipient == user_id)
    return sorted(r["event"] for r in rows if r["event"].startswith(prefix))


async def test_a_new_employer_is_b_because_the_deals_are_too_few(client, market):
    employer = await market.user("employer", name="新老板")
    answer = await grade(client, employer["id"], employer, **{"Accept-Language": "en"})
    assert (answer["grade"], answer["pending"], answer["history"]) == ("B", None, [])
    assert answer["grade_text"] == "B: standard"


async def test_paying_on_time_earns_a_once_the_minimum_deals_are_done(client, market, two_deals_suffice):
    employer = await market.user("employer", name="守信老板")
    worker = await market.user("worker", name="李师傅")
    first = await whole_deal(client, market, employer, worker, 0)
    assert (await grade(client, employer["id"], employer))["grade"] == "B"
    second = await whole_deal(client, market, employer, worker, 1)
    answer = await grade(client, employer["id"], employer, **{"Accept-Language": "en"})
    assert answer["grade"] == "A"
    on_time = next(r for r in answer["reasons"] if r["code"] == "credit_on_time")
    assert on_time["text"] == "100% paid on time (0 of 2 late)"
    assert on_time["order_ids"] == []
    assert [(h["from_grade"], h["grade"], h["by_id"]) for h in answer["history"]] == [("B", "A", None)]
    assert "credit_grade_changed" in await _events(employer["id"])
    assert first < second


async def test_paying_late_keeps_b_and_names_the_late_deals(client, market, two_deals_suffice):
    employer = await market.user("employer", name="拖延老板")
    worker = await market.user("worker", name="王师傅")
    await whole_deal(client, market, employer, worker, 0)
    late = await whole_deal(client, market, employer, worker, 1, late=True)
    answer = await grade(client, employer["id"], employer)
    assert answer["grade"] == "B"
    reason = next(r for r in answer["reasons"] if r["code"] == "credit_late_pay")
    assert reason["order_ids"] == [late]
    assert reason["text"] == "按时付款仅50%（2单中1单逾期）"


async def _red_warning_upheld(client, market, cases_staff) -> dict:
    """An employer whose unpaid deal went red (a case opened by itself) and the case closed upheld."""
    world = await deal(market)
    at(18)  # the seventh working day past the pay-by time: red, a case opens
    await scan_wages()
    case = (await client.get("/api/cases", headers=cases_staff["headers"])).json()["items"][0]
    closed = await client.post(f"/api/cases/{case['id']}/close", headers=cases_staff["headers"],
                               json={"outcome": "recovered_full", "note": "已全额追回"})
    assert closed.status_code == 200, closed.text
    return {**world, "case_id": case["id"]}


async def test_a_red_warning_upheld_gives_notice_then_the_fall_to_c_when_the_period_ends(client, market):
    staff = await station(market)
    supervisor = await market.user("supervisor", name="监管员")
    world = await _red_warning_upheld(client, market, staff)
    employer = world["employer"]
    answer = await grade(client, employer["id"], employer)
    assert answer["grade"] == "B"  # not yet: notice first
    assert answer["computed_grade"] == "C"
    pending = answer["pending"]
    assert pending["to_grade"] == "C"
    assert pending["reasons"][0]["code"] == "credit_red_upheld"
    assert pending["reasons"][0]["case_ids"] == [world["case_id"]]
    assert pending["reasons"][0]["order_ids"] == [world["order"]["id"]]
    assert "credit_fall_notice" in await _events(employer["id"])
    answered = await client.post(f"/api/employers/{employer['id']}/grade/response", headers=employer["headers"],
                                 json={"text": "工钱已经全部补发，请复核"})
    assert answered.status_code == 200, answered.text
    assert (await grade(client, employer["id"], supervisor))["pending"]["response"] == "工钱已经全部补发，请复核"
    clock.shift(timedelta(days=2))
    await grade_employers()
    assert (await grade(client, employer["id"], employer))["grade"] == "B"  # five working days not yet over
    clock.shift(timedelta(days=6))
    await grade_employers()
    after = await grade(client, employer["id"], employer)
    assert (after["grade"], after["pending"]) == ("C", None)
    assert [(h["from_grade"], h["grade"]) for h in after["history"]] == [("B", "C")]


async def test_a_supervisor_overruling_a_notice_keeps_the_grade_with_the_reason_recorded(client, market):
    staff = await station(market)
    supervisor = await market.user("supervisor", name="监管员")
    world = await _red_warning_upheld(client, market, staff)
    employer = world["employer"]
    reviewed = await review(client, employer["id"], supervisor, grade="B", reason="已补发全部工钱，属初次，维持B级")
    assert (reviewed["grade"], reviewed["pending"]) == ("B", None)
    assert reviewed["override"]["note"] == "已补发全部工钱，属初次，维持B级"
    assert reviewed["history"][0]["by_id"] == supervisor["id"]
    clock.shift(timedelta(days=10))
    await grade_employers()
    assert (await grade(client, employer["id"], employer))["grade"] == "B"
    back = await review(client, employer["id"], supervisor, grade=None, reason="交回规则评定")
    assert back["override"] is None
    assert back["pending"]["to_grade"] == "C"  # the rules give notice again


async def test_grade_c_caps_open_jobs_at_posting(client, market):
    employer = await market.user("employer", name="预警老板")
    supervisor = await market.user("supervisor")
    await review(client, employer["id"], supervisor, grade="C", reason="多次拖欠，列入信用预警")
    for _ in range(3):
        await market.job(employer, **starting_in(timedelta(days=2)))
    refused = await client.post("/api/jobs", json=market.job_body(**starting_in(timedelta(days=2))),
                                headers={**employer["headers"], "Accept-Language": "en"})
    assert refused.status_code == 409
    body = refused.json()
    assert (body["code"], body["fields"]) == ("credit_open_jobs_cap", [])
    assert "at most 3 open jobs" in body["detail"]
    zh = await client.post("/api/jobs", json=market.job_body(**starting_in(timedelta(days=2))),
                           headers=employer["headers"])
    assert "信用预警" in zh.json()["detail"]
    listed = (await client.get("/api/jobs", headers=employer["headers"])).json()
    assert {(j["employer"]["credit_grade"], j["employer"]["credit_warning"]) for j in listed["items"]} == {("C", True)}
    shared = (await client.get(f"/api/jobs/{listed['items'][0]['id']}/public")).json()
    assert shared["employer"]["credit_warning"] is True


async def test_grade_d_bars_posting_holds_the_jobs_and_lists_the_employer_until_lifted(client, market):
    employer = await market.user("employer", name="失信老板")
    supervisor = await market.user("supervisor")
    admin = await market.user("admin")
    job = await market.job(employer, skills=["电工"], location=place(1), **starting_in(timedelta(days=2)))
    worker = await worker_with(client, market, "赵师傅", [skill("电工", certified=True)], 0)
    assert [j["id"] for j in (await client.get("/api/jobs", headers=worker["headers"])).json()["items"]] == [job["id"]]
    reviewed = await review(client, employer["id"], supervisor, grade="D", reason="恶意欠薪经查实，列入失信名单")
    assert (reviewed["grade"], reviewed["barred"]) == ("D", True)
    assert reviewed["lift_on"] is not None
    assert (await client.get("/api/jobs", headers=worker["headers"])).json()["items"] == []
    assert (await client.get(f"/api/jobs/{job['id']}", headers=worker["headers"])).json()["status"] == "held"
    refused = await client.post("/api/jobs", json=market.job_body(), headers=employer["headers"])
    assert (refused.status_code, refused.json()["code"]) == (403, "employer_barred")
    barred = (await client.get("/api/credit/barred", headers=admin["headers"])).json()
    assert barred["total"] == 1
    entry = barred["items"][0]
    assert (entry["employer_id"], entry["held_jobs"]) == (employer["id"], 1)
    assert entry["note"] == "恶意欠薪经查实，列入失信名单"
    assert entry["lift_on"] == reviewed["lift_on"]
    lifted = await review(client, employer["id"], supervisor, grade="B", reason="已整改并补发，解除失信")
    assert (lifted["grade"], lifted["barred"], lifted["lift_on"]) == ("B", False, None)
    assert [j["id"] for j in (await client.get("/api/jobs", headers=worker["headers"])).json()["items"]] == [job["id"]]
    assert (await client.get("/api/credit/barred", headers=supervisor["headers"])).json()["total"] == 0


async def test_a_review_needs_a_written_reason_in_words(client, market):
    employer = await market.user("employer")
    supervisor = await market.user("supervisor")
    response = await client.post(f"/api/employers/{employer['id']}/grade/review", headers={
        **supervisor["headers"], "Accept-Language": "en"}, json={"grade": "A", "reason": "ok"})
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "reason"
    assert (await grade(client, employer["id"], supervisor))["history"] == []


async def test_answering_without_a_notice_is_refused(client, market):
    employer = await market.user("employer")
    response = await client.post(f"/api/employers/{employer['id']}/grade/response", headers=employer["headers"],
                                 json={"text": "我要申辩一下"})
    assert (response.status_code, response.json()["code"]) == (409, "credit_no_notice")


async def test_the_radar_ranks_an_a_employers_job_above_an_otherwise_equal_c_ones(client, market):
    supervisor = await market.user("supervisor")
    good, poor = await market.user("employer", name="甲"), await market.user("employer", name="乙")
    await review(client, good["id"], supervisor, grade="A", reason="测试：守信")
    await review(client, poor["id"], supervisor, grade="C", reason="测试：预警")
    later = starting_in(timedelta(days=3))
    poor_job = await market.job(poor, title="电工活", skills=["电工"], location=place(1), **later)
    good_job = await market.job(good, title="电工活", skills=["电工"], location=place(1), **later)
    worker = await worker_with(client, market, "钱师傅", [skill("电工", certified=True)], 0)
    items = (await client.get("/api/jobs", headers=worker["headers"])).json()["items"]
    assert [j["id"] for j in items] == [good_job["id"], poor_job["id"]]
    assert items[0]["score"] > items[1]["score"]


async def _admin_bar(client, admin, employer_id, act, **headers):
    return await client.post(f"/api/admin/employers/{employer_id}/{act}", headers={**admin["headers"], **headers},
                             json={"reason": "后台核查"})


async def test_an_admin_cannot_unbar_a_d_employer_and_the_review_that_lifts_d_lifts_the_bar(client, market):
    employer = await market.user("employer", name="失信老板")
    supervisor, admin = await market.user("supervisor"), await market.user("admin")
    await review(client, employer["id"], supervisor, grade="D", reason="恶意欠薪经查实，列入失信名单")
    refused = await _admin_bar(client, admin, employer["id"], "unbar", **{"Accept-Language": "en"})
    assert (refused.status_code, refused.json()["code"]) == (409, "employer_barred_by_credit")
    assert f"/api/employers/{employer['id']}/grade/review" in refused.json()["detail"]
    still = await grade(client, employer["id"], supervisor)
    assert (still["grade"], still["barred"]) == ("D", True), "nothing changed: the grade and the bar agree"
    assert (await client.post("/api/jobs", json=market.job_body(), headers=employer["headers"])).status_code == 403
    lifted = await review(client, employer["id"], supervisor, grade="B", reason="已整改并补发，解除失信")
    assert (lifted["grade"], lifted["barred"]) == ("B", False)
    assert (await client.post("/api/jobs", json=market.job_body(), headers=employer["headers"])).status_code == 201
    # a plain back-office bar (not from credit) still works both ways
    assert (await _admin_bar(client, admin, employer["id"], "bar")).json()["barred"] is True
    assert (await _admin_bar(client, admin, employer["id"], "unbar")).json()["barred"] is False


async def test_an_admin_bar_from_before_d_outlives_the_d_and_is_lifted_by_the_admin(client, market):
    employer = await market.user("employer", name="被后台禁止的老板")
    supervisor, admin = await market.user("supervisor"), await market.user("admin")
    assert (await _admin_bar(client, admin, employer["id"], "bar")).status_code == 200
    await review(client, employer["id"], supervisor, grade="D", reason="恶意欠薪经查实，列入失信名单")
    refused = await _admin_bar(client, admin, employer["id"], "unbar")
    assert (refused.status_code, refused.json()["code"]) == (409, "employer_barred_by_credit")
    assert "复核" in refused.json()["detail"]
    lifted = await review(client, employer["id"], supervisor, grade="B", reason="已整改并补发，解除失信")
    assert (lifted["grade"], lifted["barred"]) == ("B", True), "the back office's own bar stays"
    unbarred = await _admin_bar(client, admin, employer["id"], "unbar")
    assert (unbarred.status_code, unbarred.json()["barred"]) == (200, False)
