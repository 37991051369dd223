"""Shared helpers for the credit grade tests: whole deals on the market's clock, a supervisor's review, a grade."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from market.core import clock

START = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
"""Monday 09:00 Beijing time: the first deal's start; each further deal starts a day later."""


async def whole_deal(client: Any, market: Any, employer: dict[str, Any], worker: dict[str, Any], day: int,
                     *, late: bool = False) -> int:
    """A one-place job `day` days after START, taken, done, paid (after the pay-by time when `late`) and
    confirmed through the API; the order's id. Leaves the clock after the payment."""
    start = START + timedelta(days=day)
    clock.freeze(start - timedelta(days=1))
    job = await market.job(employer, starts_at=start.isoformat(), ends_at=(start + timedelta(hours=8)).isoformat(),
                           headcount=1)
    accepted = await market.accept(job["id"], worker)
    assert accepted.status_code == 201, accepted.text
    order = accepted.json()["order"]
    clock.freeze(start + timedelta(hours=9))
    path = f"/api/orders/{order['id']}"
    done = await client.post(f"{path}/complete", headers=employer["headers"])
    assert done.status_code == 200, done.text
    if late:
        clock.freeze(start + timedelta(hours=8 + 24 + 2))  # two hours past the pay-by time
    paid = await client.post(f"{path}/paid", headers=employer["headers"], json={"amount_fen": order["agreed_pay_fen"]})
    assert paid.status_code == 200, paid.text
    confirmed = await client.post(f"{path}/confirm-payment", headers=worker["headers"])
    assert confirmed.status_code == 200, confirmed.text
    return int(order["id"])


async def grade(client: Any, employer_id: int, who: dict[str, Any], expect: int = 200, **headers: str) -> Any:
    """GET the employer's grade as `who`."""
    response = await client.get(f"/api/employers/{employer_id}/grade", headers={**who["headers"], **headers})
    assert response.status_code == expect, response.text
    return response.json()


async def review(client: Any, employer_id: int, supervisor: dict[str, Any], expect: int = 200, **body: Any) -> Any:
    """A supervisor's review of the grade (`grade`, `reason`, `lift_on`)."""
    response = await client.post(f"/api/employers/{employer_id}/grade/review", headers=supervisor["headers"],
                                 json={"reason": "复核：依据现场核查结果", **body})
    assert response.status_code == expect, response.text
    return response.json()
