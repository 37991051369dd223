"""What `linggong serve` writes to its logs (uvicorn's access log included) carries no phone number and no token,
checked on a real server in a subprocess: a staff search, a refused login, a phone in a query string."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPOSITORY = Path(__file__).resolve().parents[2]
PHONE = "13912340001"
STAFF_PHONE = "13912340002"
PASSWORD = "passw0rd-for-logs"


def linggong(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from market.cli import main; raise SystemExit(main())", *args]
    result = subprocess.run(command, env=env, input=stdin, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_served_logs_carry_no_phone_number_and_no_token(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINGGONG_")}
    env.update({"LINGGONG_DATA_DIR": str(tmp_path / "data"), "LINGGONG_PASSWORD_HASH_MEMORY_KIB": "1024",
                "PYTHONUNBUFFERED": "1",
                "PYTHONPATH": os.pathsep.join(filter(None, [str(REPOSITORY), os.environ.get("PYTHONPATH")]))})
    linggong(env, "migrate")
    linggong(env, "create-staff", "--phone", STAFF_PHONE, "--name", "郑丽华", "--password-stdin", stdin=PASSWORD)
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-c", "from market.cli import main; raise SystemExit(main())", "serve", "--port",
             str(port)], env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, log.read_text()
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.2)
        with httpx.Client(base_url=url, timeout=10) as http:
            registered = http.post("/api/auth/register", json={"phone": PHONE, "password": PASSWORD,
                                                               "name": "林建国", "role": "worker"})
            assert registered.status_code == 201, registered.text
            token = http.post("/api/auth/login", json={"phone": STAFF_PHONE, "password": PASSWORD}).json()["token"]
            staff = {"Authorization": f"Bearer {token}"}
            assert http.post("/api/workers/search", json={"phone": PHONE}, headers=staff).status_code == 200
            assert http.post("/api/auth/login", json={"phone": PHONE, "password": "wrong-passw0rd"}).status_code == 401
            assert http.get("/api/deliveries/sms", params={"phone": PHONE}, headers=staff).status_code == 200
            assert http.get("/api/workers", params={"phone": PHONE}, headers=staff).status_code == 400
    finally:
        server.terminate()
        server.wait(timeout=30)
    printed = log.read_text()
    assert "/api/workers/search" in printed, "the access log is on"
    assert "139****0001" in printed, "the refused login and the query string show the phone masked"
    assert PHONE not in printed
    assert token not in printed
    assert PASSWORD not in printed
