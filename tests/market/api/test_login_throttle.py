"""Login throttling an attacker cannot steer: forwarded headers only from trusted proxies, no lock on the owner,
and every refused login logged with the phone masked."""

from __future__ import annotations

import logging
import secrets
from typing import Any

import httpx
import pytest
import uvicorn

from market.accounts.throttle import MAX_HOLD_BACK_S, counted_address, hold_back_s
from market.cli import uvicorn_proxy_options
from market.settings import get_settings, reset_settings

WRONG = "guess-passw0rd"


def served_app(monkeypatch: pytest.MonkeyPatch, **env: object) -> tuple[Any, Any]:
    """The app as `linggong serve` hands it to clients: built with these settings, wrapped the way uvicorn wraps it
    (proxy headers included) from the same options; answers (what uvicorn serves, the Litestar app). The shared
    settings are restored at once."""
    from market.app import create_app

    for name, value in env.items():
        monkeypatch.setenv(f"LINGGONG_{name.upper()}", str(value))
    reset_settings()
    try:
        app = create_app()
        config = uvicorn.Config(app, log_config=None, **uvicorn_proxy_options(get_settings()))
        config.load()
        return config.loaded_app, app
    finally:
        monkeypatch.undo()
        reset_settings()


def capture_logs(caplog: pytest.LogCaptureFixture, level: int = logging.INFO) -> None:
    """Capture log records from here on: building an app reconfigures logging and drops pytest's handler."""
    logging.getLogger().addHandler(caplog.handler)
    caplog.set_level(level)


def client_from(app: Any, peer: str) -> httpx.AsyncClient:
    """A client whose connection comes from `peer`."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(peer, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def unused_phone() -> str:
    """A phone no other test tries (counts may live in a Redis shared with earlier tests)."""
    return f"136{secrets.randbelow(10**8):08d}"


def unused_address() -> str:
    """A client address from a documentation range that no other test uses."""
    return f"203.0.{secrets.randbelow(100) + 114}.{secrets.randbelow(254) + 1}"


def random_forwarded_for() -> dict[str, str]:
    return {"X-Forwarded-For": f"192.0.2.{secrets.randbelow(254) + 1}"}


async def test_random_forwarded_for_from_an_untrusted_peer_does_not_bypass_the_address_limit(monkeypatch):
    # loopback, the peer uvicorn used to trust by default; counted in this app's memory (a shared Redis would
    # carry other tests' loopback counts)
    app, _ = served_app(monkeypatch, login_attempts_per_address_per_minute=3, redis_url="")
    async with client_from(app, "127.0.0.1") as attacker:
        answers = [(await attacker.post("/api/auth/login", json={"phone": unused_phone(), "password": WRONG},
                                        headers=random_forwarded_for())).status_code for _ in range(4)]
    assert answers == [401, 401, 401, 429]


async def test_without_trusted_proxies_uvicorn_ignores_forwarded_headers_even_from_loopback():
    from market.settings import Settings

    assert uvicorn_proxy_options(Settings()) == {"proxy_headers": False}
    assert uvicorn_proxy_options(Settings(trusted_proxies=("10.0.0.0/8",))) == {
        "proxy_headers": True, "forwarded_allow_ips": ["10.0.0.0/8"]}


async def test_a_trusted_proxys_forwarded_for_is_honoured(monkeypatch, caplog):
    app, _ = served_app(monkeypatch, login_attempts_per_address_per_minute=2, trusted_proxies="10.0.0.0/8, ::1")
    first, second = unused_address(), unused_address()
    capture_logs(caplog)
    async with client_from(app, "10.1.2.3") as proxy:
        async def attempt(client_address: str) -> int:
            response = await proxy.post("/api/auth/login", json={"phone": unused_phone(), "password": WRONG},
                                        headers={"X-Forwarded-For": client_address})
            return response.status_code

        assert [await attempt(first) for _ in range(3)] == [401, 401, 429]
        assert await attempt(second) == 401, "another client behind the same proxy has its own count"
    assert any(first in record.getMessage() for record in caplog.records), "the log names the real client"


async def test_the_owner_at_another_address_logs_in_after_an_attackers_failures(monkeypatch, market):
    app, _ = served_app(monkeypatch, login_attempts_per_minute=10)
    owner = await market.user("worker", phone=unused_phone())
    async with client_from(app, unused_address()) as attacker:
        answers = [(await attacker.post("/api/auth/login", json={"phone": owner["phone"], "password": WRONG})
                    ).status_code for _ in range(12)]
    assert answers == [401] * 10 + [429] * 2
    async with client_from(app, unused_address()) as at_home:
        response = await at_home.post("/api/auth/login", json={"phone": owner["phone"], "password": market.password})
    assert response.status_code == 200, response.text


async def test_guesses_from_many_addresses_slow_the_owner_down_but_never_lock_them_out(monkeypatch, market):
    app, market_app = served_app(monkeypatch, login_slowdown_per_phone_per_minute=5)
    held_back: list[float] = []

    async def record(seconds: float) -> None:
        held_back.append(seconds)

    market_app.state.throttle.sleep = record
    owner = await market.user("worker", phone=unused_phone())
    for _ in range(20):
        async with client_from(app, unused_address()) as bot:
            response = await bot.post("/api/auth/login", json={"phone": owner["phone"], "password": WRONG})
            assert response.status_code == 401
    async with client_from(app, unused_address()) as at_home:
        response = await at_home.post("/api/auth/login", json={"phone": owner["phone"], "password": market.password})
    assert response.status_code == 200, response.text
    assert len(held_back) == 16, "every attempt past the first five is held back"
    assert held_back == sorted(held_back)
    assert held_back[-1] == MAX_HOLD_BACK_S


def test_the_hold_back_doubles_up_to_its_cap():
    assert [hold_back_s(n) for n in (1, 2, 3, 4, 5, 6, 50)] == [0.25, 0.5, 1, 2, 4, MAX_HOLD_BACK_S, MAX_HOLD_BACK_S]


async def test_a_failed_login_is_logged_with_the_masked_phone_and_address(monkeypatch, market, caplog):
    app, _ = served_app(monkeypatch)
    phone, address = unused_phone(), unused_address()
    capture_logs(caplog)
    async with client_from(app, address) as caller:
        assert (await caller.post("/api/auth/login", json={"phone": phone, "password": WRONG})).status_code == 401
        junk = "13\n9 forged log line"  # a control character in text is refused before any log line is written
        assert (await caller.post("/api/auth/login", json={"phone": junk, "password": WRONG})).status_code == 400
    lines = [record.getMessage() for record in caplog.records]
    masked = f"{phone[:3]}****{phone[-4:]}"
    assert any(masked in line and address in line for line in lines), lines
    assert not any(phone in line or "forged" in line for line in lines)


def test_an_ipv6_client_is_counted_by_its_64_so_fresh_addresses_do_not_reset_the_count():
    assert counted_address("2001:db8:1:2::1") == counted_address("2001:db8:1:2:ffff::7") == "2001:db8:1:2::/64"
    assert counted_address("2001:db8:1:3::1") != counted_address("2001:db8:1:2::1")
    assert counted_address("203.0.113.9") == "203.0.113.9"
    assert counted_address("unknown") == "unknown"
