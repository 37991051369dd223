"""Objections to ratings reach staff: the nearest station's staff are told, the queue shows what was rated and the
objection (no phones, no identity numbers), and a decision needs a reason."""

from __future__ import annotations

import pytest

from market.notifications.tables import OutboxMessage
from tests.market.reputation.rating_helpers import completed_deal, rate


@pytest.fixture
async def deal(client, market):
    return await completed_deal(client, market)


async def _events(recipient: int) -> list[str]:
    rows = await OutboxMessage.select(OutboxMessage.event).where(OutboxMessage.recipient == recipient)
    return sorted(r["event"] for r in rows)


async def _object(client, deal, reason="那天是老板没开门"):
    assert (await rate(client, deal["order"]["id"], deal["employer"], {"stars": 1, "tags": ["准时"],
                                                                       "note": "迟到两小时"})).status_code == 200
    response = await client.post(f"/api/orders/{deal['order']['id']}/rating/objection", json={"reason": reason},
                                 headers=deal["worker"]["headers"])
    assert response.status_code == 201, response.text
    return response.json()


async def test_the_station_staff_hear_of_an_objection_and_the_rater_does_not(client, market, deal):
    staff = await market.station_staff()
    await _object(client, deal)
    assert "rating_objection" in await _events(staff["id"])
    assert "rating_objection" not in await _events(deal["employer"]["id"])
    inbox = (await client.get("/api/notifications", headers={**staff["headers"], "Accept-Language": "en"})).json()
    notice = next(n for n in inbox["items"] if n["event"] == "rating_objection")
    assert "1-star" in notice["body"]
    assert notice["link"] == "/#/s/objections"


async def test_the_queue_says_what_was_rated_and_shows_no_phone(client, market, deal):
    staff = await market.station_staff()
    objection = await _object(client, deal)
    queue = (await client.get("/api/rating-objections", headers=staff["headers"])).json()
    item = next(i for i in queue["items"] if i["id"] == objection["id"])
    assert item["rater_side"] == "employer"
    assert item["job_title"] == deal["job"]["title"]
    assert (item["worker_name"], item["stars"], item["tags"], item["note"], item["reason"]) == (
        "工人", 1, ["准时"], "迟到两小时", "那天是老板没开门")
    assert item["employer_name"]
    text = str(queue)
    for phone in (deal["worker"]["phone"], deal["employer"]["phone"]):
        assert phone not in text


async def test_a_decision_needs_a_reason_in_words(client, market, deal):
    staff = await market.station_staff()
    objection = await _object(client, deal)
    url = f"/api/rating-objections/{objection['id']}/decision"
    blank = await client.post(url, json={"upheld": True, "note": "  "},
                              headers={**staff["headers"], "Accept-Language": "en"})
    assert blank.status_code == 400
    assert [f["field"] for f in blank.json()["fields"]] == ["note"]
    assert "blank" in blank.json()["fields"][0]["message"]
    rejected = await client.post(url, json={"upheld": False, "note": "电话核实，确实迟到"}, headers=staff["headers"])
    assert rejected.status_code == 200, rejected.text
    assert (rejected.json()["upheld"], rejected.json()["decision_note"]) == (False, "电话核实，确实迟到")
    reputation = (await client.get(f"/api/workers/{deal['worker']['id']}/reputation",
                                   headers=staff["headers"])).json()
    assert reputation["counts"]["ratings"] == 1, "a rejected objection leaves the rating standing"
