"""Shared helpers for the rating tests: a completed order between an employer and a worker, rating calls."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from market.core import clock


async def completed_deal(client: Any, market: Any, employer: dict[str, Any] | None = None,
                         worker: dict[str, Any] | None = None) -> dict[str, Any]:
    """An employer and a worker with one order completed by the employer (the clock moved past its start)."""
    employer = employer or await market.user("employer", name="老板")
    worker = worker or await market.user("worker", name="工人")
    start = clock.now().replace(microsecond=0) + timedelta(hours=2)
    job = await market.job(employer, starts_at=start.isoformat(), ends_at=(start + timedelta(hours=8)).isoformat())
    accepted = await market.accept(job["id"], worker)
    assert accepted.status_code == 201, accepted.text
    order = accepted.json()["order"]
    clock.shift(timedelta(hours=3))
    done = await client.post(f"/api/orders/{order['id']}/complete", headers=employer["headers"], json={})
    assert done.status_code == 200, done.text
    return {"employer": employer, "worker": worker, "job": job, "order": done.json()}


async def rate(client: Any, order_id: int, user: dict[str, Any], body: dict[str, Any], language: str = "zh-CN"
               ) -> Any:
    """The raw response of `user` rating the other party of the order."""
    return await client.post(f"/api/orders/{order_id}/rating", json=body,
                             headers={**user["headers"], "Accept-Language": language})
