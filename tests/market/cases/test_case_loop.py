"""A case's closed loop: assign, handle (notes, letters, the employer's reply and payment), close, follow-up,
reopen when the claimant says it is not solved; every act on the trail, retries harmless."""

from __future__ import annotations

import base64

from market.cases.tables import CaseEvent
from market.notifications.tables import OutboxMessage
from market.orders.tables import Order
from market.wages.tables import WageWarning
from tests.market.cases.conftest import past_pay_by

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


async def _filed(cases, deal):
    past_pay_by()
    one = await cases.complain(deal["orders"][0]["id"], deal["first"], amount_fen=20000)
    await cases.complain(deal["orders"][1]["id"], deal["second"], amount_fen=15000)
    return one["case"]["id"]


async def _told(event):
    return {m["recipient"] for m in await OutboxMessage.select(OutboxMessage.recipient).where(
        OutboxMessage.event == event)}


async def test_the_loop_from_assignment_to_archive(cases, deal, client):
    case_id = await _filed(cases, deal)
    staff, employer = deal["staff"], deal["employer"]
    assigned = await cases.act(case_id, "assign", staff, {"owner_id": staff["id"]})
    assert assigned["status"] == "assigned"
    assert assigned["owner"]["id"] == staff["id"]
    assert staff["id"] in await _told("case_assigned")
    again = await cases.act(case_id, "assign", staff, {"owner_id": staff["id"]})
    assert len(again["trail"]) == len(assigned["trail"])  # the same owner again changes nothing

    noted = await cases.act(case_id, "notes", staff, {"text": "已电话联系用工方", "attachments": [
        {"name": "现场.png", "content_base64": base64.b64encode(PNG).decode()}]})
    assert noted["status"] == "handling"
    photo = noted["files"][0]
    assert photo["media_type"] == "image/png"
    assert photo["size"] == len(PNG)
    downloaded = await client.get(photo["url"], headers=deal["first"]["headers"])
    assert downloaded.status_code == 200
    assert downloaded.content == PNG
    assert downloaded.headers["content-type"].startswith("image/png")

    letter = await cases.act(case_id, "letters", staff, {"kind": "reminder"})
    pdf = next(f for f in letter["files"] if f["media_type"] == "application/pdf")
    fetched = await client.get(pdf["url"], headers=employer["headers"])
    assert fetched.content.startswith(b"%PDF-")
    assert [e["details"].get("letter") for e in letter["trail"] if e["kind"] == "letter"] == ["reminder"]

    orders = deal["orders"]
    await Order.update({Order.status: "completed"}).where(Order.id.is_in([o["id"] for o in orders]))
    replied = await cases.act(case_id, "reply", employer, {"text": "已结清", "payments": [
        {"order_id": orders[0]["id"], "amount_fen": 20000}, {"order_id": orders[1]["id"], "amount_fen": 15000}]})
    assert replied["recovered_fen"] == 35000
    paid = await Order.select(Order.status, Order.paid_amount_fen).where(Order.id == orders[0]["id"]).first()
    assert paid == {"status": "paid", "paid_amount_fen": 20000}
    assert deal["first"]["id"] in await _told("order_paid")  # the order's own notice: the worker confirms there

    closed = await cases.act(case_id, "close", staff, {"outcome": "recovered_full", "note": "已全额支付"},
                             **{"Idempotency-Key": "close-1"})
    assert (closed["status"], closed["outcome"]) == ("closed", "recovered_full")
    assert closed["closed_at"] is not None
    assert closed["deadline"]["state"] == "closed"
    retried = await cases.act(case_id, "close", staff, {"outcome": "recovered_full", "note": "已全额支付"},
                              **{"Idempotency-Key": "close-1"})
    assert retried["trail"] == closed["trail"]
    twice = await cases.act(case_id, "close", staff, {"outcome": "recovered_full"}, expect=409)
    assert twice["code"] == "case_already_closed"
    assert {deal["first"]["id"], deal["second"]["id"]} <= await _told("case_closed")
    # Recovered in full: the employer's warning (yellow since the complaints) leaves the board.
    warnings = await WageWarning.select(WageWarning.closed_at).where(WageWarning.employer == employer["id"])
    assert warnings
    assert all(w["closed_at"] is not None for w in warnings)

    first = await cases.act(case_id, "follow-up", deal["first"], {"resolved": True})
    assert first["status"] == "closed"
    assert first["claimants"][0]["follow_up"]["by"] == "claimant"
    second = next(c["id"] for c in (await cases.get(case_id, staff))["claimants"]
                  if c["worker"]["id"] == deal["second"]["id"])
    done = await cases.act(case_id, "follow-up", staff, {"resolved": True, "note": "电话回访，已收到",
                                                         "complaint_id": second})
    assert done["status"] == "archived"
    assert done["deadline"] is None
    assert done["trail_intact"] is True
    kinds = [e["kind"] for e in done["trail"]]
    assert kinds[:3] == ["filed", "joined", "assigned"]
    assert {"note", "letter", "reply", "payment", "follow_up", "state"} <= set(kinds)


