"""Rows another process writes (here `linggong demo`) reach a serving app's radar and candidates within the polling
interval: the command line writes through the same unit of work, so its rows leave matching changes behind."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

from market.core.database import current_engine
from market.demo.cases import CASE_STORY_JOBS
from market.demo.city import DEMO_EMPLOYER, DEMO_PASSWORD, DEMO_WORKER
from market.demo.ratings import RATED_JOBS
from market.demo.wages import UNPAID_JOBS
from market.jobs.tables import Job
from market.ranking.state import POLL_INTERVAL, live_matching


def _database_url() -> str:
    engine = current_engine()
    path = getattr(engine, "path", None)
    return f"sqlite:///{path}" if path else os.environ["LINGGONG_DATABASE_URL"]


async def _login(client, phone: str) -> dict[str, str]:
    response = await client.post("/api/auth/login", json={"phone": phone, "password": DEMO_PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


async def _eventually(check, seconds: float):
    """`check()`'s answer once it is truthy, polling for at most `seconds` (the app polls its changes lazily)."""
    deadline = time.monotonic() + seconds
    while True:
        answer = await check()
        if answer or time.monotonic() > deadline:
            return answer
        await asyncio.sleep(0.2)


async def test_a_city_seeded_by_a_second_process_shows_on_the_radar_and_in_candidates(client):
    state = await live_matching(client.app.state).current()  # built now, on the empty database, before the seed
    assert not state.jobs

    seeded = await asyncio.to_thread(subprocess.run,
        [sys.executable, "-c", "import sys; from market.cli import main; sys.exit(main())", "demo",
         "--workers", "60", "--jobs", "25"],
        env={**os.environ, "LINGGONG_DATABASE_URL": _database_url()}, capture_output=True, text=True, timeout=300)
    assert seeded.returncode == 0, seeded.stderr
    assert await Job.count() == 25 + len(UNPAID_JOBS) + CASE_STORY_JOBS + RATED_JOBS  # and the jobs worked

    worker = await _login(client, DEMO_WORKER.phone)

    async def radar():
        response = await client.get("/api/jobs", headers=worker)
        assert response.status_code == 200, response.text
        return response.json()["items"]

    wait = 3 * POLL_INTERVAL.total_seconds()
    jobs = await _eventually(radar, wait)
    assert jobs, "the demo worker's radar is empty: the app never saw the seeded jobs"
    assert all(job["score"] is not None for job in jobs), "jobs listed but not ranked for the worker"

    employer = await _login(client, DEMO_EMPLOYER.phone)
    mine = (await client.get("/api/jobs?mine=true", headers=employer)).json()["items"]
    assert mine, "the demo employer has no open jobs"

    async def candidates():
        response = await client.get(f"/api/jobs/{mine[0]['id']}/candidates", headers=employer)
        assert response.status_code == 200, response.text
        return response.json()["items"]

    assert await _eventually(candidates, wait), "no candidates: the app never saw the seeded workers"
