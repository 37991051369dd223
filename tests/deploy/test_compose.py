"""docker-compose.yml, run natively: each service's command and environment as the file writes them, on this
machine's PostgreSQL and a private redis-server, so the compose file cannot drift from what works.

No Docker engine is needed. The file is read with PyYAML, `${...}` is filled in from test values the way compose
does it, the container names `postgres` and `redis` become 127.0.0.1, volumes and secrets become temporary
directories and files. Then, in the order `depends_on` asks: the `redis` service's command, `migrate` (must exit
0), two `app` processes on two ports (one uvicorn worker each instead of four: this machine has two cores), the
`worker`; the app's own healthcheck decides when it is up. One accept is driven through it over HTTP, and the
arq worker process must deliver the notification it causes.

Runs only on PostgreSQL (the suite's PostgreSQL pass, `LINGGONG_DATABASE_URL=postgresql://…`): compose's stack is
PostgreSQL, and the SQLite pass has no server to give it.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPOSITORY / "docker-compose.yml"
GIVEN_DB = os.environ.get("LINGGONG_DATABASE_URL", "")

pytestmark = [
    pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow,
    pytest.mark.skipif(not GIVEN_DB.startswith(("postgres://", "postgresql://")),
                       reason="docker-compose.yml runs natively only on PostgreSQL: this is the SQLite pass "
                              "(set LINGGONG_DATABASE_URL=postgresql://… as the PostgreSQL pass does)"),
]

# What `.env` and `secrets/` would hold on a real host (docs/deployment.md, "First start").
TEST_VALUES = {"LINGGONG_DB_PASSWORD": "compose-test-db-password-0123456789"}
TEST_SECRET = "compose-test-secret-key-that-is-long-and-random-0123456789"
_VARIABLE = re.compile(r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")
READY_S = 60.0


def interpolate(value: Any, variables: dict[str, str]) -> Any:
    """Fill `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`, `${NAME?error}` and `$$` as compose
    does, through lists and mappings."""
    if isinstance(value, dict):
        return {key: interpolate(item, variables) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, variables) for item in value]
    if not isinstance(value, str):
        return value

    def fill(match: re.Match[str]) -> str:
        if match[0] == "$$":
            return "$"
        name, op, arg = match["name"], match["op"] or "", match["arg"] or ""
        present = name in variables and (variables[name] != "" or not op.startswith(":"))
        if present:
            return variables[name]
        if op.endswith("?"):
            raise AssertionError(f"compose would refuse to start: {arg or name + ' is not set'}")
        return arg if op.endswith("-") else ""

    return _VARIABLE.sub(fill, value)


def load_compose() -> dict[str, Any]:
    """docker-compose.yml as compose reads it: YAML anchors and merge keys, then `${...}` filled in."""
    import yaml

    return interpolate(yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8")), TEST_VALUES)


def environment_of(service: dict[str, Any]) -> dict[str, str]:
    """A service's `environment:`, in mapping or `KEY=value` list form."""
    given = service.get("environment") or {}
    if isinstance(given, list):
        given = dict(item.split("=", 1) for item in given)
    return {key: "" if value is None else str(value) for key, value in given.items()}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def option(command: list[str], name: str) -> str:
    """The value after `name` in a command line."""
    assert name in command, f"{name} missing from {command}"
    return command[command.index(name) + 1]


def with_option(command: list[str], name: str, value: str) -> list[str]:
    changed = list(command)
    changed[changed.index(name) + 1] = value
    return changed


def native(command: list[str]) -> list[str]:
    """The image's `linggong …` as this checkout's `python -m market.cli …`."""
    assert command[0] == "linggong", command
    return [sys.executable, "-m", "market.cli", *command[1:]]


@dataclass
class Stack:
    """The processes started for one run, stopped (only these) at the end."""

    workdir: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def start(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        with self.log(name).open("wb") as out:
            process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=self.workdir,
                                       start_new_session=True)
        self.processes[name] = process
        return process

    def tail(self, name: str) -> str:
        return self.log(name).read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


def _postgres(admin_url: str, *statements: str) -> list[Any]:
    import asyncpg

    async def go() -> list[Any]:
        connection = await asyncpg.connect(admin_url, timeout=5)
        try:
            results = []
            for statement in statements:
                results.append(await connection.fetch(statement))
            return results
        finally:
            await connection.close()

    return asyncio.run(go())


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_compose()


