"""Test set-up for the market: environment before import, a fresh database per test, an app client, factories.

SQLite by default: migrations run once into a template file that each test copies. With LINGGONG_DATABASE_URL
set to PostgreSQL, the suite creates its own database `linggong_test_<pid>` on that server, empties it per test
and drops it at the end.
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
    TEST_DB_NAME = f"linggong_test_{os.getpid()}"  # one database per run: parallel runs never collide
    TEST_DB_URL = urlunsplit(parts._replace(path=f"/{TEST_DB_NAME}"))
    os.environ["LINGGONG_DATABASE_URL"] = TEST_DB_URL
    ADMIN_DB_URL = _GIVEN_DB
os.environ.update({
    "LINGGONG_ENV": "test",
    "LINGGONG_DATA_DIR": str(_TMP / "data"),
    "LINGGONG_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
    "LINGGONG_PASSWORD_HASH_MEMORY_KIB": "1024",
    "LINGGONG_LOGIN_ATTEMPTS_PER_MINUTE": "100000",
    "LINGGONG_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE": "100000",
    "LINGGONG_LOGIN_SLOWDOWN_PER_PHONE_PER_MINUTE": "100000",
    "LINGGONG_VERIFY_ATTEMPTS_PER_ADDRESS_PER_MINUTE": "100000",
})

import market as _market_package  # noqa: E402,F401  (importing it sets PICCOLO_CONF)


def _recreate_postgres_database() -> None:
    import asyncpg

    async def go() -> None:
        connection = await asyncpg.connect(ADMIN_DB_URL)
        try:
            await connection.execute(f"DROP DATABASE IF EXISTS {TEST_DB_NAME} WITH (FORCE)")
            await connection.execute(f"CREATE DATABASE {TEST_DB_NAME}")
            # A test database need not survive a power cut: commits stop waiting for the disk.
            await connection.execute(f"ALTER DATABASE {TEST_DB_NAME} SET synchronous_commit = off")
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


# Emptying every table between tests. TRUNCATE of all 56 tables costs about 0.4 s (new files for each table),
# most of the PostgreSQL pass over two thousand tests; deleting the rows with triggers and foreign keys off
# (`session_replication_role`, which the suite's superuser may set) and setting the used sequences back costs a
# few milliseconds. Append-only tables' triggers are ordinary ones, so they are off too, as under TRUNCATE.
_EMPTY_EVERY_TABLE = """
DO $$
DECLARE t record;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration' LOOP
    EXECUTE format('DELETE FROM %I', t.tablename);
  END LOOP;
  PERFORM setval(format('%I', sequencename)::regclass, 1, false)
    FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL AND sequencename <> 'migration_id_seq';
END $$;
"""


async def _empty_postgres() -> None:
    import asyncpg

    connection = await asyncpg.connect(TEST_DB_URL)
    try:
        await connection.execute(_EMPTY_EVERY_TABLE)
    finally:
        await connection.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Drop this run's PostgreSQL database."""
    if not ON_POSTGRES:
        return
    import asyncpg

    async def drop() -> None:
        connection = await asyncpg.connect(ADMIN_DB_URL)
        try:
            await connection.execute(f"DROP DATABASE IF EXISTS {TEST_DB_NAME} WITH (FORCE)")
        finally:
            await connection.close()

    asyncio.run(drop())


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


_BUILT: dict[str, Any] = {}


def _app_for_this_test() -> Any:
    """The app as a new process would serve this test: built once per settings (building the routes is most of
    `create_app`'s cost, a third of a second, two thousand times a run), its process state made afresh each test."""
    from market.app import create_app, reset_state
    from market.core.log_masking import install_log_masking
    from market.settings import get_settings

    settings = get_settings()
    if _BUILT.get("settings") != settings:
        _BUILT.update(settings=settings, app=create_app())
    else:
        reset_state(_BUILT["app"])
        # Logging's handlers write to the stream pytest captures for each test: make them again for this one
        # (as building the app does), or they write to the last test's closed stream.
        _BUILT["app"].logging_config.configure()
        install_log_masking()
    return _BUILT["app"]


@pytest.fixture
async def client() -> AsyncIterator[Any]:
    """An HTTP client on a fresh app, both on this test's event loop.

    Litestar's AsyncTestClient runs the app on a separate thread and loop, but an asyncpg pool belongs to the
    loop that made it and the tests also query the database directly. So httpx's ASGI transport calls the app
    in-process on this loop, and the database pool the app's lifespan would open is opened here instead
    (`market.app.database_pool` leaves an existing pool alone).
    """
    import httpx

    from market.core.database import current_engine

    engine = current_engine()
    if ON_POSTGRES:
        await engine.start_connection_pool(min_size=1, max_size=10)  # type: ignore[attr-defined]
    try:
        app = _app_for_this_test()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as test_client:
            test_client.app = app  # type: ignore[attr-defined]
            yield test_client
    finally:
        if ON_POSTGRES:
            await engine.close_connection_pool()  # type: ignore[attr-defined]


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

    async def station_staff(self, station_id: int | None = None, name: str = "王丽") -> dict[str, Any]:
        """A staff user working at `station_id` (a new station when None), with `station_id` in the answer."""
        from market.stations.tables import Station, StationStaff

        if station_id is None:
            station = Station(name=f"驿站{self.next_phone()[-4:]}", address="漳州市芗城区", lat=24.51, lon=117.65)
            await station.save()
            station_id = station.id
        staff = await self.user("staff", name=name)
        await StationStaff(station=station_id, user=staff["id"]).save()
        return {**staff, "station_id": station_id}

    async def walk_in(self, staff: dict[str, Any], name: str = "李秀英") -> dict[str, Any]:
        """A worker `staff` registered at their station (a walk-in), through the API; no login of their own."""
        phone = self.next_phone()
        response = await self.client.post("/api/walk-ins", json={"phone": phone, "name": name},
                                          headers=staff["headers"])
        assert response.status_code == 201, response.text
        return {"id": response.json()["id"], "phone": phone}


class Phones:
    """A stand-in SMS gateway: the texts that reached each phone, as the dispatcher sent them."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    async def send(self, delivery_id: int, phone: str, text: str) -> None:
        """Record the text as the phone received it."""
        self.texts.append((phone, text))

    async def code_sent_to(self, phone: str) -> str:
        """Dispatch what is due and read the one-time code in the latest text to `phone`."""
        import re

        from market.notifications.dispatch import dispatch_due

        await dispatch_due()
        found = [re.search(r"验证码(\d{6})", text) for to, text in self.texts if to == phone]
        codes = [match.group(1) for match in found if match]
        assert codes, f"no code reached {phone}: {self.texts}"
        return codes[-1]


@pytest.fixture
def phones(monkeypatch: pytest.MonkeyPatch) -> Phones:
    """Texts go to a stand-in gateway instead of the development SMS log, so tests read what phones received."""
    from market.notifications import dispatch

    gateway = Phones()
    monkeypatch.setattr(dispatch, "sms_provider", lambda: gateway)
    return gateway


@pytest.fixture
def market(client: Any) -> Market:
    """Factories bound to this test's client."""
    return Market(client)
