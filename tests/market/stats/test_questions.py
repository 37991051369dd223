"""Asking the figures: bad dates, intervals and areas get field errors in words (zh-CN and en), never a 500; the
console is the bureau's (supervisors and admins), not a station's; the trade × district grid (求人倍率)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.market.stats import history


@pytest.fixture
async def bureau(market: Any) -> dict[str, Any]:
    """A supervisor, and the two stations."""
    stations = await history.stations()
    return {**await market.user("supervisor"), "stations": stations}


BAD = [
    ({"from": "2026-13-01"}, "from", "格式如 2026-12-01", "a date such as 2026-12-01"),
    ({"to": "tomorrow"}, "to", "格式如 2026-12-01", "a date such as 2026-12-01"),
    ({"from": "2026-12-09", "to": "2026-12-01"}, "to", "不能早于起始日期", "must not be before the start date"),
    ({"from": "2020-01-01", "to": "2026-12-01"}, "to", "最长 1100 天", "at most 1100 days"),
    ({"interval": "year"}, "interval", "week（按周）", "must be day, week or month"),
    ({"district": "火星区"}, "district", "没有驿站", "has no station"),
    ({"station_id": "abc"}, "station_id", "驿站编号", "a station's number"),
    ({"station_id": "999999"}, "station_id", "没有这个驿站", "not one of the city's stations"),
]
"""Bad questions, the field named and words of its message in each language."""


@pytest.mark.parametrize(("path", "params", "field", "zh", "en"), [
    (path, *bad) for path in ("/api/stats", "/api/stats/trades") for bad in BAD
    if not (path.endswith("trades") and bad[1] == "interval")])  # the grid has no interval
async def test_bad_questions_name_the_field_in_words(client, bureau, path, params, field, zh, en):
    for language, words in (("zh-CN", zh), ("en", en)):
        response = await client.get(path, params=params, headers={**bureau["headers"], "Accept-Language": language})
        assert response.status_code == 400, response.text
        problems = response.json()["fields"]
        assert [p["field"] for p in problems] == [field]
        assert words in problems[0]["message"]


async def test_several_bad_fields_are_named_together(client, bureau):
    response = await client.get("/api/stats", params={"from": "x", "interval": "hour"}, headers=bureau["headers"])
    assert sorted(p["field"] for p in response.json()["fields"]) == ["from", "interval"]


async def test_station_staff_and_the_parties_are_refused_the_console(client, market, bureau):
    staff = await market.station_staff(bureau["stations"]["A"])
    admin = await market.user("admin")
    for who, status in ((staff, 403), (await market.user("worker"), 403), (await market.user("employer"), 403),
                        (admin, 200), (bureau, 200)):
        for path in ("/api/stats", "/api/stats/trades"):
            response = await client.get(path, headers=who["headers"])
            assert response.status_code == status, (path, response.text)
    refused = await client.get("/api/stats", headers=staff["headers"])
    assert refused.json()["code"] == "role_required"


async def test_the_trade_by_district_grid(client, market):
    built = await history.build(client, market)
    supervisor = await market.user("supervisor")
    response = await client.get("/api/stats/trades", params={"from": "2026-12-08", "to": "2026-12-08"},
                                headers=supervisor["headers"])
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["districts"] == ["芗城区", "龙文区"]
    grid = {(i["trade"], i["district"]): i for i in answer["items"]}
    movers = grid[("mover", "芗城区")]
    assert (movers["places_wanted"], movers["workers"], movers["ratio"]["value"]) == (5, 6, 0.83)
    assert movers["trade_zh"] == "搬运工"
    east = grid[("mover", "龙文区")]
    assert (east["places_wanted"], east["workers"]) == (1, 1)
    assert east["ratio"] == {"key": "job_seeker_ratio", "value": None, "unit": "ratio", "n": 1, "too_few": True}
    assert (grid[("electrician", "芗城区")]["places_wanted"], grid[("electrician", "芗城区")]["workers"]) == (3, 0)
    assert (grid[("electrician", "龙文区")]["places_wanted"], grid[("electrician", "龙文区")]["workers"]) == (0, 1)
    only_east = await client.get("/api/stats/trades", params={"from": "2026-12-08", "to": "2026-12-08",
                                                              "district": "龙文区"}, headers=supervisor["headers"])
    assert {i["district"] for i in only_east.json()["items"]} == {"龙文区"}
    at_a = await client.get("/api/stats/trades", params={"from": "2026-12-08", "to": "2026-12-08",
                                                         "station_id": str(built["stations"]["A"])},
                            headers=supervisor["headers"])
    assert {(i["trade"], i["district"]): i["workers"] for i in at_a.json()["items"]}[("mover", "芗城区")] == 6


async def test_the_public_ratio_function_for_other_packages(client, market):
    from market.stats.rollup import refresh_stale
    from market.stats.supply import job_seeker_ratios

    await history.build(client, market)
    await refresh_stale()
    ratios = await job_seeker_ratios(date(2026, 12, 8), date(2026, 12, 8), district="芗城区")
    assert [(r.trade, r.places_wanted, r.workers) for r in ratios][:2] == [("mover", 5, 6), ("electrician", 3, 0)]


async def test_the_grid_looks_ahead_by_default(client, bureau):
    from market.core import clock
    from market.core.zone import local

    answer = (await client.get("/api/stats/trades", headers=bureau["headers"])).json()
    today = local(clock.now()).date()
    assert answer["from"] == today.isoformat()
    assert (date.fromisoformat(answer["to"]) - today).days == 29
