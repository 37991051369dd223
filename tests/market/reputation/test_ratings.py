"""Two-way ratings after a completed order: once per party, in the window, changeable for a day, tags per side,
no rating without a completed order between them, objections decided by staff."""

from __future__ import annotations

from datetime import timedelta

import pytest

from market.core import clock
from tests.market.reputation.rating_helpers import completed_deal, rate


@pytest.fixture
async def deal(client, market):
    return await completed_deal(client, market)


async def test_each_party_rates_the_other_once_with_their_own_tags(client, deal):
    order_id = deal["order"]["id"]
    body = {"stars": 5, "tags": ["准时", "手艺好"], "note": "干得好"}
    by_employer = await rate(client, order_id, deal["employer"], body)
    assert by_employer.status_code == 200, by_employer.text
    assert (by_employer.json()["stars"], by_employer.json()["tags"], by_employer.json()["rater_side"]) == (
        5, ["准时", "手艺好"], "employer")
    by_worker = await rate(client, order_id, deal["worker"], {"stars": 4, "tags": ["工钱爽快"]})
    assert by_worker.status_code == 200, by_worker.text
    seen = (await client.get(f"/api/orders/{order_id}/rating", headers=deal["worker"]["headers"])).json()
    assert seen["mine"]["stars"] == 4
    assert seen["about_me"] == {"given": True, "stars": 5, "tags": ["准时", "手艺好"], "objection": None}
    assert "工钱爽快" in seen["tags"]
    assert "准时" not in seen["tags"]


async def test_the_rating_about_you_stays_hidden_until_you_rate_too(client, deal):
    order_id = deal["order"]["id"]
    assert (await rate(client, order_id, deal["employer"], {"stars": 2})).status_code == 200
    seen = (await client.get(f"/api/orders/{order_id}/rating", headers=deal["worker"]["headers"])).json()
    assert seen["about_me"]["given"] is True
    assert seen["about_me"]["stars"] is None
    assert seen["can_rate"] is True


@pytest.mark.parametrize(("language", "words"), [("zh-CN", "标签中的“手艺好”不在可选标签里"),
                                               ("en", "Tags has “手艺好”")])
async def test_a_tag_of_the_other_side_is_refused_naming_the_field(client, deal, language, words):
    response = await rate(client, deal["order"]["id"], deal["worker"], {"stars": 4, "tags": ["手艺好"]}, language)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["fields"][0]["field"] == "tags"
    assert words in body["fields"][0]["message"]
    seen = (await client.get(f"/api/orders/{deal['order']['id']}/rating", headers=deal["worker"]["headers"])).json()
    assert seen["mine"] is None


@pytest.mark.parametrize("body", [{"stars": 0}, {"stars": 6}, {"stars": 3, "note": "坏\u0000字"},
                                  {"stars": 3, "note": "长" * 201}, {"stars": 3, "extra": 1}])
async def test_bad_stars_or_notes_are_refused_and_change_nothing(client, deal, body):
    response = await rate(client, deal["order"]["id"], deal["employer"], body)
    assert response.status_code == 400, response.text
    seen = (await client.get(f"/api/orders/{deal['order']['id']}/rating", headers=deal["employer"]["headers"])).json()
    assert seen["mine"] is None


async def test_the_note_is_stored_in_nfc(client, deal):
    response = await rate(client, deal["order"]["id"], deal["employer"], {"stars": 3, "note": "Cafe\u0301"})
    assert response.json()["note"] == "Café"


