"""How long `linggong up` takes on a fresh data dir, from the command to a healthy server, with the demo city's
default size (or --workers/--jobs); prints each run and the median. Figures go in docs/benchmarks.md."""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def one_start(extra: list[str]) -> float:
    """Seconds from `linggong up` to its first healthy answer, on an empty data dir."""
    data = tempfile.mkdtemp()
    port = _free_port()
    env = {**os.environ, "LINGGONG_DATA_DIR": data}
    env.pop("LINGGONG_DATABASE_URL", None)
    env.pop("LINGGONG_REDIS_URL", None)
    started = time.perf_counter()
    process = subprocess.Popen([shutil.which("linggong") or "linggong", "up", "--port", str(port), *extra],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit("linggong up exited early")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                    return time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(data, ignore_errors=True)


def main() -> None:
    """Run `linggong up` a few times and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--jobs", type=int)
    args = parser.parse_args()
    extra = [*(["--workers", str(args.workers)] if args.workers else []),
             *(["--jobs", str(args.jobs)] if args.jobs else [])]
    times = []
    for run in range(args.runs):
        times.append(one_start(extra))
        print(f"run {run + 1}: {times[-1]:.1f} s to healthy", flush=True)
    print(f"median {statistics.median(times):.1f} s over {args.runs} runs ({' '.join(extra) or 'default demo city'})")


if __name__ == "__main__":
    main()
