"""Shared helpers for the alerts tests: workers with a profile near the site, a job done together, alert settings."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from market.core import clock
from tests.market.api.ranking_helpers import HOME, skill, worker_with

__all__ = ["HOME", "alerts_on", "mover", "posted", "worked_together"]


async def mover(client: Any, market: Any, name: str, km_north: float = 1.0, years: int = 3) -> dict[str, Any]:
    """A worker who carries things (搬运工) living `km_north` km north of the site."""
    return await worker_with(client, market, name, [skill("搬运工", years)], km_north)


async def alerts_on(client: Any, worker: dict[str, Any], **settings: Any) -> dict[str, Any]:
    """Turn the worker's alerts on (in-app by default) with `settings`; the answer's body."""
    body = {"enabled": True, "channels": ["app"], **settings}
    response = await client.put("/api/workers/me/alerts", headers=worker["headers"], json=body)
    assert response.status_code == 200, response.text
    return response.json()


def _times(start_in: timedelta, hours: int = 8) -> dict[str, str]:
    start = clock.now().replace(microsecond=0) + start_in
    return {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=hours)).isoformat()}


async def posted(market: Any, employer: dict[str, Any], start_in: timedelta = timedelta(days=1),
                 **overrides: Any) -> dict[str, Any]:
    """A job the employer posts now (by the market clock), starting `start_in` from now."""
    return await market.job(employer, **{**_times(start_in), **overrides})


async def worked_together(client: Any, market: Any, employer: dict[str, Any], worker: dict[str, Any]) -> int:
    """A job the worker did for the employer, completed (the clock moves past its start and stays there); the
    order's id."""
    job = await posted(market, employer, timedelta(hours=2), headcount=1, title="上次的活")
    accepted = await market.accept(job["id"], worker)
    assert accepted.status_code == 201, accepted.text
    order = accepted.json()["order"]["id"]
    clock.shift(timedelta(hours=2, minutes=5))
    checked = await client.post(f"/api/orders/{order}/check-in", headers=worker["headers"], json=HOME)
    assert checked.status_code == 200, checked.text
    done = await client.post(f"/api/orders/{order}/complete", headers=employer["headers"])
    assert done.status_code == 200, done.text
    return order
