"""`GET /api/health` asks the database once a second for all its callers, and never reuses a failure."""

from __future__ import annotations

import asyncio

from market.core.database import current_engine
from market.core.db_probe import PROBE_EVERY


async def test_health_probes_the_database_once_a_second_and_never_trusts_a_failure(client, monkeypatch):
    engine_class = type(current_engine())  # patched on the class: PostgresEngine's attributes are read-only
    real = engine_class.run_ddl
    probes: list[str] = []
    broken = False

    async def counted(self, sql, *args, **kwargs):
        probes.append(sql)
        if broken:
            raise ConnectionError("database gone")
        return await real(self, sql, *args, **kwargs)

    monkeypatch.setattr(engine_class, "run_ddl", counted)
    await asyncio.sleep(PROBE_EVERY)  # whatever an earlier test probed has expired
    answers = await asyncio.gather(*(client.get("/api/health") for _ in range(20)))
    assert {a.status_code for a in answers} == {200}
    assert len(probes) == 1
    await asyncio.sleep(PROBE_EVERY)
    broken = True
    assert (await client.get("/api/health")).status_code == 500  # not ok: a load balancer takes it out
    assert (await client.get("/api/health")).status_code == 500
    assert len(probes) == 3  # a failure is not remembered: each call asked again
    broken = False
    assert (await client.get("/api/health")).status_code == 200
    assert len(probes) == 4
