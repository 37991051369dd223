"""Password hashing runs off the event loop: a burst of logins does not hold up anyone else's request.

What is shown is order, not speed (the figure is in bench/login_burst_bench.py): every Argon2 check runs in the
bounded hashing pool, never on the loop's thread, and a plain request answers while the logins are still hashing.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from argon2.exceptions import VerifyMismatchError

from market.core import passwords
from market.settings import get_settings

BURST = 20


class GatedHasher:
    """Stands in for Argon2: each check waits for the gate (like a slow hash), then says the password is wrong."""

    def __init__(self, loop_thread: int) -> None:
        self.loop_thread = loop_thread
        self.gate = threading.Event()
        self.threads: list[int] = []
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def verify(self, stored_hash: str, password: str) -> bool:
        with self._lock:
            self.threads.append(threading.get_ident())
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            if threading.get_ident() != self.loop_thread:  # on the loop, waiting would only stall this test
                self.gate.wait(timeout=10)
        finally:
            with self._lock:
                self.running -= 1
        raise VerifyMismatchError("wrong password")


async def wait_for(condition: Any, what: str) -> None:
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


async def test_a_plain_request_answers_while_a_burst_of_logins_is_still_hashing(client, market, monkeypatch):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)
    hasher = GatedHasher(loop_thread=threading.get_ident())
    monkeypatch.setattr(passwords, "password_hasher", lambda: hasher)

    logins = [asyncio.create_task(client.post("/api/auth/login", json={"phone": worker["phone"],
                                                                      "password": f"wrong-passw0rd-{i}"}))
              for i in range(BURST)]
    pool_size = get_settings().password_hash_threads
    await wait_for(lambda: hasher.running == pool_size or all(t.done() for t in logins), "the pool to fill")

    plain = await client.get(f"/api/jobs/{job['id']}", headers=worker["headers"])
    assert plain.status_code == 200, plain.text
    assert not any(login.done() for login in logins), "the plain request waited for the logins"

    hasher.gate.set()
    answers = await asyncio.gather(*logins)
    assert [answer.status_code for answer in answers] == [401] * BURST
    assert len(hasher.threads) == BURST
    assert threading.get_ident() not in hasher.threads, "a password was checked on the event loop's thread"
    assert hasher.most_at_once == pool_size, "the hashing pool is bounded by LINGGONG_PASSWORD_HASH_THREADS"
