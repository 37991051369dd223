"""The small city every export test reads: a station, an employer, two workers on one job, a complaint, a red
warning, the bureau and an admin."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from market.core import clock
from market.core.identity import make_resident_id
from market.wages.watch import scan_wages
from tests.market.api.wage_helpers import MONDAY, at, station

ID_NUMBER = make_resident_id("350203", date(1990, 5, 17), 123)


@pytest.fixture
async def city(client: Any, market: Any) -> dict[str, Any]:
    """Monday 2026-12-07: a station by the site; 王小明 (with an ID number) and 赵大力 take a two-place job of
    张老板's; 王小明 complains he was not paid; by Friday 12-18 the pay is seven working days late (red)."""
    staff = await station(market)
    employer = await market.user("employer", name="张老板")
    await client.put("/api/employers/me", json={"name": "鹭岛搬家有限公司"}, headers=employer["headers"])
    first = await market.user("worker", name="王小明")
    second = await market.user("worker", name="赵大力")
    answer = await client.put("/api/workers/me", json={"real_name": "王小明", "id_number": ID_NUMBER},
                              headers=first["headers"])
    assert answer.status_code == 200, answer.text
    clock.freeze(MONDAY)
    start = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)
    job = await market.job(employer, title="=HYPERLINK(\"x\")搬家", headcount=2, starts_at=start.isoformat(),
                           ends_at=(start + timedelta(hours=8)).isoformat())
    orders = []
    for worker in (first, second):
        accepted = await market.accept(job["id"], worker)
        assert accepted.status_code == 201, accepted.text
        orders.append(accepted.json())
    at(10)
    complaint = await client.post(f"/api/orders/{orders[0]['order']['id']}/complaints", headers=first["headers"],
                                  json={"kind": "unpaid", "amount_fen": 20000})
    assert complaint.status_code == 201, complaint.text
    at(18)
    await scan_wages()
    supervisor = await market.user("supervisor", name="人社局")
    admin = await market.user("admin", name="管理员")
    return {"staff": staff, "employer": employer, "workers": (first, second), "orders": orders,
            "job": job, "case": complaint.json()["case"], "supervisor": supervisor, "admin": admin}
