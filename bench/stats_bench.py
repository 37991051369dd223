"""A year of a city for the bureau's console: ~1M orders on PostgreSQL, built in bulk SQL, then each console view timed.

Usage: python bench/stats_bench.py [--orders N] [--database NAME] [--runs R]
The database (default `h_stats_bench` on the server of LINGGONG_DATABASE_URL or 127.0.0.1) is created when absent and
reused when it already holds the city. Prints the build times, the rollup's rebuild time and per view median/max ms
through the app (httpx in-process, as a supervisor). Record the figures in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time

TRADES = ["搬运工", "电工", "保洁", "水电工", "瓦工", "木工", "油漆工", "装卸工", "厨师", "服务员", "快递分拣", "保安"]
DISTRICTS = ["芗城区", "龙文区", "龙海区", "长泰区", "高新区", "开发区"]


def _city_sql(orders: int) -> list[str]:
    jobs = orders // 3  # headcount 1..5, three on average
    workers, employers = 30000, 3000
    trades = "ARRAY[" + ", ".join(f"'{t}'" for t in TRADES) + "]"
    districts = "ARRAY[" + ", ".join(f"'{d}'" for d in DISTRICTS) + "]"
    return [
        "SELECT setseed(0.1414)",
        f"""INSERT INTO stations (name, district, address, lat, lon, hours, phone, created_at)
            SELECT '驿站' || g, ({districts})[1 + g % 6], '漳州市', 24.40 + random() * 0.2, 117.55 + random() * 0.2,
                   '', '', now() FROM generate_series(1, 24) g""",
        f"""INSERT INTO users (phone, password_hash, name, role, is_active, token_version, created_at)
            SELECT (13000000000 + g)::text, 'x', '工人' || g, 'worker', true, 0, now() - interval '400 days'
            FROM generate_series(1, {workers}) g""",
        f"""INSERT INTO users (phone, password_hash, name, role, is_active, token_version, created_at)
            SELECT (15000000000 + g)::text, 'x', '用工方' || g, 'employer', true, 0, now() - interval '400 days'
            FROM generate_series(1, {employers}) g""",
        f"""INSERT INTO worker_profiles ("user", real_name, skills, lat, lon, address, max_distance_km, updated_at,
                                         id_number_masked)
            SELECT u.id, u.name, json_build_array(json_build_object('name', ({trades})[1 + u.id % 12], 'years', 2,
                   'certified', false), json_build_object('name', ({trades})[1 + (u.id / 12) % 12], 'years', 1,
                   'certified', false)), 24.40 + random() * 0.2, 117.55 + random() * 0.2, '漳州市',
                   5 + (u.id % 16), now(), ''
            FROM users u WHERE u.role = 'worker'""",
        """INSERT INTO employers ("user", name, credit_code_masked, contact_name, address, credit_grade, barred,
                                  webhook_url, webhook_secret, updated_at)
            SELECT u.id, u.name, '', '', '漳州市', (ARRAY['A', 'B', 'B', 'B', 'C', 'D'])[1 + u.id % 6],
                   u.id % 97 = 0, '', '', now() FROM users u WHERE u.role = 'employer'""",
        f"""INSERT INTO jobs (employer, posted_by, title, description, skills, address, lat, lon, starts_at, ends_at,
                              headcount, filled, pay_amount_fen, pay_unit, pay_due_hours, status, created_at)
            SELECT e, e, '临时工', '', json_build_array(({trades})[1 + g % 12]), '漳州市',
                   24.40 + random() * 0.2, 117.55 + random() * 0.2, s, s + interval '8 hours',
                   1 + g % 5, 0, 20000 + (g % 10) * 1000, 'day', 24,
                   CASE WHEN g % 33 = 0 THEN 'cancelled' ELSE 'open' END, s - (1 + random() * 72) * interval '1 hour'
            FROM (SELECT g, (SELECT min(id) FROM users WHERE role = 'employer') + g % {employers} AS e,
                         date_trunc('day', now()) - interval '365 days' + (g % 365) * interval '1 day'
                         + (1 + g % 10) * interval '1 hour' AS s
                  FROM generate_series(1, {jobs}) g) x""",
        f"""INSERT INTO orders (job, worker, status, starts_at, ends_at, pay_due_at, agreed_pay_fen, accepted_at,
                                accepted_by, consent_method, paid_at, paid_amount_fen, payment_note, cancelled_by_role,
                                cancel_reason, cancel_late, contract_status, contract_attempts, contract_error,
                                updated_at)
            SELECT j.id, w.first + (j.id::bigint * 7919 + k * 104729) % {workers},
                   (ARRAY['confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'paid',
                          'paid', 'completed', 'no_show', 'cancelled', 'checked_in'])[1 + (j.id + k) % 12],
                   j.starts_at, j.ends_at, j.ends_at + interval '24 hours', j.pay_amount_fen,
                   j.created_at + random() * (j.starts_at - j.created_at),
                   w.first + (j.id::bigint * 7919 + k * 104729) % {workers},
                   'app', CASE WHEN (j.id + k) % 12 < 8 THEN j.ends_at + random() * interval '40 hours' END,
                   CASE WHEN (j.id + k) % 12 < 8 THEN j.pay_amount_fen END, '', '', '', false, 'issued', 1, '', now()
            FROM jobs j CROSS JOIN LATERAL generate_series(1, j.headcount) k
            CROSS JOIN (SELECT min(id) AS first FROM users WHERE role = 'worker') w""",
        "UPDATE jobs SET filled = headcount WHERE status = 'open'",
        "ANALYZE",
    ]


async def _ensure_database(server: str, name: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(f"{server}/postgres")
    try:
        if not await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


async def _timed(client, path: str, params: dict, headers: dict, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = await client.get(path, params=params, headers=headers)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return statistics.median(samples), max(samples)


async def _run(orders: int, runs: int) -> None:
    import httpx

    from market.accounts.tables import User
    from market.app import create_app
    from market.core.database import current_engine
    from market.maintenance import migrate
    from market.orders.tables import Order
    from market.stats.rollup import mark_stale_jobs, rebuild_all
    from market.stats.tables import DayFigures

    await current_engine().start_connection_pool(min_size=1, max_size=10)  # type: ignore[attr-defined]
    await migrate()
    have = await Order.count()
    if have < orders * 0.9:
        print(f"building a city of {orders} orders (bulk SQL)…", flush=True)
        for sql in _city_sql(orders):
            started = time.perf_counter()
            await Order.raw(sql)
            print(f"  {sql.split()[0]} {sql.split()[2] if sql.startswith('INSERT') else ''}: "
                  f"{time.perf_counter() - started:.1f} s", flush=True)
    print(f"orders: {await Order.count()}, jobs' days rolled up: {await DayFigures.count()} rows")
    if not await DayFigures.exists():
        started = time.perf_counter()
        days = await rebuild_all()
        print(f"rollup rebuilt from scratch: {days} days in {time.perf_counter() - started:.1f} s")
    app = create_app()
    supervisor = await User.select(User.id).where(User.role == "supervisor").first()
    if supervisor is None:
        await User.insert(User(phone="18900000000", name="市人社局", role="supervisor", password_hash="x"))
        supervisor = await User.select(User.id).where(User.role == "supervisor").first()
    token = app.state.auth.create_token(identifier=str(supervisor["id"]), token_extras={"ver": 0})
    headers = {"Authorization": f"Bearer {token}"}
    station = (await Order.raw("SELECT min(id) AS id FROM stations"))[0]["id"]
    from datetime import date, timedelta

    today = date.today()
    year = {"from": (today - timedelta(days=365)).isoformat(), "to": today.isoformat()}
    views = [
        ("stats, a year by month", "/api/stats", {**year, "interval": "month"}),
        ("stats, a year by week", "/api/stats", {**year, "interval": "week"}),
        ("stats, 30 days by day", "/api/stats", {"interval": "day"}),
        ("stats, a year, one district", "/api/stats", {**year, "interval": "month", "district": "龙文区"}),
        ("stats, a year, one station", "/api/stats", {**year, "interval": "month", "station_id": str(station)}),
        ("trades grid, a year", "/api/stats/trades", year),
        ("trades grid, 30 days", "/api/stats/trades", {}),
    ]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        await client.get("/api/stats", headers=headers)  # warm: the seekers' reach is computed once per change
        print(f"{'view':34} {'median ms':>10} {'max ms':>8}   ({runs} runs each)")
        for label, path, params in views:
            median, worst = await _timed(client, path, params, headers, runs)
            print(f"{label:34} {median:10.0f} {worst:8.0f}")
        async def after_change() -> None:
            from market.core.database import write_transaction
            async with write_transaction():
                await mark_stale_jobs(changed)

        last = (await Order.raw("SELECT max(id) AS id FROM jobs"))[0]["id"]
        changed = list(range(last - 20, last))
        samples = []
        for _ in range(runs):
            await after_change()
            started = time.perf_counter()
            response = await client.get("/api/stats", params={**year, "interval": "month"}, headers=headers)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        print(f"{'stats, a year, after a change':34} {statistics.median(samples):10.0f} {max(samples):8.0f}"
              "   (20 jobs changed: recounted first)")
    await current_engine().close_connection_pool()  # type: ignore[attr-defined]


def main() -> None:
    """Build or reuse the bench city and print each console view's latency."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--database", default="h_stats_bench")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    server = os.environ.get("LINGGONG_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/x").rsplit("/", 1)[0]
    asyncio.run(_ensure_database(server, args.database))
    os.environ["LINGGONG_DATABASE_URL"] = f"{server}/{args.database}"
    os.environ.setdefault("LINGGONG_DATA_DIR", f"/tmp/{args.database}-data")
    from market.background import wiring

    wiring.install()
    asyncio.run(_run(args.orders, args.runs))


if __name__ == "__main__":
    main()
