"""The `linggong` command, run for real in subprocesses on a temporary data dir with SQLite: migrate, demo,
create-staff, the one-line refusals, and `up` serving the demo city."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from market.demo.cases import CASE_STORY_JOBS
from market.demo.wages import UNPAID_JOBS

LINGGONG = str(Path(sys.executable).with_name("linggong"))
REPOSITORY = Path(__file__).resolve().parents[2]
DEMO_LOGINS = ("13800000001", "13800000002", "13800000003")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def env(data_dir: Path) -> dict[str, str]:
    """The parent's environment without any LINGGONG_* setting, then a fresh data dir and the default SQLite.

    PYTHONPATH puts this checkout first, whichever copy of the package the console script was installed from.
    """
    child = {k: v for k, v in os.environ.items() if not k.startswith("LINGGONG_")}
    child.update({"LINGGONG_DATA_DIR": str(data_dir), "LINGGONG_PASSWORD_HASH_MEMORY_KIB": "1024",
                  "PYTHONUNBUFFERED": "1",
                  "PYTHONPATH": os.pathsep.join(filter(None, [str(REPOSITORY), os.environ.get("PYTHONPATH")]))})
    return child


def linggong(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([LINGGONG, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60,
                          check=False)


def count(data_dir: Path, sql: str) -> int:
    with sqlite3.connect(data_dir / "linggong.sqlite3") as db:
        return int(db.execute(sql).fetchone()[0])


def assert_one_line_refusal(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"linggong {result.args[1]}: ")
    for word in words:
        assert word in lines[0]


def test_migrate_creates_the_database_and_a_private_secret(env, data_dir):
    result = linggong(env, "migrate")
    assert result.returncode == 0, result.stderr
    assert str(data_dir) in result.stdout
    assert count(data_dir, "SELECT count(*) FROM migration") > 0
    assert count(data_dir, "SELECT count(*) FROM users") == 0
    assert (data_dir / "secret.key").stat().st_mode & 0o777 == 0o600


def test_migrate_creates_the_platform_ca_once(env, data_dir):
    """Production never makes the CA on demand: the one-shot migrate step (compose's `migrate`) must."""
    assert linggong(env, "migrate").returncode == 0
    root = data_dir / "ca" / "platform-root.pem"
    assert root.is_file()
    assert (data_dir / "ca" / "platform-root.key.pem").stat().st_mode & 0o777 == 0o600
    first = root.read_bytes()
    assert linggong(env, "migrate").returncode == 0
    assert root.read_bytes() == first  # kept: every contract signed so far chains to it


def test_demo_seeds_a_city_once(env, data_dir):
    result = linggong(env, "demo", "--workers", "50", "--jobs", "20")
    assert result.returncode == 0, result.stderr
    assert count(data_dir, "SELECT count(*) FROM users WHERE role = 'worker'") == 51  # 50 and the demo login
    assert count(data_dir, "SELECT count(*) FROM worker_profiles") == 51
    unpaid = len(UNPAID_JOBS) + CASE_STORY_JOBS  # worked and left unpaid: the warning board, the case stories
    assert count(data_dir, "SELECT count(*) FROM jobs WHERE status = 'open'") == 20 + unpaid
    assert count(data_dir, "SELECT count(*) FROM wage_warnings WHERE closed_at IS NULL") >= len(UNPAID_JOBS)
    assert count(data_dir, "SELECT count(DISTINCT level) FROM wage_warnings WHERE closed_at IS NULL") == 3
    assert count(data_dir, "SELECT count(*) FROM wage_cases") >= 4, "the case stories"
    assert count(data_dir, "SELECT count(*) FROM stations") >= 3
    assert count(data_dir, "SELECT count(*) FROM places WHERE name = '金峰农贸市场'") == 1  # the city's places
    assert count(data_dir, "SELECT count(*) FROM users WHERE role = 'employer'") >= 3
    again = linggong(env, "demo", "--workers", "5", "--jobs", "2")
    assert_one_line_refusal(again, "empty")
    assert count(data_dir, "SELECT count(*) FROM jobs") == 20 + unpaid


def test_create_staff_makes_a_staff_account(env, data_dir):
    assert linggong(env, "migrate").returncode == 0
    result = linggong(env, "create-staff", "--phone", "13700001111", "--name", "郑丽华", "--password-stdin",
                      stdin="staff-passw0rd\n")
    assert result.returncode == 0, result.stderr
    assert count(data_dir, "SELECT count(*) FROM users WHERE phone = '13700001111' AND role = 'staff'") == 1
    with sqlite3.connect(data_dir / "linggong.sqlite3") as db:
        stored = db.execute("SELECT password_hash FROM users WHERE phone = '13700001111'").fetchone()[0]
    assert stored.startswith("$argon2id$")


def test_create_staff_makes_a_supervisor_for_the_labour_bureau_who_belongs_to_no_station(env, data_dir):
    assert linggong(env, "migrate").returncode == 0
    result = linggong(env, "create-staff", "--supervisor", "--phone", "13700004444", "--name", "陈建华",
                      "--password-stdin", stdin="bureau-passw0rd\n")
    assert result.returncode == 0, result.stderr
    assert "supervisor account" in result.stdout
    assert count(data_dir, "SELECT count(*) FROM users WHERE phone = '13700004444' AND role = 'supervisor'") == 1
    assert count(data_dir, "SELECT count(*) FROM station_staff") == 0
    both = linggong(env, "create-staff", "--supervisor", "--admin", "--phone", "13700005555", "--name", "陈建华",
                    "--password-stdin", stdin="bureau-passw0rd\n")
    assert_one_line_refusal(both, "exclude each other")


def test_create_staff_refuses_a_bad_phone_in_one_line(env):
    result = linggong(env, "create-staff", "--phone", "123", "--name", "郑丽华", "--password-stdin",
                      stdin="staff-passw0rd\n")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "linggong create-staff: Invalid: Phone number must be an 11-digit mainland mobile number"]


