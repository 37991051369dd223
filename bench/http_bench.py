"""The radar, the candidates and health over HTTP under wrk, each beside a bare Litestar app in the same round.

Usage: python bench/http_bench.py [--duration S] [--connections N] [--demo-dir DIR] [--pg-url URL --pg-dir DIR]
                                  [--processes K] [--only radar,candidates,health]

One `linggong serve` process (uvicorn, as deployed) per city and one uvicorn process serving `bench/http_bare.py`;
for each endpoint wrk loads the bare app, then the endpoint, for `--duration` seconds each with `--connections`
connections, and the table gives req/s, the ratio to the bare app of the same round, and p99. `--demo-dir` is a data
dir holding a seeded SQLite demo city (default: one seeded into a temporary dir, 1,000 workers and 300 jobs); the
PostgreSQL city (`linggong demo --workers 100000 --jobs 5000`, its data dir for the keys) is optional. Before the
load, 200 sequential requests per endpoint give its one-connection p50. Needs `wrk` (Debian package `wrk`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import closing
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASSWORD = "linggong-demo"
WORKER_PHONE, EMPLOYER_PHONE = "13800000001", "13800000002"


def _free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_up(url: str, process: subprocess.Popen[bytes], timeout: float = 180.0) -> float:
    began = time.perf_counter()
    while time.perf_counter() - began < timeout:
        if process.poll() is not None:
            raise SystemExit(f"server for {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return time.perf_counter() - began
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer in {timeout:.0f} s")


def _env(data_dir: str, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINGGONG_")}
    env.update(LINGGONG_DATA_DIR=data_dir, PYTHONPATH=str(ROOT))
    if database_url:
        env["LINGGONG_DATABASE_URL"] = database_url
    redis = os.environ.get("LINGGONG_REDIS_URL")
    if redis:
        env["LINGGONG_REDIS_URL"] = redis
    return env


def _serve_market(data_dir: str, database_url: str | None, processes: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "market.cli", "serve", "--port", str(port), "--workers", str(processes)]
    process = subprocess.Popen(command, env=_env(data_dir, database_url), cwd=data_dir,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    started = _wait_up(base + "/api/health", process)
    print(f"  market up in {started:.1f} s ({processes} process{'es' if processes > 1 else ''})")
    return process, base


def _serve_bare(processes: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "uvicorn", "http_bare:app", "--app-dir", str(HERE), "--port", str(port),
               "--workers", str(processes), "--log-level", "info"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    _wait_up(base + "/", process)
    return process, base


def _stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, 15)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)


def _login(base: str, phone: str) -> str:
    body = json.dumps({"phone": phone, "password": PASSWORD}).encode()
    request = urllib.request.Request(base + "/api/auth/login", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return str(json.load(answer)["token"])


def _get(base: str, path: str, token: str | None) -> tuple[int, bytes]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(base + path, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status, answer.read()


def _sequential_p50(base: str, path: str, token: str | None, count: int = 200) -> float:
    samples = []
    for _ in range(count):
        began = time.perf_counter()
        _get(base, path, token)
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _wrk(url: str, token: str | None, duration: int, connections: int) -> tuple[float, float, int]:
    """req/s, p99 ms and the count of non-2xx answers for one wrk run."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s|m)", out).groups()  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*timeout (\d+)", out)
    failures = (int(bad.group(1)) if bad else 0) + (int(errors.group(1)) if errors else 0)
    return rate, float(value) * _UNITS[unit], failures


def _seed_demo() -> str:
    data_dir = tempfile.mkdtemp(prefix="linggong-http-bench-")
    print(f"seeding a demo city into {data_dir} …")
    subprocess.run([sys.executable, "-m", "market.cli", "demo"], env=_env(data_dir, None), cwd=data_dir,
                   check=True, stdout=subprocess.DEVNULL)
    return data_dir


def _city(label: str, data_dir: str, database_url: str | None, args: argparse.Namespace,
          bare: str) -> list[tuple[str, str, float, float, float, int, float]]:
    print(f"{label}:")
    process, base = _serve_market(data_dir, database_url, args.processes)
    rows = []
    try:
        worker, employer = _login(base, WORKER_PHONE), _login(base, EMPLOYER_PHONE)
        mine = json.loads(_get(base, "/api/jobs?mine=true&limit=1", employer)[1])
        job_id = mine["items"][0]["id"]
        endpoints = {"radar": ("/api/jobs", worker), "candidates": (f"/api/jobs/{job_id}/candidates", employer),
                     "health": ("/api/health", None)}
        for name in args.only.split(","):
            path, token = endpoints[name]
            status, body = _get(base, path, token)
            assert status == 200, (name, status, body[:200])
            sequential = _sequential_p50(base, path, token)
            bare_rate, bare_p99, _ = _wrk(bare + "/", None, args.duration, args.connections)
            rate, p99, bad = _wrk(base + path, token, args.duration, args.connections)
            rows.append((name, label, rate, rate / bare_rate, p99, bad, sequential))
            print(f"  {name:<10} {rate:8.0f} req/s  {100 * rate / bare_rate:5.1f}% of bare ({bare_rate:.0f}, p99 "
                  f"{bare_p99:.1f} ms)  p99 {p99:7.1f} ms  errors {bad}  sequential p50 {sequential:.2f} ms")
    finally:
        _stop(process)
    return rows


def main() -> None:
    """Run the table and print it as markdown."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per run (default 10)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--processes", type=int, default=1, help="app processes per server (default 1)")
    parser.add_argument("--demo-dir", help="data dir of a seeded SQLite demo city (default: seed one)")
    parser.add_argument("--pg-url", help="PostgreSQL URL of a seeded 100k-worker city")
    parser.add_argument("--pg-dir", help="data dir the PostgreSQL city was seeded with (its keys)")
    parser.add_argument("--only", default="radar,candidates,health")
    parser.add_argument("--skip-demo", action="store_true", help="only the PostgreSQL city")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    bare_process, bare = _serve_bare(args.processes)
    rows = []
    try:
        if not args.skip_demo:
            demo = args.demo_dir or _seed_demo()
            rows += _city("SQLite, demo", demo, None, args, bare)
        if args.pg_url:
            rows += _city("PostgreSQL, 100k", args.pg_dir or tempfile.mkdtemp(), args.pg_url, args, bare)
    finally:
        _stop(bare_process)
    print(f"\n{args.connections} connections, {args.duration} s per run, {args.processes} process(es)\n")
    print("| endpoint | city | req/s | ÷ bare | p99 ms | errors | sequential p50 ms |")
    print("|---|---|---|---|---|---|---|")
    for name, label, rate, ratio, p99, bad, sequential in rows:
        print(f"| {name} | {label} | {rate:,.0f} | {100 * ratio:.1f}% | {p99:,.1f} | {bad} | {sequential:.2f} |")


if __name__ == "__main__":
    main()
