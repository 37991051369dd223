"""Reputation aggregates over HTTP: who may read them, the minimum count, no-shows that stand, pay on time, and a
worker with a no-show ranked below an equal worker without."""

from __future__ import annotations

from datetime import timedelta

from market.core import clock
from tests.market.api.ranking_helpers import skill, starting_in, worker_with
from tests.market.reputation.rating_helpers import completed_deal, rate


async def _reputation(client, kind, owner_id, user, language="zh-CN"):
    return await client.get(f"/api/{kind}/{owner_id}/reputation",
                            headers={**user["headers"], "Accept-Language": language})


async def test_averages_show_only_from_three_ratings(client, market):
    employer = await market.user("employer")
    worker = await market.user("worker")
    for stars, tags in ((5, ["准时"]), (4, ["准时", "肯干"])):
        deal = await completed_deal(client, market, employer, worker)
        assert (await rate(client, deal["order"]["id"], employer, {"stars": stars, "tags": tags})).status_code == 200
    two = (await _reputation(client, "workers", worker["id"], worker)).json()
    assert two["counts"] == {"completed": 2, "no_shows": 0, "late_cancels": 0, "ratings": 2}
    assert (two["average_stars"], two["top_tags"], two["new"], two["reliability"]) == (None, None, True, 0.8)
    deal = await completed_deal(client, market, employer, worker)
    assert (await rate(client, deal["order"]["id"], employer, {"stars": 3, "tags": ["肯干"]})).status_code == 200
    three = (await _reputation(client, "workers", worker["id"], employer)).json()
    assert three["average_stars"] == 4.0
    assert three["top_tags"] == ["准时", "肯干"]
    assert (three["new"], three["reliability"], three["window_days"]) == (False, 1.0, 90)


async def test_who_may_read_a_reputation(client, market):
    deal = await completed_deal(client, market)
    worker, employer = deal["worker"], deal["employer"]
    readers = [worker, employer, await market.user("staff"), await market.user("supervisor"),
               await market.user("admin")]
    for reader in readers:
        assert (await _reputation(client, "workers", worker["id"], reader)).status_code == 200
        assert (await _reputation(client, "employers", employer["id"], reader)).status_code == 200
    for outsider in (await market.user("worker"), await market.user("employer")):
        for kind, owner in (("workers", worker["id"]), ("employers", employer["id"])):
            response = await _reputation(client, kind, owner, outsider)
            assert response.status_code == 404
            assert response.json()["code"] == "user_not_found"
    wrong_kind = await _reputation(client, "workers", employer["id"], readers[2])
    assert wrong_kind.status_code == 404