def test_worker_without_redis_refuses_in_one_line(env):
    assert_one_line_refusal(linggong(env, "worker"), "LINGGONG_REDIS_URL")


def test_production_serve_without_a_secret_refuses_in_one_line(env):
    assert_one_line_refusal(linggong({**env, "LINGGONG_ENV": "production"}, "serve"), "SECRET_KEY")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[str], seconds: float = 120) -> None:
    """Wait for the health probe; the limit only catches a hang (how long `up` takes is bench/up_bench.py,
    docs/benchmarks.md: a loaded CI box with both passes running takes several times a quiet one's)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "linggong up exited early"
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not come up within {seconds} s")


def post_json(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def test_up_serves_the_demo_city_and_prints_the_logins(env, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "up.log"
    with log.open("w") as out:
        process = subprocess.Popen([LINGGONG, "up", "--port", str(port), "--workers", "30", "--jobs", "10"],
                                   env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(url, process)
        printed = log.read_text()
        assert url in printed
        for phone in DEMO_LOGINS:
            assert phone in printed
        login = post_json(f"{url}/api/auth/login", {"phone": "13800000001", "password": "linggong-demo"})
        assert login["user"]["role"] == "worker"
        assert login["token"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_create_staff_reads_a_piped_password_without_the_flag(env, data_dir):
    assert linggong(env, "migrate").returncode == 0
    result = linggong(env, "create-staff", "--phone", "13700002222", "--name", "郑丽华", stdin="staff-passw0rd\n")
    assert result.returncode == 0, result.stderr
    assert count(data_dir, "SELECT count(*) FROM users WHERE phone = '13700002222' AND role = 'staff'") == 1


def test_create_staff_without_a_terminal_or_a_password_says_how_in_one_line(env, data_dir):
    assert linggong(env, "migrate").returncode == 0
    result = linggong(env, "create-staff", "--phone", "13700003333", "--name", "郑丽华", stdin="")
    assert_one_line_refusal(result, "--password-stdin")
    assert "EOFError" not in result.stderr
    assert count(data_dir, "SELECT count(*) FROM users") == 0


def test_up_on_a_busy_port_refuses_in_one_line_before_anything_else(env, data_dir):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = linggong(env, "up", "--port", str(port), "--workers", "5", "--jobs", "2")
    assert_one_line_refusal(result, str(port), "--port")
    assert "ready" not in result.stdout
    for phone in DEMO_LOGINS:
        assert phone not in result.stdout
    assert not (data_dir / "linggong.sqlite3").exists()  # nothing migrated or seeded


def test_serve_on_a_busy_port_refuses_in_one_line(env):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = linggong(env, "serve", "--port", str(busy.getsockname()[1]))
    assert_one_line_refusal(result, "in use")


def test_up_help_says_what_it_does_and_what_each_option_is(env):
    result = linggong(env, "up", "--help")
    assert result.returncode == 0, result.stderr
    assert "demo city" in result.stdout
    assert "port to listen on (default 8000)" in result.stdout
    assert "address to listen on" in result.stdout


def test_import_places_loads_a_csv_reports_bad_lines_and_is_idempotent(env, data_dir, tmp_path):
    good = tmp_path / "places.csv"
    good.write_text("name,district,address,lat,lon\n金峰农贸市场,芗城区,漳州市芗城区金峰农贸市场,24.515,117.64\n"
                    "碧湖生态园,龙文区,漳州市龙文区碧湖生态园,24.5035,117.71\n", encoding="utf-8")
    first = linggong(env, "import-places", str(good))
    assert first.returncode == 0, first.stderr
    assert "places: 2 added, 0 updated, 0 unchanged, 0 bad lines" in first.stdout
    again = linggong(env, "import-places", str(good))
    assert "places: 0 added, 0 updated, 2 unchanged, 0 bad lines" in again.stdout
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("新市场,芗城区,漳州市芗城区新市场,24.52,117.65\n坏的,芗城区,漳州市芗城区,north,117.6\n",
                     encoding="utf-8")
    result = linggong(env, "import-places", str(mixed))
    assert result.returncode == 2
    assert f"{mixed}:2: lat is not a number" in result.stderr
    assert "1 bad lines" in result.stderr
    assert "places: 1 added, 0 updated, 0 unchanged, 1 bad lines" in result.stdout
    assert count(data_dir, "SELECT count(*) FROM places") == 3
    missing = linggong(env, "import-places", str(tmp_path / "none.csv"))
    assert_one_line_refusal(missing, "cannot read")
