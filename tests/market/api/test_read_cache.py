"""The radar, candidates and login check remember rows between requests, yet a change committed in one app process
shows in that process's next request, and in another process (its own memory, the same database) within the poll
interval.

The other process is a real server (`uvicorn`, on this test's SQLite file or PostgreSQL database)."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from datetime import timedelta

import httpx

from market.core import clock
from market.core.database import current_engine
from market.ranking.state import POLL_INTERVAL
from tests.market.api.ranking_helpers import place, skill, starting_in, worker_with

MONDAY = starting_in(timedelta(days=3))
TUESDAY = starting_in(timedelta(days=4))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    if not env.get("LINGGONG_DATABASE_URL", "").startswith("postgres"):
        env["LINGGONG_DATABASE_URL"] = f"sqlite:///{current_engine().path}"  # type: ignore[attr-defined]
    return subprocess.Popen([sys.executable, "-m", "uvicorn", "market.app:create_app", "--factory", "--host",
                             "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def _wait_until_up(http: httpx.AsyncClient, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode() if process.stderr else "server exited")
        try:
            if (await http.get("/api/health", timeout=1)).status_code == 200:
                return
        except httpx.HTTPError:
            await asyncio.sleep(0.2)
    raise TimeoutError("the second server did not start")


async def _radar(http, worker):
    response = await http.get("/api/jobs", headers=worker["headers"])
    assert response.status_code == 200, response.text
    return response.json()


async def _candidates(http, job, employer):
    response = await http.get(f"/api/jobs/{job['id']}/candidates", headers=employer["headers"])
    assert response.status_code == 200, response.text
    return response.json()


def _ids(page, key="id"):
    return [item[key] for item in page["items"]]


async def _after_the_poll_interval() -> None:
    await asyncio.sleep(POLL_INTERVAL.total_seconds() + 0.3)  # the other process's clock is the real one


async def test_changes_show_in_the_next_request_here_and_within_the_poll_interval_there(client, market):
    employer = await market.user("employer")
    only_one = await market.job(employer, title="只要一人", skills=["电工"], location=place(1), headcount=1,
                                **TUESDAY)
    monday = await market.job(employer, title="周一电工", skills=["电工"], location=place(1), **MONDAY)
    also_monday = await market.job(employer, title="周一又一个", skills=["电工"], location=place(2), **MONDAY)
    seeker = await worker_with(client, market, "看看", [skill("电工", 2)], 0)
    taker = await worker_with(client, market, "抢单", [skill("电工")], 0)
    port = _free_port()
    server = _start_server(port)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as there:
            await _wait_until_up(there, server)
            everything = {only_one["id"], monday["id"], also_monday["id"]}
            for http in (client, there):  # both processes have read (and kept) what they show
                assert set(_ids(await _radar(http, seeker))) == everything
                assert set(_ids(await _candidates(http, also_monday, employer), "worker_id")) == {
                    seeker["id"], taker["id"]}

            # A job filled through this process: gone here at once, there within the poll interval.
            assert (await market.accept(only_one["id"], taker)).status_code == 201
            assert set(_ids(await _radar(client, seeker))) == {monday["id"], also_monday["id"]}
            await _after_the_poll_interval()
            page = await _radar(there, seeker)
            assert (set(_ids(page)), page["total"]) == ({monday["id"], also_monday["id"]}, 2)

            # A worker who accepts through the other process: busy on Monday there at once, here after the poll.
            accepted = await there.post(f"/api/jobs/{monday['id']}/accept", headers=seeker["headers"])
            assert accepted.status_code == 201, accepted.text
            assert _ids(await _candidates(there, also_monday, employer), "worker_id") == [taker["id"]]
            assert _ids(await _radar(there, seeker)) == []
            clock.shift(POLL_INTERVAL + timedelta(milliseconds=300))
            assert _ids(await _candidates(client, also_monday, employer), "worker_id") == [taker["id"]]
            assert (await _radar(client, seeker))["total"] == 0

            # A profile edit in the other process, and an employer's new name here.
            before = (await _candidates(client, also_monday, employer))["items"][0]
            edited = await there.put("/api/workers/me", headers=taker["headers"],
                                     json={"skills": [skill("电工", 9, certified=True)]})
            assert edited.status_code == 200, edited.text
            renamed = await client.put("/api/employers/me", headers=employer["headers"], json={"name": "改名劳务公司"})
            assert renamed.status_code == 200, renamed.text
            clock.shift(POLL_INTERVAL + timedelta(milliseconds=300))
            after = (await _candidates(client, also_monday, employer))["items"][0]
            assert after["held_skills"] == [{"name": "电工", "years": 9, "certified": True}]
            assert after["score"] > before["score"]
            await _after_the_poll_interval()
            mover = await worker_with(client, market, "新来的", [skill("电工")], 0)
            await _after_the_poll_interval()
            assert {j["employer"]["name"] for j in (await _radar(there, mover))["items"]} == {"改名劳务公司"}

            # Logging out ends the session the cached login check knew: here at once, there within the interval.
            for http in (client, there):
                assert (await http.get("/api/auth/me", headers=seeker["headers"])).status_code == 200
                assert (await http.get("/api/auth/me", headers=taker["headers"])).status_code == 200
            assert (await client.post("/api/auth/logout", headers=taker["headers"])).status_code == 200
            assert (await client.get("/api/auth/me", headers=taker["headers"])).status_code == 401
            assert (await there.post("/api/auth/logout", headers=seeker["headers"])).status_code == 200
            assert (await there.get("/api/auth/me", headers=seeker["headers"])).status_code == 401
            clock.shift(POLL_INTERVAL + timedelta(milliseconds=300))
            assert (await client.get("/api/auth/me", headers=seeker["headers"])).status_code == 401
            await _after_the_poll_interval()
            assert (await there.get("/api/auth/me", headers=taker["headers"])).status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=10)