async def test_a_rating_changes_within_a_day_and_is_fixed_after(client, deal):
    order_id = deal["order"]["id"]
    assert (await rate(client, order_id, deal["employer"], {"stars": 2})).status_code == 200
    clock.shift(timedelta(hours=23))
    changed = await rate(client, order_id, deal["employer"], {"stars": 4, "tags": ["肯干"]})
    assert changed.status_code == 200, changed.text
    assert changed.json()["stars"] == 4
    assert changed.json()["changed_at"] is not None
    clock.shift(timedelta(hours=2))
    locked = await rate(client, order_id, deal["employer"], {"stars": 1}, "en")
    assert locked.status_code == 409
    assert locked.json()["code"] == "rating_locked"
    assert "cannot be changed a day after" in locked.json()["detail"]
    seen = (await client.get(f"/api/orders/{order_id}/rating", headers=deal["employer"]["headers"])).json()
    assert seen["mine"]["stars"] == 4
    assert seen["can_rate"] is False


async def test_no_rating_before_completion(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)
    order = (await market.accept(job["id"], worker)).json()["order"]
    response = await rate(client, order["id"], worker, {"stars": 5})
    assert response.status_code == 409
    assert response.json()["code"] == "rating_not_completed"


async def test_the_window_closes_fourteen_days_after_completion(client, deal):
    clock.shift(timedelta(days=14, hours=1))
    response = await rate(client, deal["order"]["id"], deal["worker"], {"stars": 5})
    assert response.status_code == 409
    assert response.json()["code"] == "rating_window_closed"


async def test_outsiders_get_404_and_staff_403(client, market, deal):
    order_id = deal["order"]["id"]
    for outsider in (await market.user("worker"), await market.user("employer")):
        response = await rate(client, order_id, outsider, {"stars": 1})
        assert response.status_code == 404
        assert response.json()["code"] == "order_not_found"
    staff = await market.user("staff")
    response = await rate(client, order_id, staff, {"stars": 1})
    assert response.status_code == 403
    assert response.json()["code"] == "role_required"


async def test_the_rated_party_objects_and_staff_uphold_it_removing_the_rating(client, market, deal):
    order_id = deal["order"]["id"]
    assert (await rate(client, order_id, deal["employer"], {"stars": 1, "note": "不行"})).status_code == 200
    objection = await client.post(f"/api/orders/{order_id}/rating/objection", json={"reason": "那天是老板没开门"},
                                  headers=deal["worker"]["headers"])
    assert objection.status_code == 201, objection.text
    again = await client.post(f"/api/orders/{order_id}/rating/objection", json={"reason": "再说一次"},
                              headers=deal["worker"]["headers"])
    assert again.status_code == 409
    assert again.json()["code"] == "rating_objection_filed"
    staff = await market.user("staff")
    queue = (await client.get("/api/rating-objections", headers=staff["headers"])).json()
    assert queue["total"] == 1
    assert (queue["items"][0]["stars"], queue["items"][0]["note"]) == (1, "不行")
    decided = await client.post(f"/api/rating-objections/{objection.json()['id']}/decision",
                                json={"upheld": True, "note": "核实属实"}, headers=staff["headers"])
    assert decided.status_code == 200, decided.text
    assert decided.json()["upheld"] is True
    twice = await client.post(f"/api/rating-objections/{objection.json()['id']}/decision", json={"upheld": False},
                              headers=staff["headers"])
    assert twice.status_code == 409
    assert twice.json()["code"] == "rating_objection_decided"
    reputation = (await client.get(f"/api/workers/{deal['worker']['id']}/reputation",
                                   headers=staff["headers"])).json()
    assert reputation["counts"]["ratings"] == 0
    assert (await client.get("/api/rating-objections", headers=staff["headers"])).json()["total"] == 0


async def test_no_objection_without_a_rating_and_not_by_the_rater(client, deal):
    order_id = deal["order"]["id"]
    none = await client.post(f"/api/orders/{order_id}/rating/objection", json={"reason": "无"},
                             headers=deal["worker"]["headers"])
    assert none.status_code == 404
    assert none.json()["code"] == "rating_not_found"
    assert (await rate(client, order_id, deal["employer"], {"stars": 1})).status_code == 200
    own = await client.post(f"/api/orders/{order_id}/rating/objection", json={"reason": "自己"},
                            headers=deal["employer"]["headers"])
    assert own.status_code == 404  # the employer was not rated on this order
