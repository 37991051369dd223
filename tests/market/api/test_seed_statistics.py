"""The demo seed leaves PostgreSQL's planner statistics fresh (runs only on PostgreSQL)."""

import os

import pytest

from market.core.database import current_engine
from market.demo.seed import seed_city

pytestmark = pytest.mark.skipif(not os.environ.get("LINGGONG_DATABASE_URL", "").startswith("postgres"),
                                reason="ANALYZE matters to PostgreSQL's planner only")


async def test_seeding_analyzes_the_tables_it_filled(market):
    await seed_city(30, 10, seed=3)
    rows = await current_engine().run_ddl(
        "SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname IN ('jobs', 'worker_profiles') "
        "AND last_analyze IS NOT NULL")
    assert {r["relname"] for r in rows} == {"jobs", "worker_profiles"}
