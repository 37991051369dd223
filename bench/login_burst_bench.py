"""A plain request during a burst of failed logins: Argon2 on the event loop versus in the hashing pool.

Run from the repository root: ``python bench/login_burst_bench.py [--logins 20] [--rounds 2]``.

Works in a throwaway SQLite file with the production Argon2 parameters (64 MiB, argon2-cffi's defaults otherwise)
and calls the app in-process through httpx's ASGI transport (one event loop, as one uvicorn worker). Per round and
mode it sends `--logins` logins with a wrong password all at once and, until they have all answered, one
`GET /api/jobs/1` after another; it prints that GET's latency (median and worst) beside the same GET with no
logins running. The modes:
- **on the loop** (before): `authenticate` calls the blocking hash functions directly, as it used to;
- **hashing pool** (after): `authenticate` as shipped, Argon2 in `LINGGONG_PASSWORD_HASH_THREADS` threads.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _environment(workdir: Path) -> None:
    os.environ.update({
        "LINGGONG_ENV": "development", "LINGGONG_DATA_DIR": str(workdir), "LINGGONG_REDIS_URL": "",
        "LINGGONG_DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "LINGGONG_SECRET_KEY": "bench-secret-key-that-is-long-enough-0123456789",
        "LINGGONG_LOGIN_ATTEMPTS_PER_MINUTE": "100000", "LINGGONG_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE": "100000",
    })
    os.environ.pop("LINGGONG_PASSWORD_HASH_MEMORY_KIB", None)


async def _on_loop_hash(password: str) -> str:
    from market.core.passwords import hash_password

    return hash_password(password)


async def _on_loop_verify(stored_hash: str, password: str) -> bool:
    from market.core.passwords import verify_password

    return verify_password(stored_hash, password)


def _job_body() -> dict[str, object]:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    return {"title": "搬家临时工", "description": "三楼无电梯", "skills": ["搬运工"],
            "location": {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号"},
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=8)).isoformat(), "headcount": 2,
            "pay": {"amount_fen": 25000, "unit": "day"}, "pay_due_hours": 24}


async def _timed_get(client, headers) -> float:
    started = time.perf_counter()
    response = await client.get("/api/jobs/1", headers=headers)
    assert response.status_code == 200, response.text
    return (time.perf_counter() - started) * 1000


async def _burst(client, phone: str, headers, logins: int) -> tuple[list[float], float]:
    started = time.perf_counter()
    tasks = [asyncio.create_task(client.post("/api/auth/login", json={"phone": phone, "password": f"wrong-{i}x"}))
             for i in range(logins)]
    await asyncio.sleep(0)  # let the logins start first
    latencies = []
    while not all(task.done() for task in tasks):
        latencies.append(await _timed_get(client, headers))
    assert {(await task).status_code for task in tasks} == {401}
    return latencies, time.perf_counter() - started


async def _run(logins: int, rounds: int) -> None:
    import httpx

    from market.accounts import services
    from market.accounts.tables import User
    from market.app import create_app
    from market.core.passwords import hash_password
    from market.jobs.tables import Job
    from market.maintenance import migrate
    from market.settings import get_settings

    await migrate()
    started = time.perf_counter()
    password_hash = hash_password("bench-passw0rd")
    print(f"one Argon2id hash with production parameters ({get_settings().password_hash_memory_kib} KiB): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms; hashing threads: {get_settings().password_hash_threads}")
    employer = User(phone="13800000001", name="老板", role="employer", password_hash=password_hash)
    worker = User(phone="13800000002", name="工人", role="worker", password_hash=password_hash)
    await employer.save()
    await worker.save()
    app = create_app()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        def headers(user_id: int) -> dict[str, str]:
            token = app.state.auth.create_token(identifier=str(user_id), token_extras={"ver": 0})
            return {"Authorization": f"Bearer {token}"}

        posted = await client.post("/api/jobs", json=_job_body(), headers=headers(employer.id))
        assert posted.status_code == 201, posted.text
        assert await Job.exists().where(Job.id == 1)
        reader = headers(worker.id)
        quiet = [await _timed_get(client, reader) for _ in range(50)]
        print(f"GET /api/jobs/1 alone: median {statistics.median(quiet):.1f} ms, worst {max(quiet):.1f} ms")
        shipped = (services.hash_password_off_loop, services.verify_password_off_loop)
        for mode, functions in (("on the loop", (_on_loop_hash, _on_loop_verify)), ("hashing pool", shipped)):
            services.hash_password_off_loop, services.verify_password_off_loop = functions  # type: ignore[assignment]
            for round_no in range(1, rounds + 1):
                latencies, burst_s = await _burst(client, worker.phone, reader, logins)
                print(f"{mode:>12}, round {round_no}: {logins} failed logins took {burst_s:.2f} s; "
                      f"GET /api/jobs/1 x{len(latencies)} meanwhile: median {statistics.median(latencies):.1f} ms,"
                      f" worst {max(latencies):.1f} ms")
        services.hash_password_off_loop, services.verify_password_off_loop = shipped


def main() -> None:
    """Parse the options, run both modes, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="linggong-login-bench-") as workdir:
        _environment(Path(workdir))
        import market  # noqa: F401  (sets PICCOLO_CONF before Piccolo is imported)

        asyncio.run(_run(args.logins, args.rounds))


if __name__ == "__main__":
    main()
