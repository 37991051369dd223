"""Accept → sealed contract, end to end through the HTTP API, next to `issue_contract` alone, in one run.

Usage: python bench/accept_bench.py [--accepts N]   (SQLite in a temporary data dir, or LINGGONG_DATABASE_URL)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):7.1f} ms   p99 {p99:7.1f} ms   (n={len(ordered)})"


def _floor_setup() -> list:
    """Bare pyHanko signers from the contracts benchmark (its own keys, decrypted once)."""
    import importlib.util
    import sys

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "contracts_bench.py")
    spec = importlib.util.spec_from_file_location("contracts_bench", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["contracts_bench"] = module
    spec.loader.exec_module(module)
    _, keys = module._keys()
    return [module, module.bare_signers(keys)]


def _floor_once(floor: list) -> float:
    """One bare render and three bare signatures, timed (the floor the issue sets the target against)."""
    module, signer_list = floor
    began = time.perf_counter()
    pdf = module.bare_render()
    for signer, field in zip(signer_list, ("Worker", "Employer", "Platform"), strict=True):
        pdf = module.bare_sign(pdf, signer, field)
    return (time.perf_counter() - began) * 1000


async def _run(accepts: int) -> None:
    import httpx

    from market.accounts.tables import User
    from market.app import create_app
    from market.contracts.tables import Contract
    from market.core.passwords import hash_password
    from market.maintenance import migrate

    await migrate()
    from piccolo.engine.postgres import PostgresEngine

    from market.core.database import current_engine

    if isinstance(current_engine(), PostgresEngine):  # as the app's lifespan would
        await current_engine().start_connection_pool(min_size=1, max_size=10)  # type: ignore[attr-defined]
    app = create_app()
    auth = app.state.auth
    await User.insert(User(phone="13900000000", name="搬家公司", role="employer",
                           password_hash=hash_password("bench-password-1")))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for i in range(1, accepts + 1):  # as workers do, so each has a signing certificate before accepting
            registered = await client.post("/api/auth/register", json={
                "phone": f"139{i:08d}", "name": f"工人{i}", "role": "worker", "password": "bench-password-1"})
            assert registered.status_code == 201, registered.text
    ids = [r["id"] for r in await User.select(User.id).order_by(User.id)]
    headers = [{"Authorization": f"Bearer {auth.create_token(identifier=str(i), token_extras={'ver': 0})}"}
               for i in ids]
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    timings: list[float] = []
    floor: list[float] = []
    floor_keys = _floor_setup()
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for n in range(1, accepts + 1):
            body = {"title": "搬家临时工", "skills": ["搬运工"], "headcount": 1,
                    "location": {"lat": 24.51, "lon": 117.64, "address": "漳州市芗城区胜利西路128号"},
                    "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=8)).isoformat(),
                    "pay": {"amount_fen": 25000, "unit": "day"}}
            job = (await client.post("/api/jobs", json=body, headers=headers[0])).json()
            began = time.perf_counter()
            answer = await client.post(f"/api/jobs/{job['id']}/accept", headers=headers[n])
            timings.append((time.perf_counter() - began) * 1000)
            assert answer.status_code == 201, answer.text
            assert answer.json()["contract"], answer.text
            floor.append(await asyncio.to_thread(_floor_once, floor_keys))  # pyHanko runs its own loop
    database = "PostgreSQL" if os.environ.get("LINGGONG_DATABASE_URL") else "SQLite"
    print(f"accept → sealed contract (HTTP, in-process, {database}): {_percentiles(timings[1:])}")
    print(f"floor: bare reportlab render + 3 bare pyHanko signs:        {_percentiles(floor[1:])}")
    print(f"ratio at p50: {statistics.median(timings[1:]) / statistics.median(floor[1:]):.2f}x   "
          f"(median of each accept over the floor run right after it: "
          f"{statistics.median(t / f for t, f in zip(timings[1:], floor[1:], strict=True)):.2f}x)")
    print(f"  first accept (seal and party keys unlocked for the first time): {timings[0]:.1f} ms")
    assert await Contract.count() == accepts


def main() -> None:
    """Run the benchmark in a fresh data dir."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accepts", type=int, default=60)
    args = parser.parse_args()
    os.environ["LINGGONG_DATA_DIR"] = tempfile.mkdtemp(prefix="linggong-bench-")
    os.environ.pop("LINGGONG_REDIS_URL", None)
    import market  # noqa: F401  (sets PICCOLO_CONF)

    asyncio.run(_run(args.accepts))


if __name__ == "__main__":
    main()
