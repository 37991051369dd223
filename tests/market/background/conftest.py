"""Real Redis for the background tests: each test starts its own `redis-server` on a spare port and stops that one.

The machine's shared Redis (6379) is never touched. The market reads its Redis URL from cached settings and keeps
one arq pool per event loop, so both are reset around every test.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from market.background import queue

READY_TIMEOUT_S = 10.0


def spare_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """One `redis-server` subprocess without persistence: stopping it loses whatever was queued, like a crash."""

    def __init__(self, workdir: Path) -> None:
        self.port = spare_port()
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The URL the market is given (database 0 of this server)."""
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self) -> bool:
        """True when the server answers PING."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> None:
        """Start the server on this port (again, after `stop`) and wait until it answers."""
        assert self.process is None, "already running"
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not self.ping():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.02)

    def stop(self) -> None:
        """Terminate this server (only this one) and wait for it to exit."""
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


@pytest.fixture
def linggong_env() -> Iterator[Callable[..., None]]:
    """Set `LINGGONG_*` variables for this test (`linggong_env(redis_url=…)`); settings are re-read each time."""
    from market.settings import reset_settings

    with pytest.MonkeyPatch.context() as patch:
        def configure(**values: object) -> None:
            for name, value in values.items():
                patch.setenv(f"LINGGONG_{name.upper()}", str(value))
            reset_settings()

        yield configure
    reset_settings()


@pytest.fixture
async def redis(tmp_path: Path, linggong_env: Callable[..., None]) -> AsyncIterator[RedisServer]:
    """A private redis-server the market is configured to use for this test."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed (CI installs it; `apt-get install redis-server`)")
    server = RedisServer(tmp_path)
    server.start()
    try:
        linggong_env(redis_url=server.url)
        await queue.forget_pools()
        yield server
    finally:
        await queue.forget_pools()
        server.stop()
