"""Filing a wage complaint: who may, when, how much, through which channel; joining into one case; retries."""

from __future__ import annotations

from market.cases.tables import CaseEvent, Claimant, WageCase
from market.notifications.tables import OutboxMessage
from market.orders.events import PaymentDisputed
from market.stations.walk_in_tables import OnBehalfAct
from tests.market.api.test_accept import signature_png
from tests.market.cases.conftest import past_pay_by, starting_tomorrow


async def test_a_complaint_before_the_pay_by_time_is_refused_with_the_reason(cases, deal):
    order = deal["orders"][0]
    refused = await cases.complain(order["id"], deal["first"], expect=409, headers={"Accept-Language": "en"})
    assert refused["code"] == "complaint_not_due"
    assert "Pay is not due until" in refused["detail"]
    assert await WageCase.count() == 0
    other = await cases.complain(order["id"], deal["first"], kind="other", amount_fen=0, note="老板态度恶劣")
    assert other["complaint"]["kind"] == "other"


async def test_an_unpaid_complaint_opens_a_case_at_the_station_near_the_site(cases, deal, calls_recorded):
    past_pay_by()
    order = deal["orders"][0]
    result = await cases.complain(order["id"], deal["first"], note="干完活一直没给钱")
    case, complaint = result["case"], result["complaint"]
    assert case["status"] == "received"
    assert case["outcome"] == ""
    assert case["station"]["id"] == deal["staff"]["station_id"]
    assert case["employer"] == {"id": deal["employer"]["id"], "name": "张老板"}
    assert case["claimed_fen"] == 10000
    assert case["claimant_count"] == 1
    assert case["deadline"]["state"] == "received"
    assert case["deadline"]["working_days"] == 1
    assert complaint["channel"] == "app"
    assert not complaint["filed_by_staff"]
    assert complaint["order_id"] == order["id"]
    assert complaint["worker"]["name"] == "李四"
    assert case["link"].endswith(f"/#/cases/{case['id']}")
    told = {(m["event"], m["recipient"]) for m in await OutboxMessage.select(OutboxMessage.event,
                                                                           OutboxMessage.recipient)}
    assert {("case_filed", deal["first"]["id"]), ("case_filed", deal["employer"]["id"]),
            ("case_filed", deal["staff"]["id"])} <= told
    disputed = [e for e in calls_recorded if isinstance(e, PaymentDisputed)]
    assert [(e.order_id, e.kind, e.amount_fen, e.complaint_id) for e in disputed] == [
        (order["id"], "unpaid", 10000, complaint["id"])]


async def test_someone_elses_order_is_not_found_and_an_employer_may_not_file(cases, deal, market):
    past_pay_by()
    stranger = await market.user("worker")
    missing = await cases.complain(deal["orders"][0]["id"], stranger, expect=404)
    assert missing["code"] == "order_not_found"
    refused = await cases.complain(deal["orders"][0]["id"], deal["employer"], expect=403)
    assert refused["code"] == "role_required"


async def test_amounts_must_be_positive_and_within_what_the_order_could_owe(cases, deal):
    past_pay_by()
    order = deal["orders"][0]
    headers = {"Accept-Language": "zh-CN"}
    too_much = await cases.complain(order["id"], deal["first"], expect=400, amount_fen=order["agreed_pay_fen"] + 1,
                                    headers=headers)
    assert too_much["fields"][0]["field"] == "amount_fen"
    assert too_much["fields"][0]["message"] == f"金额不能大于 {order['agreed_pay_fen']} 分"
    nothing = await cases.complain(order["id"], deal["first"], expect=400, amount_fen=0)
    assert nothing["fields"][0]["field"] == "amount_fen"
    wrong_kind = await cases.complain(order["id"], deal["first"], expect=400, kind="stolen")
    assert wrong_kind["fields"][0]["field"] == "kind"
    assert await WageCase.count() == 0


async def test_a_retry_with_the_same_key_gets_the_first_answer_and_a_second_complaint_is_refused(cases, deal):
    past_pay_by()
    order_id = deal["orders"][0]["id"]
    first = await cases.complain(order_id, deal["first"], headers={"Idempotency-Key": "k-1"})
    again = await cases.complain(order_id, deal["first"], headers={"Idempotency-Key": "k-1"})
    assert again["complaint"]["id"] == first["complaint"]["id"]
    assert await Claimant.count() == 1
    assert await CaseEvent.count() == 1
    twice = await cases.complain(order_id, deal["first"], expect=409)
    assert twice["code"] == "complaint_already_filed"
    assert first["case"]["number"] in twice["detail"]


async def test_complaints_about_one_employer_and_month_join_one_case_each_keeping_their_own(cases, deal, market):
    past_pay_by()
    one = await cases.complain(deal["orders"][0]["id"], deal["first"], amount_fen=10000)
    two = await cases.complain(deal["orders"][1]["id"], deal["second"], kind="underpaid", amount_fen=5000)
    assert two["case"]["id"] == one["case"]["id"]
    assert two["case"]["claimant_count"] == 2
    assert two["case"]["claimed_fen"] == 15000
    assert [c["worker"]["id"] for c in two["case"]["claimants"]] == [deal["second"]["id"]]  # a worker sees their own
    seen_by_staff = await cases.get(one["case"]["id"], deal["staff"])
    assert sorted(c["amount_fen"] for c in seen_by_staff["claimants"]) == [5000, 10000]
    assert [e["kind"] for e in seen_by_staff["trail"]] == ["filed", "joined"]
    seen_by_first = await cases.get(one["case"]["id"], deal["first"])
    assert seen_by_first["trail"][1]["details"] == {}  # another claimant's filing, without their name or amount
    other_employer = await market.user("employer")
    job = await market.job(other_employer, headcount=1, **starting_tomorrow())
    order = (await market.accept(job["id"], deal["first"])).json()["order"]
    past_pay_by()
    three = await cases.complain(order["id"], deal["first"])
    assert three["case"]["id"] != one["case"]["id"]


async def test_staff_file_for_a_walk_in_with_consent_and_for_a_hotline_caller(cases, deal, market):
    past_pay_by()
    staff = deal["staff"]
    walk_in = await market.walk_in(staff)
    job = await market.job(deal["employer"], headcount=1, **starting_tomorrow())
    body = {"consent": "staff_signature", "worker_id": walk_in["id"], "signature_png": signature_png()}
    accepted = await market.client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"], json=body)
    assert accepted.status_code == 201, accepted.text
    walk_in_order = accepted.json()["order"]
    past_pay_by()
    missing = await cases.complain(walk_in_order["id"], staff, expect=400)
    assert missing["fields"][0]["field"] == "channel"
    filed = await cases.complain(walk_in_order["id"], staff, channel="station")
    assert filed["complaint"]["filed_by_staff"]
    assert filed["complaint"]["channel"] == "station"
    assert await OnBehalfAct.exists().where(OnBehalfAct.act == "complaint")
    no_consent = await cases.complain(deal["orders"][0]["id"], staff, expect=403, channel="station")
    assert no_consent["code"] == "not_a_walk_in"
    hotline = await cases.complain(deal["orders"][0]["id"], staff, channel="hotline_12333", note="电话反映")
    assert hotline["complaint"]["channel"] == "hotline_12333"
    worker_channel = await cases.complain(deal["orders"][1]["id"], deal["second"], expect=400, channel="station")
    assert worker_channel["fields"][0]["field"] == "channel"