async def test_ratings_expire_with_the_window(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    for _ in range(3):
        deal = await completed_deal(client, market, employer, worker)
        assert (await rate(client, deal["order"]["id"], worker, {"stars": 5, "tags": ["工钱爽快"]})).status_code == 200
    shown = (await _reputation(client, "employers", employer["id"], worker)).json()
    assert (shown["average_stars"], shown["top_tags"], shown["counts"]["ratings"]) == (5.0, ["工钱爽快"], 3)
    clock.shift(timedelta(days=91))
    later = (await _reputation(client, "employers", employer["id"], worker)).json()
    assert (later["average_stars"], later["counts"]["ratings"], later["counts"]["completed"]) == (None, 0, 0)


async def test_the_employers_pay_record_counts_on_time_and_late(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    on_time = await completed_deal(client, market, employer, worker)
    paid = await client.post(f"/api/orders/{on_time['order']['id']}/paid", json={"amount_fen": 25000},
                             headers=employer["headers"])
    assert paid.status_code == 200, paid.text
    late = await completed_deal(client, market, employer, worker)
    clock.shift(timedelta(days=3))  # past the 24 hours to pay
    paid = await client.post(f"/api/orders/{late['order']['id']}/paid", json={"amount_fen": 25000},
                             headers=employer["headers"])
    assert paid.status_code == 200, paid.text
    await completed_deal(client, market, employer, worker)
    clock.shift(timedelta(days=3))
    record = (await _reputation(client, "employers", employer["id"], worker)).json()
    assert (record["paid_on_time"], record["paid_late"], record["unpaid_overdue"]) == (1, 1, 1)
    assert record["counts"]["completed"] == 3


async def _no_show(client, employer, worker, job):
    order = (await client.post(f"/api/jobs/{job['id']}/accept", headers=worker["headers"])).json()["order"]
    clock.shift(timedelta(days=1, minutes=61))
    response = await client.post(f"/api/orders/{order['id']}/no-show", json={"note": "没来"},
                                 headers=employer["headers"])
    assert response.status_code == 200, response.text
    return order


ELECTRICIAN = {"title": "厂房电路检修", "skills": ["电工"]}


async def test_a_worker_with_a_no_show_ranks_below_an_equal_worker_without(client, market):
    employer = await market.user("employer")
    flaky = await worker_with(client, market, "爽约", [skill("电工", certified=True)], 1)
    steady = await worker_with(client, market, "靠谱", [skill("电工", certified=True)], 1)
    first = await market.job(employer, **ELECTRICIAN, **starting_in(timedelta(days=1)))
    later = await market.job(employer, **ELECTRICIAN, **starting_in(timedelta(days=4)))
    before = (await client.get(f"/api/jobs/{later['id']}/candidates", headers=employer["headers"])).json()["items"]
    assert before[0]["score"] == before[1]["score"]
    await _no_show(client, employer, flaky, first)
    items = (await client.get(f"/api/jobs/{later['id']}/candidates", headers=employer["headers"])).json()["items"]
    assert [i["worker_id"] for i in items] == [steady["id"], flaky["id"]]
    assert items[1]["breakdown"]["reliability"] < items[0]["breakdown"]["reliability"] == 0.8
    assert items[1]["record"]["no_shows"] == 1
    assert items[1]["record"]["words"] == "近90天完成0单，1次爽约，新人，记录尚少"
    assert items[1]["record"]["moved_words"].startswith("比新人排名低")
    assert items[0]["record"]["moved_words"] == ""
    english = (await client.get(f"/api/jobs/{later['id']}/candidates",
                                headers={**employer["headers"], "Accept-Language": "en"})).json()["items"]
    assert english[1]["record"]["words"] == "0 jobs done in the last 90 days, 1 no-show(s), new: little history yet"


async def test_an_upheld_objection_removes_the_no_show_and_a_pending_one_does_not_count_yet(client, market):
    employer, staff = await market.user("employer"), await market.user("staff")
    worker = await worker_with(client, market, "申诉", [skill("电工", certified=True)], 1)
    job = await market.job(employer, **ELECTRICIAN, **starting_in(timedelta(days=1)))
    order = await _no_show(client, employer, worker, job)
    assert (await _reputation(client, "workers", worker["id"], worker)).json()["counts"]["no_shows"] == 1
    objected = await client.post(f"/api/orders/{order['id']}/no-show/objection", json={"note": "我到了，老板不在"},
                                 headers=worker["headers"])
    assert objected.status_code == 200, objected.text
    assert (await _reputation(client, "workers", worker["id"], worker)).json()["counts"]["no_shows"] == 0
    decided = await client.post(f"/api/orders/{order['id']}/no-show/objection/decision",
                                json={"upheld": False, "note": "无签到"}, headers=staff["headers"])
    assert decided.status_code == 200, decided.text
    assert (await _reputation(client, "workers", worker["id"], worker)).json()["counts"]["no_shows"] == 1


async def test_a_rating_moves_the_worker_in_matching_as_soon_as_it_is_given(client, market):
    employer = await market.user("employer")
    rated = await worker_with(client, market, "好评", [skill("电工", certified=True)], 1)
    other = await worker_with(client, market, "无评", [skill("电工", certified=True)], 1)
    deals = [await completed_deal(client, market, employer, rated) for _ in range(3)]
    for deal in deals[:2]:
        assert (await rate(client, deal["order"]["id"], employer, {"stars": 5})).status_code == 200
    job = await market.job(employer, **ELECTRICIAN, starts_at=(clock.now() + timedelta(days=1)).isoformat(),
                           ends_at=(clock.now() + timedelta(days=1, hours=8)).isoformat())
    url = f"/api/jobs/{job['id']}/candidates"
    before = {i["worker_id"]: i for i in (await client.get(url, headers=employer["headers"])).json()["items"]}
    assert before[rated["id"]]["breakdown"]["rating"] == before[other["id"]]["breakdown"]["rating"]  # 2 < minimum
    assert before[rated["id"]]["record"]["average_stars"] is None
    assert (await rate(client, deals[2]["order"]["id"], employer, {"stars": 5})).status_code == 200
    items = (await client.get(url, headers=employer["headers"])).json()["items"]
    assert [i["worker_id"] for i in items] == [rated["id"], other["id"]]
    assert items[0]["breakdown"]["rating"] > before[rated["id"]]["breakdown"]["rating"]
    assert items[0]["record"]["average_stars"] == 5.0
    assert "评分5.0星（3条评价）" in items[0]["record"]["words"]
