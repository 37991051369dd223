"""The login throttle on a real Redis: every app process shares one count, and a Redis outage never blocks a login.

Every test runs its own redis-server (see conftest.py).
"""

from __future__ import annotations

import httpx

from market.app import create_app


def app_client(app, address: str = "203.0.113.7") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def build_app(linggong_env, redis_url: str):
    linggong_env(redis_url=redis_url, login_attempts_per_minute=3, login_attempts_per_address_per_minute=1000)
    return create_app()


async def test_two_app_processes_share_one_count_per_phone(redis, linggong_env, market):
    first_app, second_app = build_app(linggong_env, redis.url), build_app(linggong_env, redis.url)
    attempt = {"phone": market.next_phone(), "password": "guess-passw0rd"}
    async with app_client(first_app) as first, app_client(second_app) as second:
        for caller in (first, second, first):
            assert (await caller.post("/api/auth/login", json=attempt)).status_code == 401
        assert (await second.post("/api/auth/login", json=attempt)).status_code == 429, "one count, not one each"
    for app in (first_app, second_app):
        await app.state.throttle.close()


async def test_with_redis_down_logins_are_answered_and_still_counted_in_the_process(redis, linggong_env, market):
    app = build_app(linggong_env, redis.url)
    user = await market.user("worker")
    redis.stop()
    async with app_client(app) as caller:
        good = await caller.post("/api/auth/login", json={"phone": user["phone"], "password": market.password})
        assert good.status_code == 200, good.text
        attempt = {"phone": market.next_phone(), "password": "guess-passw0rd"}
        for _ in range(3):
            assert (await caller.post("/api/auth/login", json=attempt)).status_code == 401
        assert (await caller.post("/api/auth/login", json=attempt)).status_code == 429
    await app.state.throttle.close()
