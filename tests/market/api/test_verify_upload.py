"""Anonymous verification: limited per client address, counted per contract and day instead of one trail event per
upload, and checked off the event loop."""

import threading
from datetime import timedelta

import httpx
import pytest

from market.accounts.throttle import AttemptThrottle
from market.contracts import services
from market.contracts.tables import ContractEvent, ContractVerification
from market.core import clock

PDF = {"Content-Type": "application/pdf"}


@pytest.fixture
async def contract_pdf(client, market):
    """The signed PDF of a fresh order, and its contract id."""
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)
    contract = (await market.accept(job["id"], worker)).json()["contract"]
    pdf = (await client.get(contract["pdf_url"], headers=worker["headers"])).content
    return contract["id"], pdf


async def test_verifying_is_limited_per_client_address(client):
    client.app.state.verify_throttle = AttemptThrottle(per_phone=0, per_address=3, redis_url=None)
    junk = b"%PDF-1.7 not really a contract"
    for _ in range(3):
        assert (await client.post("/api/contracts/verify", content=junk, headers=PDF)).status_code == 200
    refused = await client.post("/api/contracts/verify", content=junk, headers={**PDF, "Accept-Language": "en"})
    assert refused.status_code == 429
    assert refused.json()["code"] == "too_many_requests"
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    elsewhere = httpx.ASGITransport(app=client.app, client=("192.0.2.7", 40000))
    async with httpx.AsyncClient(transport=elsewhere, base_url="http://testserver") as other:
        assert (await other.post("/api/contracts/verify", content=junk, headers=PDF)).status_code == 200
    login = await client.post("/api/auth/login", json={"phone": "13900000000", "password": "wrong-passw0rd"})
    assert login.status_code == 401, "logins keep their own counts"


async def _verified_events(contract_id: int) -> int:
    return await ContractEvent.count().where(
        (ContractEvent.contract == contract_id) & (ContractEvent.kind == "verified"))


async def test_uploads_are_counted_without_growing_the_trail(client, contract_pdf):
    contract_id, pdf = contract_pdf
    middle = len(pdf) // 2
    changed = pdf[:middle] + bytes([pdf[middle] ^ 0x01]) + pdf[middle + 1:]
    for body in (pdf, pdf, changed, pdf, changed):
        assert (await client.post("/api/contracts/verify", content=body, headers=PDF)).status_code == 200
    assert await _verified_events(contract_id) == 1, "one trail event for the day, however many uploads"
    day = await ContractVerification.select().where(ContractVerification.contract == contract_id).first()
    assert day["valid_count"] == 3
    assert day["invalid_count"] in (0, 2)  # a changed copy counts here when its contract number can still be read
    clock.shift(timedelta(days=1))
    await client.post("/api/contracts/verify", content=pdf, headers=PDF)
    assert await _verified_events(contract_id) == 2
    assert await ContractVerification.count().where(ContractVerification.contract == contract_id) == 2


async def test_the_pdf_is_checked_off_the_event_loop(client, contract_pdf, monkeypatch):
    threads = []
    original = services.verify_contract

    def recording(*args):
        threads.append(threading.get_ident())
        return original(*args)

    monkeypatch.setattr(services, "verify_contract", recording)
    response = await client.post("/api/contracts/verify", content=contract_pdf[1], headers=PDF)
    assert response.json()["valid"] is True
    assert threads
    assert threads[0] != threading.get_ident()