@pytest.fixture(scope="module")
def database(compose: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The `postgres` service's user, password and database, made on this machine's server under unique names;
    yields (the URL as compose writes it, the URL that reaches the stand-in)."""
    try:
        _postgres(GIVEN_DB, "SELECT 1")
    except Exception as exc:  # the PostgreSQL pass with no server: say so instead of failing obscurely
        pytest.skip(f"PostgreSQL at {urlsplit(GIVEN_DB).hostname} is not reachable: {exc}")
    postgres = environment_of(compose["services"]["postgres"])
    url = environment_of(compose["services"]["app"])["LINGGONG_DATABASE_URL"]
    written = urlsplit(url)
    # The app must log in as the user, with the password, to the database that the postgres service creates.
    assert (written.hostname, written.port) == ("postgres", 5432), url
    assert written.username == postgres["POSTGRES_USER"]
    assert written.password == postgres["POSTGRES_PASSWORD"] == TEST_VALUES["LINGGONG_DB_PASSWORD"]
    assert written.path.lstrip("/") == postgres["POSTGRES_DB"]
    name = f"{postgres['POSTGRES_DB']}_compose_{os.getpid()}"
    password = postgres["POSTGRES_PASSWORD"].replace("'", "''")
    _postgres(GIVEN_DB, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"DROP ROLE IF EXISTS {name}",
              f"CREATE ROLE {name} LOGIN PASSWORD '{password}'", f"CREATE DATABASE {name} OWNER {name}")
    server = urlsplit(GIVEN_DB)
    local = urlunsplit(written._replace(netloc=f"{name}:{postgres['POSTGRES_PASSWORD']}@{server.hostname}:"
                                               f"{server.port or 5432}", path=f"/{name}"))
    try:
        yield url, local
    finally:
        _postgres(GIVEN_DB, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"DROP ROLE IF EXISTS {name}")


@pytest.fixture(scope="module")
def stack(compose: dict[str, Any], database: tuple[str, str],
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Every service of docker-compose.yml running natively; yields the two app URLs and what a test inspects."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed (CI installs it; `apt-get install redis-server`)")
    services = compose["services"]
    assert set(services) >= {"postgres", "redis", "migrate", "app", "worker"}
    workdir = tmp_path_factory.mktemp("compose")
    run = Stack(workdir)

    # The redis service: its own command, on a private port, persisting into a temporary directory.
    redis_port = free_port()
    redis_command = services["redis"]["command"]
    assert redis_command[0] == "redis-server"
    (workdir / "redis-data").mkdir()
    run.start("redis", [*redis_command, "--port", str(redis_port), "--bind", "127.0.0.1",
                        "--dir", str(workdir / "redis-data")], dict(os.environ))

    secrets_dir = workdir / "secrets"
    secrets_dir.mkdir(mode=0o700)
    for name, secret in compose["secrets"].items():
        assert "file" in secret, f"secret {name} is not read from a file"
        (secrets_dir / name).write_text(TEST_SECRET + "\n")
        (secrets_dir / name).chmod(0o600)

    def service_env(name: str) -> dict[str, str]:
        service = services[name]
        env = environment_of(service)
        # Volumes and secrets: container paths to the temporary stand-ins.
        mounts = {f"/run/secrets/{s}": str(secrets_dir / s) for s in service.get("secrets", [])}
        for volume in service.get("volumes", []):
            source, target = volume.split(":")[:2]
            (workdir / "volumes" / source).mkdir(parents=True, exist_ok=True)
            mounts[target] = str(workdir / "volumes" / source)
        for key, value in env.items():
            for target, local in mounts.items():
                if value == target or value.startswith(target + "/"):
                    env[key] = local + value[len(target):]
        assert env["LINGGONG_DATABASE_URL"] == database[0]
        env["LINGGONG_DATABASE_URL"] = database[1]
        redis_url = urlsplit(env["LINGGONG_REDIS_URL"])
        assert (redis_url.hostname, redis_url.port) == ("redis", 6379), env["LINGGONG_REDIS_URL"]
        env["LINGGONG_REDIS_URL"] = urlunsplit(redis_url._replace(netloc=f"127.0.0.1:{redis_port}"))
        assert Path(env["LINGGONG_SECRET_KEY_FILE"]).is_file(), "the secret file is not where the env says"
        # The image installs the project; here this checkout is the installed copy.
        base = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}
        return {**base, "PYTHONPATH": str(REPOSITORY), "PYTHONUNBUFFERED": "1", **env}

    try:
        deadline = time.monotonic() + 10
        while run.processes["redis"].poll() is None and time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", redis_port)) == 0:
                    break
            time.sleep(0.05)
        assert run.processes["redis"].poll() is None, run.tail("redis")

        # migrate first: app and worker wait for it to complete successfully.
        for dependant in ("app", "worker"):
            assert services[dependant]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        migrate = subprocess.run(native(services["migrate"]["command"]), env=service_env("migrate"),
                                 capture_output=True, text=True, timeout=180, cwd=workdir, check=False)
        assert migrate.returncode == 0, migrate.stdout + migrate.stderr

        app_command = services["app"]["command"]
        container_port = option(app_command, "--port")
        published = services["app"]["ports"][0].rsplit(":", 1)[1]
        assert published == container_port, "compose publishes a port the app does not listen on"
        health = services["app"]["healthcheck"]["test"]
        assert health[0] == "CMD"
        assert f"127.0.0.1:{container_port}/api/health" in " ".join(health)
        urls = []
        for index in range(2):
            port = str(free_port())
            command = with_option(with_option(with_option(app_command, "--port", port), "--host", "127.0.0.1"),
                                  "--workers", "1")
            env = service_env("app")
            env["LINGGONG_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
            run.start(f"app{index}", native(command), env)
            urls.append((port, f"http://127.0.0.1:{port}"))
        run.start("worker", native(services["worker"]["command"]), service_env("worker"))

        # The app's own healthcheck, pointed at each process's port, decides when it is up.
        for index, (port, _) in enumerate(urls):
            check = [sys.executable if part == "python" else part.replace(f":{container_port}/", f":{port}/")
                     for part in health[1:]]
            deadline = time.monotonic() + READY_S
            while subprocess.run(check, capture_output=True, timeout=10, check=False).returncode != 0:
                assert run.processes[f"app{index}"].poll() is None, run.tail(f"app{index}")
                assert time.monotonic() < deadline, f"app{index} not healthy: {run.tail(f'app{index}')}"
                time.sleep(0.3)
        assert run.processes["worker"].poll() is None, run.tail("worker")
        yield {"apps": [url for _, url in urls], "run": run, "database": database[1]}
    finally:
        run.stop()


def _register_and_login(http: httpx.Client, base: str, phone: str, name: str, role: str) -> dict[str, str]:
    password = "compose-passw0rd"
    registered = http.post(f"{base}/api/auth/register",
                           json={"phone": phone, "password": password, "name": name, "role": role})
    assert registered.status_code == 201, registered.text
    login = http.post(f"{base}/api/auth/login", json={"phone": phone, "password": password})
    assert login.status_code == 200, login.text
    return {"Authorization": f"Bearer {login.json()['token']}"}


def test_one_accept_through_the_compose_stack(stack):
    from datetime import UTC, datetime, timedelta

    first, second = stack["apps"]
    run: Stack = stack["run"]
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    with httpx.Client(timeout=60) as http:
        employer = _register_and_login(http, first, "13812340001", "漳州市鑫盛建筑劳务有限公司", "employer")
        worker = _register_and_login(http, second, "13812340002", "林建国", "worker")  # the other app process
        job = http.post(f"{first}/api/jobs", headers=employer, json={
            "title": "搬家临时工", "description": "三楼无电梯", "skills": ["搬运工"], "headcount": 1,
            "location": {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号"},
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=8)).isoformat(),
            "pay": {"amount_fen": 25000, "unit": "day"}, "pay_due_hours": 24})
        assert job.status_code == 201, job.text
        accepted = http.post(f"{second}/api/jobs/{job.json()['id']}/accept", headers=worker)
        assert accepted.status_code == 201, accepted.text
        contract = accepted.json()["contract"]
        assert contract is not None, accepted.text
        seen = http.get(f"{first}/api/contracts/{contract['id']}", headers=employer)  # read through the other one
        assert seen.status_code == 200, seen.text
        assert seen.json()["number"] == contract["number"]
        pdf = http.get(f"{first}{contract['pdf_url']}", headers=employer)
        assert pdf.status_code == 200
        assert pdf.content.startswith(b"%PDF")
        assert http.get(f"{first}/").status_code == 200  # the front end, from the installed package

    # Only arq workers dispatch when Redis is configured: a delivered text is the worker process's doing.
    deadline = time.monotonic() + READY_S
    delivered: list[Any] = []
    while time.monotonic() < deadline and not delivered:
        (delivered,) = _postgres(stack["database"], "SELECT d.id FROM deliveries d WHERE d.status = 'delivered'")
        time.sleep(0.5)
    assert delivered, f"no delivery made; worker log: {run.tail('worker')}"
    (texts,) = _postgres(stack["database"], "SELECT phone FROM sms_log")
    assert {row["phone"] for row in texts} & {"13812340001", "13812340002"}, texts
    assert "dispatch_outbox" in run.log("worker").read_text(errors="replace")
    assert run.processes["worker"].poll() is None  # still running
