"""Course suggestions end to end: weeks recorded from real jobs, the short trade from stored weeks, a worker one
step away suggested the nearest course with the number behind it, at most once a month, opt-out, back-off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from market.core import clock
from market.courses import suggesting
from market.courses.suggesting import plan_suggestions, run_suggestions, send_due_suggestions
from market.courses.tables import CourseSuggestion, TradeWeek
from market.courses.weeks import market_today, record_week
from tests.market.api.course_helpers import listed, on_record
from tests.market.api.ranking_helpers import place, skill, worker_with


async def _suggestions(client, worker, language="zh-CN"):
    response = await client.get("/api/workers/me/suggestions",
                                headers={**worker["headers"], "Accept-Language": language})
    assert response.status_code == 200, response.text
    return response.json()


async def _inbox(client, worker, language="zh-CN"):
    response = await client.get("/api/notifications", headers={**worker["headers"], "Accept-Language": language})
    return [item for item in response.json()["items"] if item["event"] == "course_suggestion"]


async def _city(client, market, **course):
    """A station at HOME (district ""), an electrician course 1 km north, 电工 short for three weeks."""
    staff = await market.station_staff()
    made = await listed(client, staff, location={**place(1), "address": "漳州市芗城区培训路1号"}, **course)
    await on_record("electrician", [2.4, 2.0, 1.8])
    return staff, made


async def test_a_worker_next_to_a_short_trade_is_suggested_its_course_with_the_number_behind_it(client, market):
    _, course = await _city(client, market)
    worker = await worker_with(client, market, "林师傅", [skill("水电工")], km_north=0)
    cook = await worker_with(client, market, "王师傅", [skill("厨师")], km_north=0)
    assert await run_suggestions() == 1
    mine = await _suggestions(client, worker)
    assert mine["enabled"] is True
    assert mine["total"] == 1
    item = mine["items"][0]
    assert (item["trade"], item["reason"], item["from_trade"], item["ratio"]) == ("electrician", "adjacent",
                                                                                   "plumber_electrician", 2.4)
    assert (item["places_wanted"], item["workers"], item["course"]["id"]) == (24, 10, course["id"])
    assert item["distance_km"] == 1.0
    assert (await _suggestions(client, cook))["total"] == 0
    message = (await _inbox(client, worker))[0]
    assert message["body"].startswith("附近需要电工的岗位是求职者的2.4倍。「低压电工作业培训」")
    assert "¥800.00" in message["body"]
    english = (await _inbox(client, worker, "en"))[0]
    assert english["body"].startswith("Near you there are 2.4 times as many electrician jobs as people to do them.")


async def test_a_one_week_dip_or_a_missing_week_makes_no_suggestion(client, market):
    staff = await market.station_staff()
    await listed(client, staff)
    await on_record("electrician", [2.4, 1.1, 2.0])
    await on_record("cook", [3.0, 3.0])
    await listed(client, staff, trade="cook", name="厨师培训")
    await worker_with(client, market, "林师傅", [skill("水电工"), skill("厨房帮工")], km_north=0)
    assert await run_suggestions() == 0
    assert await CourseSuggestion.count() == 0


async def test_the_trade_without_its_certificate_is_one_step_but_with_it_is_not(client, market):
    await _city(client, market)
    uncertified = await worker_with(client, market, "无证电工", [skill("电工", certified=False)], km_north=0)
    certified = await worker_with(client, market, "持证电工", [skill("电工", certified=True)], km_north=0)
    assert await run_suggestions() == 1
    assert (await _suggestions(client, uncertified))["items"][0]["reason"] == "certificate"
    assert (await _suggestions(client, certified))["total"] == 0


async def test_at_most_once_a_month(client, market):
    await _city(client, market, starts_on=(market_today() + timedelta(days=40)).isoformat(),
                ends_on=(market_today() + timedelta(days=45)).isoformat())
    worker = await worker_with(client, market, "林师傅", [skill("水电工")], km_north=0)
    assert await run_suggestions() == 1
    assert await run_suggestions() == 0, "the same pass again sends nothing"
    clock.shift(timedelta(days=29))
    await on_record("electrician", [2.5, 2.4, 2.0])
    assert await run_suggestions() == 0, "29 days later: still inside the month"
    assert (await _suggestions(client, worker))["total"] == 1
    clock.shift(timedelta(days=2))
    assert await run_suggestions() == 1, "31 days after the first"
    assert await CourseSuggestion.count() == 2


async def test_opting_out_stops_suggestions_and_opting_in_brings_them_back(client, market):
    await _city(client, market)
    worker = await worker_with(client, market, "林师傅", [skill("水电工")], km_north=0)
    late = await worker_with(client, market, "陈师傅", [skill("水电工")], km_north=0)
    off = await client.put("/api/workers/me/suggestions", json={"enabled": False}, headers=worker["headers"])
    assert off.status_code == 200
    assert off.json()["enabled"] is False
    assert await plan_suggestions() == 1, "only the worker who did not opt out"
    await client.put("/api/workers/me/suggestions", json={"enabled": False}, headers=late["headers"])
    assert await send_due_suggestions() == 0, "opted out between planning and sending"
    row = await CourseSuggestion.select().where(CourseSuggestion.worker == late["id"]).first()
    assert (row["state"], row["skip_reason"]) == ("skipped", "opted_out")
    assert await run_suggestions() == 0
    on = await client.put("/api/workers/me/suggestions", json={"enabled": True}, headers=worker["headers"])
    assert on.json()["enabled"] is True
    assert await run_suggestions() == 1
    assert (await _suggestions(client, worker))["total"] == 1
    bad = await client.put("/api/workers/me/suggestions", json={"enabled": "yes"},
                           headers={**worker["headers"], "Accept-Language": "en"})
    assert bad.status_code == 400
    assert bad.json()["fields"][0]["field"] == "enabled"


async def test_the_nearest_course_within_the_workers_range_is_suggested(client, market):
    staff = await market.station_staff()
    await listed(client, staff, name="五公里外", location={**place(5), "address": "漳州市芗城区五里路5号"})
    near = await listed(client, staff, name="两公里外", location={**place(2), "address": "漳州市芗城区二里路2号"})
    started = await listed(client, staff, name="已开课", location={**place(0.5), "address": "漳州市芗城区半里路"})
    await client.patch(f"/api/courses/{started['id']}", json={"cancelled": True}, headers=staff["headers"])
    await on_record("electrician", [2.4, 2.0, 1.8])
    worker = await worker_with(client, market, "林师傅", [skill("水电工")], km_north=0)
    homebody = await worker_with(client, market, "宅师傅", [skill("水电工")], km_north=0, max_distance_km=1)
    assert await run_suggestions() == 1
    assert (await _suggestions(client, worker))["items"][0]["course"]["id"] == near["id"]
    assert (await _suggestions(client, homebody))["total"] == 0, "no course within their range"


async def test_a_failing_suggestion_is_retried_with_back_off_and_does_not_hold_up_the_others(client, market,
                                                                                              monkeypatch):
    await _city(client, market)
    first = await worker_with(client, market, "林师傅", [skill("水电工")], km_north=0)
    second = await worker_with(client, market, "陈师傅", [skill("水电工")], km_north=0)
    real_record = suggesting.record

    def flaky(event):
        if event.worker_id == first["id"]:
            raise RuntimeError("outbox unavailable")
        real_record(event)

    monkeypatch.setattr(suggesting, "record", flaky)
    assert await run_suggestions() == 1
    row = await CourseSuggestion.select().where(CourseSuggestion.worker == first["id"]).first()
    assert (row["state"], row["attempts"]) == ("waiting", 1)
    assert "outbox unavailable" in row["last_error"]
    assert row["next_attempt_at"] >= clock.now() + timedelta(seconds=59)
    assert await send_due_suggestions() == 0, "not before its back-off"
    monkeypatch.setattr(suggesting, "record", real_record)
    clock.shift(timedelta(minutes=2))
    assert await send_due_suggestions() == 1
    assert (await _suggestions(client, first))["total"] == 1
    assert (await _suggestions(client, second))["total"] == 1


def _from(start, hours=8):
    return {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=hours)).isoformat()}


async def test_an_ended_week_is_recorded_once_from_the_jobs_that_started_in_it(client, market):
    clock.freeze(datetime(2027, 1, 6, 2, 0, tzinfo=UTC))  # Wednesday 10:00 in Zhangzhou
    await market.station_staff()
    for n in range(5):
        await worker_with(client, market, f"电工{n}", [skill("电工", certified=True)], km_north=0)
    employer = await market.user("employer")
    thursday = clock.now() + timedelta(days=1)
    await market.job(employer, skills=["电工"], headcount=12, **_from(thursday))
    await market.job(employer, skills=["保洁员"], headcount=3, **_from(thursday))
    await market.job(employer, skills=["电工"], headcount=7, **_from(thursday + timedelta(days=5)))  # next week
    clock.shift(timedelta(days=7))
    assert await record_week() >= 1
    row = await TradeWeek.select().where(TradeWeek.trade == "electrician").first()
    assert (row["places_wanted"], row["workers"], row["ratio"]) == (12, 5, 2.4)
    cleaner = await TradeWeek.select().where(TradeWeek.trade == "cleaner").first()
    assert (cleaner["places_wanted"], cleaner["workers"], cleaner["ratio"]) == (3, 0, None), "too few to say"
    assert await record_week() == 0, "a week is recorded once"
