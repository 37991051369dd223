"""Browser tests: a live server started here (its own data dir and database, demo city seeded) and Debian's Chromium.

The server is `linggong up` in a subprocess on a free port: SQLite in a temporary data dir by default; when
LINGGONG_DATABASE_URL points at PostgreSQL, a database of its own (`linggong_browser_<pid>`) on that server, dropped
at the end. Chromium is `/usr/bin/chromium` (Playwright's own browser download is not used).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

CHROMIUM = os.environ.get("LINGGONG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
PASSWORD = "linggong-demo"
WORKER, EMPLOYER, STAFF = "13800000001", "13800000002", "13800000003"
ROOT = Path(__file__).resolve().parents[2]
HOME = {"lat": 24.5116, "lon": 117.6443}
ZONED = "America/New_York"
"""The zone of `zoned_server`: far from the default, west of UTC and with daylight saving."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _postgres_url(suffix: str) -> tuple[str, str, str] | None:
    """(server admin URL, this run's database URL, its name) when the suite runs on PostgreSQL."""
    given = os.environ.get("LINGGONG_DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://")):
        return None
    parts = urlsplit(given)
    name = f"linggong_browser_{os.getpid()}{suffix}"
    return (urlunsplit(parts._replace(path="/postgres")), urlunsplit(parts._replace(path=f"/{name}")), name)


def _postgres(admin_url: str, *statements: str) -> None:
    import asyncpg

    async def go() -> None:
        connection = await asyncpg.connect(admin_url)
        try:
            for statement in statements:
                await connection.execute(statement)
        finally:
            await connection.close()

    # In a thread of its own: Playwright's sync API may be running an event loop in this one (a module's server
    # can start after its browser).
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, go()).result()


@contextmanager
def _serve(workers: int, jobs: int, suffix: str = "", **settings: str) -> Iterator[str]:
    """`linggong up` on a free port with a fresh data dir (and database), `settings` as LINGGONG_* variables."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (CI's .ci/run installs it)")
    data_dir = Path(tempfile.mkdtemp(prefix="linggong-browser-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "LINGGONG_DATA_DIR": str(data_dir), "LINGGONG_PUBLIC_URL": base,
           "LINGGONG_STATIC_DIR": str(ROOT / "market" / "static"), "LINGGONG_ENV": "development",
           "LINGGONG_SECRET_KEY": "browser-test-secret-key-long-enough-0123456789",
           "LINGGONG_PASSWORD_HASH_MEMORY_KIB": "1024", "LINGGONG_LOGIN_ATTEMPTS_PER_MINUTE": "100000",
           **{f"LINGGONG_{name.upper()}": value for name, value in settings.items()}}
    env.pop("LINGGONG_SECRET_KEY_FILE", None)
    pg = _postgres_url(suffix)
    if pg:
        admin, url, name = pg
        _postgres(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}",
                  f"ALTER DATABASE {name} SET synchronous_commit = off")  # a test's database: no waiting on the disk
        env["LINGGONG_DATABASE_URL"] = url
    else:
        env.pop("LINGGONG_DATABASE_URL", None)
    log = (data_dir / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "market.cli", "up", "--port", str(port), "--workers", str(workers), "--jobs", str(jobs)],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        # catches a hang: seeding on a loaded two-core box takes a minute or more (LINGGONG_BROWSER_START_S)
        deadline = time.monotonic() + float(os.environ.get("LINGGONG_BROWSER_START_S", "240"))
        while True:
            if server.poll() is not None:
                pytest.fail(f"server exited: {(data_dir / 'server.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"server did not answer: {(data_dir / 'server.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if pg:
            _postgres(pg[0], f"DROP DATABASE IF EXISTS {pg[2]} WITH (FORCE)")
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """Base URL of a freshly seeded market (40 workers, 30 jobs, the three demo logins)."""
    with _serve(40, 30) as base:
        yield base


@pytest.fixture(scope="module")
def zoned_server() -> Iterator[str]:
    """Base URL of a small market whose zone is not the default: New York (UTC-5, UTC-4 in summer)."""
    with _serve(5, 3, "_zoned", timezone=ZONED) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for one test module. Playwright's sync API keeps an event loop running in this thread while it is
    open, which breaks every async test after it: so it must close when the module ends, not with the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def open_page(browser: Any, base: str, *, phone: str | None, lang: str = "zh-CN",
              size: tuple[int, int] = (360, 740), timezone_id: str | None = None,
              service_workers: str = "block") -> Any:
    """A fresh context (own cookies and storage) at `size`, signed in as `phone` when given; the browser's own
    zone is `timezone_id` (the machine's when None). The app's service worker is blocked unless
    `service_workers="allow"`: requests it answers bypass `page.route`, which the tests that play answers rely on."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale=lang, timezone_id=timezone_id,
                                  service_workers=service_workers,
                                  geolocation={"latitude": HOME["lat"], "longitude": HOME["lon"]},
                                  permissions=["geolocation"])
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    page.add_init_script(f"localStorage.getItem('lg.lang') || localStorage.setItem('lg.lang', '{lang}')")
    page.goto(f"{base}/#/login")
    if phone:
        page.get_by_label("手机号" if lang == "zh-CN" else "Mobile number").fill(phone)
        page.get_by_label("密码" if lang == "zh-CN" else "Password", exact=True).fill(PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_function("() => !location.hash.startsWith('#/login')")
    return page
