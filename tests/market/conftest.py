"""Test set-up for the market: environment before import, a fresh database per test, an app client, factories.

SQLite by default: migrations run once into a template file that each test copies. With LINGGONG_DATABASE_URL
set to PostgreSQL, the suite creates its own database `linggong_test` on that server and empties it per test.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

_TMP = Path(tempfile.mkdtemp(prefix="linggong-tests-"))
_GIVEN_DB = os.environ.get("LINGGONG_DATABASE_URL", "")
ON_POSTGRES = _GIVEN_DB.startswith(("postgres://", "postgresql://"))
TEST_DB_URL = ""
if ON_POSTGRES:
    parts = urlsplit(_GIVEN_DB)
    TEST_DB_URL = urlunsplit(parts._replace(path="/linggong_test"))
    os.environ["LINGGONG_DATABASE_URL"] = TEST_DB_URL
    ADMIN_DB_URL = _GIVEN_DB
os.environ.update({
    "LINGGONG_ENV": "test",
    "LINGGONG_DATA_DIR": str(_TMP / "data"),
    "LINGGONG_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
    "LINGGONG_PASSWORD_HASH_MEMORY_KIB": "1024",
    "LINGGONG_LOGIN_ATTEMPTS_PER_MINUTE": "100000",
})

import market  # noqa: E402,F401  (sets PICCOLO_CONF)


def _recreate_postgres_database() -> None:
    import asyncpg

    async def go() -> None:
        connection = await asyncpg.connect(ADMIN_DB_URL)
        try:
            await connection.execute("DROP DATABASE IF EXISTS linggong_test WITH (FORCE)")
            await connection.execute("CREATE DATABASE linggong_test")
        finally:
            await connection.close()

    asyncio.run(go())


def _migrate_once() -> Path | None:
    """Run every migration once; on SQLite return the migrated template file."""
    from market.core.database import current_engine
    from market.maintenance import migrate

    engine = current_engine()
    if ON_POSTGRES:
        _recreate_postgres_database()
        asyncio.run(migrate())
        return None
    template = _TMP / "template.sqlite3"
    engine.path = str(template)  # type: ignore[attr-defined]
    asyncio.run(migrate())
    return template


_TEMPLATE = _migrate_once()
_TABLES_TO_EMPTY = ["order_events", "idempotency_records", "outbox_messages", "orders", "jobs", "station_staff",
                    "stations", "worker_profiles", "employers", "users"]


async def _empty_postgres() -> None:
    import asyncpg

    connection = await asyncpg.connect(TEST_DB_URL)
    try:
        tables = await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration'")
        names = ", ".join(f'"{t["tablename"]}"' for t in tables)
        await connection.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await connection.close()


@pytest.fixture(autouse=True)
def fresh_database(tmp_path: Path) -> Iterator[None]:
    """Every test starts from an empty, fully migrated database."""
    from market.core import clock
    from market.core.database import current_engine

    if ON_POSTGRES:
        asyncio.run(_empty_postgres())
    else:
        database = tmp_path / "test.sqlite3"
        shutil.copyfile(_TEMPLATE, database)  # type: ignore[arg-type]
        current_engine().path = str(database)  # type: ignore[attr-defined]
    clock.unfreeze()
    yield
    clock.unfreeze()


@pytest.fixture
async def client() -> AsyncIterator[Any]:
    """An async test client on a fresh app (its lifespan opens the database pool on this test's loop)."""
    from litestar.testing import AsyncTestClient

    from market.app import create_app

    async with AsyncTestClient(app=create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


class Market:
    """Factories that build the people and jobs a test needs, through the database or the API."""

    password = "passw0rd-for-tests"

    def __init__(self, client: Any) -> None:
        self.client = client
        self._phones = iter(range(13900000000, 13999999999))
        self._password_hash: str | None = None

    def next_phone(self) -> str:
        """A fresh mainland mobile number."""
        return str(next(self._phones))

    async def user(self, role: str, name: str = "测试用户", phone: str | None = None) -> dict[str, Any]:
        """A user row written straight to the database (fast), with `token` and `headers` for the API."""
        from market.accounts.tables import User
        from market.core.passwords import hash_password

        if self._password_hash is None:
            self._password_hash = hash_password(self.password)
        phone = phone or self.next_phone()
        user = User(phone=phone, name=name, role=role, password_hash=self._password_hash)
        await user.save()
        token = self.token_for(user.id)
        return {"id": user.id, "phone": phone, "token": token, "headers": {"Authorization": f"Bearer {token}"}}

    def token_for(self, user_id: int, version: int = 0) -> str:
        """A login token exactly as the login endpoint would issue it."""
        return self.client.app.state.auth.create_token(identifier=str(user_id), token_extras={"ver": version})

    async def workers(self, count: int) -> list[dict[str, Any]]:
        """Many workers at once, in one insert."""
        from market.accounts.tables import User
        from market.core.passwords import hash_password

        self._password_hash = self._password_hash or hash_password(self.password)
        phones = [self.next_phone() for _ in range(count)]
        await User.insert(*[User(phone=p, name=f"工人{i}", role="worker", password_hash=self._password_hash)
                            for i, p in enumerate(phones)])
        rows = await User.select(User.id, User.phone).where(User.phone.is_in(phones))
        out = []
        for row in rows:
            token = self.token_for(row["id"])
            out.append({"id": row["id"], "phone": row["phone"], "token": token,
                        "headers": {"Authorization": f"Bearer {token}"}})
        return out

    @staticmethod
    def job_body(**overrides: Any) -> dict[str, Any]:
        """A valid job posting body, starting tomorrow for eight hours, with `overrides` applied."""
        start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
        body: dict[str, Any] = {
            "title": "搬家临时工", "description": "三楼无电梯，需要力气", "skills": ["搬运工"],
            "location": {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号"},
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=8)).isoformat(),
            "headcount": 2, "pay": {"amount_fen": 25000, "unit": "day"}, "pay_due_hours": 24,
        }
        body.update(overrides)
        return body

    async def job(self, employer: dict[str, Any], **overrides: Any) -> dict[str, Any]:
        """A job posted through the API by `employer`."""
        response = await self.client.post("/api/jobs", json=self.job_body(**overrides), headers=employer["headers"])
        assert response.status_code == 201, response.text
        return response.json()

    async def accept(self, job_id: int, worker: dict[str, Any], **headers: str) -> Any:
        """The raw response of `worker` accepting the job."""
        return await self.client.post(f"/api/jobs/{job_id}/accept", headers={**worker["headers"], **headers})


@pytest.fixture
def market(client: Any) -> Market:
    """Factories bound to this test's client."""
    return Market(client)
