"""A year of a city's orders exported as CSV: time, rows per second and peak memory (it must stay flat).

Usage: python bench/exports_bench.py [--orders N]   (SQLite in a temporary data dir, or LINGGONG_DATABASE_URL)

The orders are written straight into the tables (a bench of the export, not of accepting); the export runs
through the same service the route streams (`take_export`), page by page, with every byte consumed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta


def _rows(orders: int, workers: int, jobs: int) -> tuple[list[tuple], list[tuple], list[tuple]]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    users = [(1, "13800000000", "x", "鹭岛搬家有限公司", "employer")] + [
        (i + 2, f"139{i:08d}", "x", f"工人{i}", "worker") for i in range(workers)]
    job_rows = []
    for j in range(jobs):
        at = start + timedelta(minutes=j * 525_600 // jobs)
        job_rows.append((j + 1, 1, 1, f"搬家临时工{j}", "漳州市芗城区胜利西路128号", 24.51, 117.64, at,
                         at + timedelta(hours=8), 50, 50, 25000, "day", 24, "open", at))
    order_rows = []
    for o in range(orders):
        job = job_rows[o * jobs // orders]
        worker = 2 + o % workers  # consecutive orders of a job: different workers (one order per worker and job)
        order_rows.append((o + 1, job[0], worker, "confirmed", job[7], job[8], job[8] + timedelta(hours=24), 25000,
                           job[15] + timedelta(minutes=5), worker, "app", "issued"))
    return users, job_rows, order_rows


_USERS = "INSERT INTO users (id, phone, password_hash, name, role) VALUES "
_JOBS = ("INSERT INTO jobs (id, employer, posted_by, title, address, lat, lon, starts_at, ends_at, headcount, filled, "
         "pay_amount_fen, pay_unit, pay_due_hours, status, created_at) VALUES ")
_ORDERS = ("INSERT INTO orders (id, job, worker, status, starts_at, ends_at, pay_due_at, agreed_pay_fen, accepted_at, "
           "accepted_by, consent_method, contract_status) VALUES ")


async def _load(orders: int) -> None:
    from market.core.database import current_engine

    users, jobs, order_rows = _rows(orders, workers=5000, jobs=max(1, orders // 40))
    engine = current_engine()
    if engine.engine_type == "sqlite":
        import sqlite3

        def iso(row: tuple) -> tuple:
            return tuple(v.isoformat() if isinstance(v, datetime) else v for v in row)

        with sqlite3.connect(engine.path) as db:  # type: ignore[attr-defined]
            db.execute("PRAGMA foreign_keys = OFF")
            for sql, rows in ((_USERS, users), (_JOBS, jobs), (_ORDERS, order_rows)):
                marks = "(" + ", ".join("?" * len(rows[0])) + ")"
                db.executemany(sql + marks, [iso(r) for r in rows])
        return
    import asyncpg

    connection = await asyncpg.connect(os.environ["LINGGONG_DATABASE_URL"])
    try:
        for table, rows, columns in (("users", users, _USERS), ("jobs", jobs, _JOBS), ("orders", order_rows, _ORDERS)):
            names = columns.split("(", 1)[1].split(")", 1)[0].replace(" ", "").split(",")
            await connection.copy_records_to_table(table, records=rows, columns=names)
        for table in ("users", "jobs", "orders"):
            await connection.execute(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
    finally:
        await connection.close()


async def _export(name: str, traced: bool) -> tuple[int, int, float, int]:
    from market.accounts.auth import CurrentUser
    from market.exports.filters import Filters
    from market.exports.services import take_export

    reader = CurrentUser(id=1, role="supervisor", name="人社局", phone="13800000000")
    if traced:
        tracemalloc.start()
    began = time.perf_counter()
    download = await take_export(reader, name, Filters(), "zh-CN")
    size = 0
    async for chunk in download.body:
        size += len(chunk)
    elapsed = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    tracemalloc.stop()
    return download.rows, size, elapsed, peak


def _resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1e3


async def _run(orders: int) -> None:
    from market.background.wiring import install
    from market.core.database import close_pool, open_pool
    from market.maintenance import migrate

    install()
    await open_pool(max_size=4)
    try:
        await migrate()
        began = time.perf_counter()
        await _load(orders)
        print(f"loaded {orders:,} orders in {time.perf_counter() - began:.1f} s")
        for name in ("orders.csv", "jobs.csv"):
            before = _resident_mb()
            rows, size, elapsed, _ = await _export(name, traced=False)
            print(f"{name:12} {rows:>9,} rows  {size / 1e6:7.1f} MB  {elapsed:6.1f} s  {rows / elapsed:>8,.0f} rows/s  "
                  f"resident {before:.0f} -> {_resident_mb():.0f} MB")
        rows, _, _, peak = await _export("orders.csv", traced=True)  # slower under tracing: memory only
        print(f"orders.csv again under tracemalloc: peak Python allocations {peak / 1e6:.1f} MB for {rows:,} rows")
    finally:
        await close_pool()
    print(f"max resident set of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


def main() -> None:
    """Parse the arguments, set up a throwaway data dir and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    args = parser.parse_args()
    os.environ["LINGGONG_DATA_DIR"] = tempfile.mkdtemp(prefix="linggong-bench-")
    os.environ.pop("LINGGONG_REDIS_URL", None)
    import market  # noqa: F401  (sets PICCOLO_CONF)

    database = "PostgreSQL" if os.environ.get("LINGGONG_DATABASE_URL") else "SQLite"
    print(f"exports bench on {database}")
    asyncio.run(_run(args.orders))


if __name__ == "__main__":
    main()
