"""Every market figure against the hand-counted history of `history.py`, over HTTP as the bureau reads them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.market.stats import history


@pytest.fixture
async def world(client: Any, market: Any) -> dict[str, Any]:
    """The history, and a supervisor to read it."""
    built = await history.build(client, market)
    return {**built, "supervisor": await market.user("supervisor", name="市人社局")}


async def _stats(client: Any, world: dict[str, Any], **params: str) -> dict[str, Any]:
    response = await client.get("/api/stats", params=params, headers=world["supervisor"]["headers"])
    assert response.status_code == 200, response.text
    return response.json()


def _values(figures: dict[str, Any]) -> dict[str, Any]:
    return {key: figure["value"] for key, figure in figures.items()}


async def test_the_counts_of_the_day(client, world):
    figures = (await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08"}))["figures"]
    values = _values(figures)
    assert values["jobs_posted"] == 7
    assert values["jobs_cancelled"] == 1
    assert values["places_offered"] == 9
    assert values["deals"] == 7
    assert values["fill_rate"] == round(7 / 9, 4)
    assert figures["fill_rate"]["n"] == 9
    assert values["wages_agreed_fen"] == 7 * 25000
    assert values["wages_paid_fen"] == 25000 + 20000
    assert values["contracts_issued"] == 7
    assert values["contracts_verified"] == 0
    assert values["seekers"] == 7
    assert all(figure["key"] == key for key, figure in figures.items())


async def test_rates_from_too_few_cases_are_not_percentages(client, world):
    figures = (await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08"}))["figures"]
    assert figures["no_show_rate"] == {"key": "no_show_rate", "value": None, "unit": "rate", "n": 4, "too_few": True}
    assert figures["pay_on_time"]["value"] is None
    assert figures["pay_on_time"]["n"] == 2
    assert figures["pay_on_time"]["too_few"] is True


async def test_time_to_fill_median_and_p90(client, world):
    figures = (await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08"}))["figures"]
    assert figures["time_to_fill_median_hours"]["value"] == 3.0
    assert figures["time_to_fill_p90_hours"]["value"] == 5.0
    assert figures["time_to_fill_median_hours"]["n"] == 5


async def test_by_district_and_station(client, world):
    east = (await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08", "district": "龙文区"}))
    assert _values(east["figures"])["jobs_posted"] == 1
    assert _values(east["figures"])["places_offered"] == 1
    assert _values(east["figures"])["seekers"] == 1
    west = await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08",
                                          "station_id": str(world["stations"]["A"])})
    assert _values(west["figures"])["places_offered"] == 8
    assert _values(west["figures"])["seekers"] == 6
    assert west["station_id"] == world["stations"]["A"]


async def test_series_by_day_and_week_with_the_time_computed(client, world):
    daily = await _stats(client, world, **{"from": "2026-12-07", "to": "2026-12-09", "interval": "day"})
    assert [p["start"] for p in daily["series"]] == ["2026-12-07", "2026-12-08", "2026-12-09"]
    assert [p["figures"]["deals"]["value"] for p in daily["series"]] == [0, 7, 0]
    assert daily["computed_at"].startswith("2026-12-11T10:00")
    weekly = await _stats(client, world, **{"from": "2026-12-01", "to": "2026-12-14", "interval": "week"})
    assert [p["start"] for p in weekly["series"]] == ["2026-11-30", "2026-12-07", "2026-12-14"]
    assert [p["figures"]["places_offered"]["value"] for p in weekly["series"]] == [0, 9, 0]
    monthly = await _stats(client, world, **{"from": "2026-11-15", "to": "2026-12-31", "interval": "month"})
    assert [p["start"] for p in monthly["series"]] == ["2026-11-01", "2026-12-01"]


async def test_the_default_period_is_the_last_thirty_days(client, world):
    answer = await _stats(client, world)
    assert (answer["from"], answer["to"]) == ("2026-11-12", "2026-12-11")
    assert answer["figures"]["deals"]["value"] == 7


async def test_a_later_change_corrects_its_day(client, market, world):
    before = await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08"})
    assert before["figures"]["wages_paid_fen"]["value"] == 45000
    from market.orders.tables import Order

    checked_in = await Order.select(Order.id).where(Order.status == "checked_in").first()
    boss = world["boss"]
    for act, body in (("complete", None), ("paid", {"amount_fen": 30000, "note": "加了半天"})):
        response = await client.post(f"/api/orders/{checked_in['id']}/{act}", headers=boss["headers"], json=body)
        assert response.status_code == 200, response.text
    after = await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08"})
    assert after["figures"]["wages_paid_fen"]["value"] == 75000


async def test_warnings_by_colour_cases_and_grades(client, world):
    from market.employers.tables import Employer
    from market.wages.tables import WageWarning

    at = history.START
    boss = world["boss"]["id"]
    for level, closed in (("red", None), ("yellow", None), ("blue", at)):
        await WageWarning(employer=boss, station=world["stations"]["A"], level=level, oldest_due_at=at,
                          opened_at=at, closed_at=closed, open_slot=None if closed else f"{boss}:{level}").save()
    await Employer.update({Employer.name: "张老板装修队", Employer.credit_grade: "D"}).where(Employer.user == boss)
    answer = await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08"})
    assert answer["warnings"]["opened"] == {"blue": 1, "yellow": 1, "red": 1}
    assert answer["warnings"]["open_now"] == {"blue": 0, "yellow": 1, "red": 1}
    assert answer["warnings"]["closed"] == {"blue": 1, "yellow": 0, "red": 0}
    east = await _stats(client, world, **{"from": "2026-12-08", "to": "2026-12-08", "district": "龙文区"})
    assert east["warnings"]["open_now"] == {"blue": 0, "yellow": 0, "red": 0}
    assert answer["employers"]["by_grade"]["D"] == 1
    assert answer["employers"]["low"] == [{"employer_id": boss, "name": "张老板装修队", "grade": "D", "barred": False}]
    figures = await client.get("/api/cases/figures", headers=world["supervisor"]["headers"])
    assert answer["cases"]["cases_received"]["value"] == figures.json()["received"] == 0
    assert answer["cases"]["cases_on_time_rate"]["too_few"] is True
