"""Shared helpers for the course tests: a course body, a course listed through the API, weeks on record."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from market.courses.rule import monday_of
from market.courses.tables import TradeWeek
from market.courses.weeks import market_today, week_slot


def course_body(**overrides: Any) -> dict[str, Any]:
    """A valid course starting in a week, at a point near the ranking tests' HOME."""
    start = market_today() + timedelta(days=7)
    body: dict[str, Any] = {
        "trade": "电工", "name": "低压电工作业培训", "provider": "漳州市安全生产培训学校",
        "starts_on": start.isoformat(), "ends_on": (start + timedelta(days=5)).isoformat(),
        "location": {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路66号"},
        "seats": 30, "subsidy_fen": 80000}
    body.update(overrides)
    return body


async def listed(client: Any, who: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    """A course listed through the API by `who` (staff or admin)."""
    response = await client.post("/api/courses", json=course_body(**overrides), headers=who["headers"])
    assert response.status_code == 201, response.text
    return response.json()


async def on_record(trade: str, ratios: list[float | None], district: str = "", today: date | None = None) -> None:
    """Store weekly figures for `trade` in `district`: `ratios[0]` for last week, then the weeks before."""
    this_monday = monday_of(today or market_today())
    rows = []
    for back, ratio in enumerate(ratios, start=1):
        monday = this_monday - timedelta(weeks=back)
        rows.append(TradeWeek(week=monday, trade=trade, district=district, places_wanted=int((ratio or 0) * 10),
                              workers=10, ratio=ratio, slot=week_slot(monday, trade, district)))
    await TradeWeek.insert(*rows)