async def test_not_solved_reopens_the_case_and_it_no_longer_counts_as_closed_on_time(cases, deal):
    case_id = await _filed(cases, deal)
    staff = deal["staff"]
    await cases.act(case_id, "assign", staff, {"owner_id": staff["id"]})
    await cases.act(case_id, "close", staff, {"outcome": "recovered_partial", "recovered": []}, expect=400)
    seen = await cases.get(case_id, staff)
    ids = [c["id"] for c in seen["claimants"]]
    await cases.act(case_id, "close", staff, {"outcome": "recovered_partial", "recovered": [
        {"complaint_id": ids[0], "amount_fen": 10000}]})
    figures = (await cases.client.get("/api/cases/figures", headers=staff["headers"])).json()
    assert (figures["closed"], figures["closed_on_time"], figures["on_time_rate"]) == (1, 1, 1.0)
    answer = await cases.act(case_id, "follow-up", deal["first"], {"resolved": False, "note": "只给了一半"})
    assert answer["status"] == "handling"
    assert answer["reopened"] is True
    assert answer["outcome"] == ""
    assert staff["id"] in await _told("case_reopened")
    figures = (await cases.client.get("/api/cases/figures", headers=staff["headers"])).json()
    assert (figures["received"], figures["closed"], figures["reopened"]) == (1, 0, 1)
    await cases.act(case_id, "close", staff, {"outcome": "recovered_full"})
    figures = (await cases.client.get("/api/cases/figures", headers=deal["supervisor"]["headers"])).json()
    assert (figures["closed"], figures["closed_on_time"], figures["on_time_rate"]) == (1, 0, 0.0)
    assert figures["recovered_fen"] == 35000
    assert figures["by_outcome"] == {"recovered_full": 1}


async def test_staff_reopen_and_the_bureau_takes_up_or_flags(cases, deal, market):
    case_id = await _filed(cases, deal)
    staff, bureau = deal["staff"], deal["supervisor"]
    refused = await cases.act(case_id, "escalate", staff, {"action": "take_up"}, expect=403)
    assert refused["code"] == "case_supervisor_act"
    up = await cases.act(case_id, "escalate", staff, {"note": "涉及人数多"})
    assert up["level"] == "supervisor"
    assert bureau["id"] in await _told("case_escalated")
    same = await cases.act(case_id, "escalate", staff, {})
    assert len(same["trail"]) == len(up["trail"])
    taken = await cases.act(case_id, "escalate", bureau, {"action": "take_up"})
    assert taken["supervision"] == "taken_up"
    flagged = await cases.act(case_id, "escalate", bureau, {"action": "flag"})
    assert flagged["supervision"] == "flagged"
    not_closed = await cases.act(case_id, "reopen", staff, {"note": "x"}, expect=409)
    assert not_closed["code"] == "case_not_closed"
    await cases.act(case_id, "close", staff, {"outcome": "referred", "note": "转劳动监察"})
    reopened = await cases.act(case_id, "reopen", bureau, {"note": "监察退回"})
    assert reopened["status"] == "handling"
    other_staff = await market.station_staff()
    hidden = await cases.act(case_id, "notes", other_staff, {"text": "看看"}, expect=404)
    assert hidden["code"] == "case_not_found"
    handed = await cases.act(case_id, "assign", bureau, {"owner_id": other_staff["id"]})
    assert handed["station"]["id"] == other_staff["station_id"]  # handed to another station: theirs now
    gone = await cases.act(case_id, "notes", staff, {"text": "再看看"}, expect=404)
    assert gone["code"] == "case_not_found"


async def test_bad_input_names_the_field_and_changes_nothing(cases, deal):
    case_id = await _filed(cases, deal)
    staff = deal["staff"]
    before = await CaseEvent.count()
    not_staff = await cases.act(case_id, "assign", staff, {"owner_id": deal["first"]["id"]}, expect=400)
    assert not_staff["fields"][0]["field"] == "owner_id"
    bad_file = await cases.act(case_id, "notes", staff, {"text": "照片", "attachments": [
        {"name": "a.txt", "content_base64": base64.b64encode(b"just text").decode()}]}, expect=400,
        **{"Accept-Language": "en"})
    assert bad_file["fields"][0]["field"] == "attachments.0.content_base64"
    assert "photo" in bad_file["fields"][0]["message"]
    not_base64 = await cases.act(case_id, "notes", staff, {"text": "照片", "attachments": [
        {"name": "a.png", "content_base64": "@@@"}]}, expect=400)
    assert not_base64["fields"][0]["field"] == "attachments.0.content_base64"
    blank = await cases.act(case_id, "notes", staff, {"text": ""}, expect=400)
    assert blank["fields"][0]["field"] == "text"
    unknown = await cases.act(case_id, "reply", deal["employer"], {"text": "付了", "payments": [
        {"order_id": 999, "amount_fen": 100}]}, expect=400)
    assert unknown["fields"][0]["field"] == "payments.0.order_id"
    not_done = await cases.act(case_id, "reply", deal["employer"], {"text": "付了", "payments": [
        {"order_id": deal["orders"][0]["id"], "amount_fen": 100}]}, expect=409)
    assert not_done["code"] == "case_payment_not_completed"
    early = await cases.act(case_id, "follow-up", deal["first"], {"resolved": True}, expect=409)
    assert early["code"] == "case_not_in_follow_up"
    assert await CaseEvent.count() == before
    missing = await cases.client.get(f"/api/cases/{case_id}/files/{'0' * 64}", headers=staff["headers"])
    assert missing.status_code == 404
