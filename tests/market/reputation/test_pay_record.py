"""The employer's pay record on the job a worker reads (issue 13): deals over 12 months and the share paid on time,
only from the minimum number of deals (else a new employer, no figures); not on the radar's items."""

from __future__ import annotations

from datetime import timedelta

from market.core import clock
from tests.market.reputation.rating_helpers import completed_deal


async def _pay(client, deal):
    paid = await client.post(f"/api/orders/{deal['order']['id']}/paid", headers=deal["employer"]["headers"],
                             json={"amount_fen": deal["order"]["agreed_pay_fen"]})
    assert paid.status_code == 200, paid.text


async def _job_as_worker(client, market, employer):
    start = clock.now().replace(microsecond=0) + timedelta(days=1)
    job = await market.job(employer, starts_at=start.isoformat(), ends_at=(start + timedelta(hours=8)).isoformat())
    reader = await market.user("worker")
    response = await client.get(f"/api/jobs/{job['id']}", headers=reader["headers"])
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_new_employer_shows_no_figures(client, market):
    employer = await market.user("employer", name="新老板")
    deal = await completed_deal(client, market, employer=employer)
    await _pay(client, deal)
    record = (await _job_as_worker(client, market, employer))["employer_record"]
    assert record == {"window_months": 12, "min_deals": 5, "new": True, "deals": None, "paid_on_time_percent": None,
                      "paid_late": None, "unpaid_overdue": None}


async def test_from_five_deals_the_record_shows_the_share_paid_on_time(client, market):
    employer = await market.user("employer", name="老用工方")
    deals = [await completed_deal(client, market, employer=employer) for _ in range(5)]
    for deal in deals[:3]:
        await _pay(client, deal)
    clock.shift(timedelta(days=3))  # past every pay-by time: one paid late, one still unpaid
    await _pay(client, deals[3])
    job = await _job_as_worker(client, market, employer)
    assert job["employer_record"] == {"window_months": 12, "min_deals": 5, "new": False, "deals": 5,
                                      "paid_on_time_percent": 60, "paid_late": 1, "unpaid_overdue": 1}
    assert job["employer"]["credit_grade"] in "ABCD"
    staff = await market.user("staff")
    seen = (await client.get(f"/api/jobs/{job['id']}", headers=staff["headers"])).json()
    assert seen["employer_record"]["deals"] == 5, "staff read the same record"


async def test_the_lists_carry_no_record(client, market):
    employer = await market.user("employer")
    await market.job(employer)
    page = (await client.get("/api/jobs?mine=true", headers=employer["headers"])).json()
    assert page["items"]
    assert all(item["employer_record"] is None for item in page["items"])
