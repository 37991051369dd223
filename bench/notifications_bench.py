"""Notification dispatch: 10,000 SMS deliveries through arq and Redis, then the same in-process, in one run.

Run from the repository root: ``python bench/notifications_bench.py [--messages 10000] [--rounds 1]``.

Starts its own redis-server on a spare port (never the shared one) and works in a throwaway database: a temporary
SQLite file migrated by `market.maintenance.migrate`, or, when LINGGONG_DATABASE_URL names a PostgreSQL server, a
database `linggong_bench_<pid>` created on it and dropped at the end. The messages are written to the outbox with
`announce` inside `write_transaction` (as the market does), each with one SMS delivery (the recording adapter).

Timed per round, on the same deliveries reset to pending:
- **arq**: enqueue `dispatch_outbox` through the market's seam, run an arq burst worker with the market's job
  functions until every delivery is delivered (enqueueing again while any is left);
- **in-process**: call `market.background.jobs.dispatch_outbox({})` until every delivery is delivered.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

RECIPIENTS_PER_ANNOUNCE = 100
ANNOUNCES_PER_TRANSACTION = 10


def _spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_redis(port: int, workdir: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--daemonize", "no", "--dir", str(workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    return process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit(f"redis-server did not start on port {port}")
        time.sleep(0.02)


async def _admin(admin_url: str, statement: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(admin_url)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def _seed_users(count: int) -> list[int]:
    from market.accounts.tables import User

    phones = [str(13800000000 + i) for i in range(count)]
    await User.insert(*[User(phone=p, name=f"工人{i}", role="worker", password_hash="x") for i, p in enumerate(phones)])
    return [row["id"] for row in await User.select(User.id).order_by(User.id)]


async def _write_outbox(users: list[int], messages: int) -> float:
    """Write `messages` outbox messages with one SMS delivery each; seconds taken."""
    from market.core.database import write_transaction
    from market.notifications.outbox import announce

    starts = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    payload = {"order_id": 1, "title": "搬家临时工", "starts_at": starts, "address": "漳州市芗城区胜利西路128号"}
    calls = messages // RECIPIENTS_PER_ANNOUNCE
    started = time.perf_counter()
    for first in range(0, calls, ANNOUNCES_PER_TRANSACTION):
        async with write_transaction():
            for call in range(first, min(first + ANNOUNCES_PER_TRANSACTION, calls)):
                chunk = users[(call * RECIPIENTS_PER_ANNOUNCE) % len(users):][:RECIPIENTS_PER_ANNOUNCE]
                await announce("shift_reminder", chunk, payload, key=f"bench-{call}")
    return time.perf_counter() - started


async def _counts() -> tuple[int, int, int]:
    """(deliveries, delivered, sms_log rows)."""
    from market.notifications.tables import Delivery, DeliveryStatus, SmsLog

    return (await Delivery.count(), await Delivery.count().where(Delivery.status == DeliveryStatus.delivered),
            await SmsLog.count())


async def _reset_deliveries() -> None:
    from market.notifications.tables import Delivery, DeliveryStatus, SmsLog

    await SmsLog.delete(force=True)
    await Delivery.update({Delivery.status: DeliveryStatus.pending, Delivery.attempts: 0,
                           Delivery.delivered_at: None, Delivery.claimed_at: None}, force=True)


async def _flush_queue() -> None:
    """Drop what the setup's after-commit nudges queued, so the timed run starts from an empty queue."""
    from market.background import queue

    await asyncio.gather(*list(queue._tasks))
    await (await queue._pool()).flushdb()


async def _through_arq(total: int) -> tuple[float, int]:
    """Seconds until every delivery is delivered by arq burst workers; number of jobs run."""
    from arq.worker import Worker

    from market.background import queue
    from market.background.worker import WorkerSettings

    jobs = 0
    started = time.perf_counter()
    while (await _counts())[1] < total:
        if not await queue.enqueue("dispatch_outbox"):
            raise SystemExit("could not enqueue on Redis")
        worker = Worker(functions=WorkerSettings.functions, redis_settings=queue.redis_settings(), burst=True,
                        poll_delay=0.01, handle_signals=False, max_jobs=WorkerSettings.max_jobs,
                        job_timeout=WorkerSettings.job_timeout, keep_result=WorkerSettings.keep_result,
                        log_results=False)
        try:
            await worker.async_run()
        finally:
            await worker.close()
        if worker.jobs_failed:
            raise SystemExit("a dispatch job failed")
        jobs += worker.jobs_complete
    return time.perf_counter() - started, jobs


