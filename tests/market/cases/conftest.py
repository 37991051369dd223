"""Shared set-up for the wage-case tests: a deal whose pay-by time has passed, and helpers to act on a case."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from market.core import clock, events


class Cases:
    """Acts on complaints and cases through the API, asserting the status each should answer."""

    def __init__(self, client: Any) -> None:
        self.client = client

    async def complain(self, order_id: int, who: dict[str, Any], expect: int = 201, **body: Any) -> Any:
        """File a complaint (unpaid, ¥100 by default)."""
        headers = {**who["headers"], **body.pop("headers", {})}
        response = await self.client.post(f"/api/orders/{order_id}/complaints", headers=headers,
                                          json={"kind": "unpaid", "amount_fen": 10000, **body})
        assert response.status_code == expect, response.text
        return response.json()

    async def act(self, case_id: int, act: str, who: dict[str, Any], body: Any = None, expect: int = 200,
                  **headers: str) -> Any:
        """POST an act on the case."""
        response = await self.client.post(f"/api/cases/{case_id}/{act}", headers={**who["headers"], **headers},
                                          json=body)
        assert response.status_code == expect, response.text
        return response.json()

    async def get(self, case_id: int, who: dict[str, Any], expect: int = 200) -> Any:
        """GET the case."""
        response = await self.client.get(f"/api/cases/{case_id}", headers=who["headers"])
        assert response.status_code == expect, response.text
        return response.json()


@pytest.fixture
def calls_recorded(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every domain event recorded during the test, in order."""
    seen: list[Any] = []
    original = events.UnitOfWork.record

    def spy(self: events.UnitOfWork, event: Any) -> None:
        seen.append(event)
        original(self, event)

    monkeypatch.setattr(events.UnitOfWork, "record", spy)
    return seen


@pytest.fixture
def cases(client: Any) -> Cases:
    """Case helpers bound to this test's client."""
    return Cases(client)


def past_pay_by() -> None:
    """Move the clock past the pay-by time of a job posted now (tomorrow + 8 h of work + 24 h to pay)."""
    clock.shift(timedelta(days=2, hours=9))


def starting_tomorrow() -> dict[str, str]:
    """`starts_at`/`ends_at` of an eight-hour job starting a day after the market's (moved) clock."""
    start = clock.now().replace(microsecond=0) + timedelta(days=1)
    return {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=8)).isoformat()}


@pytest.fixture
async def deal(market: Any) -> dict[str, Any]:
    """A station near the site with its staff, an employer, two workers with accepted orders on one job, and a
    supervisor. The clock is still before the pay-by time."""
    staff = await market.station_staff()
    employer = await market.user("employer", name="张老板")
    first, second = await market.user("worker", name="李四"), await market.user("worker", name="王五")
    job = await market.job(employer, headcount=2)
    orders = [(await market.accept(job["id"], w)).json()["order"] for w in (first, second)]
    supervisor = await market.user("supervisor", name="人社局")
    return {"staff": staff, "employer": employer, "first": first, "second": second, "job": job, "orders": orders,
            "supervisor": supervisor}
