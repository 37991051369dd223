"""Two app processes sharing one PostgreSQL database still never overfill a job (runs only on PostgreSQL)."""

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections import Counter

import httpx
import pytest

from market.jobs.tables import Job
from market.orders.tables import Order

pytestmark = pytest.mark.skipif(not os.environ.get("LINGGONG_DATABASE_URL", "").startswith("postgres"),
                                reason="two processes share a database only on PostgreSQL")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "market.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode() if process.stderr else "server exited")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise TimeoutError(f"server on {port} did not start")


async def test_two_app_processes_fill_exactly_the_headcount(market):
    employer = await market.user("employer")
    job = await market.job(employer, headcount=5)
    workers = await market.workers(200)
    ports = [_free_port(), _free_port()]
    servers = [_start_server(port) for port in ports]
    try:
        for port, server in zip(ports, servers, strict=True):
            _wait_until_up(port, server)
        async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=100)) as http:
            responses = await asyncio.gather(*(
                http.post(f"http://127.0.0.1:{ports[i % 2]}/api/jobs/{job['id']}/accept", headers=w["headers"])
                for i, w in enumerate(workers)))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    assert Counter(r.status_code for r in responses) == {201: 5, 409: 195}
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"job_full"}
    winners_by_port = Counter(ports[i % 2] for i, r in enumerate(responses) if r.status_code == 201)
    assert sum(winners_by_port.values()) == 5
    assert await Order.count().where(Order.job == job["id"]) == 5
    assert (await Job.select(Job.filled).where(Job.id == job["id"]).first())["filled"] == 5