async def _in_process(total: int) -> tuple[float, int]:
    """Seconds until every delivery is delivered by calling the job function directly; number of calls."""
    from market.background.jobs import dispatch_outbox

    calls = 0
    started = time.perf_counter()
    while (await _counts())[1] < total:
        await dispatch_outbox({})
        calls += 1
    return time.perf_counter() - started, calls


def _check(total: int, counts: tuple[int, int, int]) -> None:
    if counts != (total, total, total):
        raise SystemExit(f"expected {total} deliveries, delivered and texts; got {counts}")


async def _run(args: argparse.Namespace, postgres_admin: str | None, bench_db: str | None) -> None:
    from piccolo.engine.postgres import PostgresEngine

    from market.background.queue import close_pool
    from market.core.database import current_engine
    from market.maintenance import migrate

    if postgres_admin and bench_db:
        await _admin(postgres_admin, f"CREATE DATABASE {bench_db}")
    engine = current_engine()
    if isinstance(engine, PostgresEngine):
        await engine.start_connection_pool(min_size=1, max_size=10)
    try:
        await migrate()
        users = await _seed_users(max(RECIPIENTS_PER_ANNOUNCE, args.users))
        write_s = await _write_outbox(users, args.messages)
        await _flush_queue()
        total = (await _counts())[0]
        print(f"outbox: {total:,} SMS deliveries written in {write_s:.2f} s ({total / write_s:,.0f}/s, "
              f"{ANNOUNCES_PER_TRANSACTION * RECIPIENTS_PER_ANNOUNCE} per transaction)")
        results: dict[str, list[float]] = {"arq": [], "in-process": []}
        for round_ in range(1, args.rounds + 1):
            for mode, run in (("arq", _through_arq), ("in-process", _in_process)):
                await _reset_deliveries()
                seconds, runs = await run(total)
                _check(total, await _counts())
                results[mode].append(total / seconds)
                print(f"round {round_} {mode:>10}: {total:,} delivered in {seconds:.2f} s = {total / seconds:,.0f}/s "
                      f"({runs} job runs)")
        for mode, rates in results.items():
            print(f"{mode:>10}: best {max(rates):,.0f}/s, median {sorted(rates)[len(rates) // 2]:,.0f}/s")
        verdict = "met" if max(results["arq"]) >= 1000 else "MISSED"
        print(f"target ≥ 1,000/s through arq: {verdict}")
    finally:
        await close_pool()
        if isinstance(engine, PostgresEngine):
            await engine.close_connection_pool()
        if postgres_admin and bench_db:
            await _admin(postgres_admin, f"DROP DATABASE IF EXISTS {bench_db} WITH (FORCE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=10_000, help="SMS deliveries to dispatch")
    parser.add_argument("--users", type=int, default=1_000, help="distinct recipients")
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds of each mode")
    args = parser.parse_args()
    if shutil.which("redis-server") is None:
        raise SystemExit("redis-server is not installed")

    workdir = Path(tempfile.mkdtemp(prefix="linggong-bench-"))
    given = os.environ.get("LINGGONG_DATABASE_URL", "")
    postgres_admin = bench_db = None
    if given.startswith(("postgres://", "postgresql://")):
        postgres_admin, bench_db = given, f"linggong_bench_{os.getpid()}"
        database_url = urlunsplit(urlsplit(given)._replace(path=f"/{bench_db}"))
    else:
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    port = _spare_port()
    redis = _start_redis(port, workdir)
    os.environ.update({
        "LINGGONG_ENV": "test", "LINGGONG_DATA_DIR": str(workdir), "LINGGONG_DATABASE_URL": database_url,
        "LINGGONG_REDIS_URL": f"redis://127.0.0.1:{port}/0",
        "LINGGONG_SECRET_KEY": "bench-secret-key-that-is-long-enough-0123456789",
    })
    import market  # noqa: F401  (sets PICCOLO_CONF before Piccolo is imported)

    print(f"python {platform.python_version()} · {os.cpu_count()} cores · "
          f"{'PostgreSQL' if postgres_admin else 'SQLite (WAL)'} · redis-server on port {port}")
    try:
        asyncio.run(_run(args, postgres_admin, bench_db))
    finally:
        redis.terminate()
        redis.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
