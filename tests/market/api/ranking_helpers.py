"""Shared helpers for the ranking tests: places around a home point, workers with a profile, job timing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

HOME = {"lat": 24.5116, "lon": 117.6443}
KM_OF_LATITUDE = 1 / 111.2


def place(km_north: float, address: str = "漳州市芗城区某路1号") -> dict[str, Any]:
    """A point `km_north` kilometres north of HOME."""
    return {"lat": round(HOME["lat"] + km_north * KM_OF_LATITUDE, 6), "lon": HOME["lon"], "address": address}


def starting_in(delta: timedelta, hours: int = 8) -> dict[str, str]:
    """`starts_at`/`ends_at` for a job starting `delta` from now and lasting `hours`."""
    start = datetime.now(UTC).replace(microsecond=0) + delta
    return {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=hours)).isoformat()}


async def worker_with(client: Any, market: Any, name: str, skills: list[dict[str, Any]], km_north: float,
                      max_distance_km: int = 10) -> dict[str, Any]:
    """A worker whose profile (skills, home, travel radius) was saved through the API."""
    worker = await market.user("worker", name=name)
    response = await client.put("/api/workers/me", headers=worker["headers"], json={
        "skills": skills, "location": place(km_north), "max_distance_km": max_distance_km})
    assert response.status_code == 200, response.text
    return worker


def skill(name: str, years: int = 3, certified: bool = False) -> dict[str, Any]:
    """One skill as the profile body takes it."""
    return {"name": name, "years": years, "certified": certified}
