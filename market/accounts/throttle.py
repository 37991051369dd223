"""Login throttling every app process shares: one-minute windows per client address, per phone from one address,
and a slow-down (never a lock) per phone from everywhere.

Counts live in Redis when it is configured, so N processes allow the limit once, not N times; without Redis, or
while it cannot be reached, each process counts in its own memory (a login never fails because Redis is down).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import time
from collections import Counter
from typing import Any

from market.core.errors import TooManyRequests
from market.core.personal_data import keyed_hash

__all__ = ["AttemptThrottle", "counted_address", "hold_back_s"]

logger = logging.getLogger("market.accounts")

WINDOW_S = 60
MAX_HOLD_BACK_S = 8.0
"""The longest a login to a phone under attack from many addresses is held back before its password is checked."""
RETRY_REDIS_AFTER_S = 5.0
"""After Redis fails, count in memory this long before trying it again (an unreachable host costs a timeout)."""


def counted_address(address: str) -> str:
    """The address attempts are counted under: an IPv6 client by its /64, since one subscriber usually holds a
    whole /64 and could otherwise take a fresh address for every guess."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def hold_back_s(excess: int) -> float:
    """How long to hold a login back when its phone is `excess` attempts past the slow-down this minute: doubling
    from a quarter second up to MAX_HOLD_BACK_S."""
    return min(MAX_HOLD_BACK_S, 0.25 * 2 ** min(excess - 1, 8))


class AttemptThrottle:
    """Counts login and registration attempts; made once per app with its limits and Redis URL."""

    def __init__(self, *, per_phone: int, per_address: int, redis_url: str | None,
                 slowdown_per_phone: int = 30) -> None:
        self.per_phone, self.per_address, self.redis_url = per_phone, per_address, redis_url
        self.slowdown_per_phone = slowdown_per_phone
        self.sleep = asyncio.sleep  # tests record the hold-back instead of waiting it out
        self._local: Counter[tuple[str, int]] = Counter()
        self._clients: dict[int, Any] = {}  # a redis-py client belongs to the event loop that made it
        self._warned_at = -float("inf")
        self._redis_back_at = 0.0

    async def check(self, address: str, phone: str | None = None) -> None:
        """Count an attempt from `address` (a login names its `phone`); TooManyRequests, with Retry-After, once the
        address, or the phone from this address, is over its limit this minute.

        The phone's count from every address never refuses: past `slowdown_per_phone` it only holds the attempt
        back, so an attacker elsewhere slows the owner's login down but cannot lock the owner out.
        """
        window = int(time.time() // WINDOW_S)
        address = counted_address(address)
        keys = [f"address:{address}"]
        if phone is not None:
            digest = keyed_hash(phone, context="login.phone")  # no phone numbers in Redis
            keys += [f"phone:{digest}:{address}", f"phone:{digest}"]
        counts = await self._count(keys, window)
        over_phone = phone is not None and counts[1] > self.per_phone
        if over_phone or counts[0] > self.per_address:
            raise TooManyRequests(retry_after_s=max(1, WINDOW_S * (window + 1) - int(time.time())))
        if phone is not None and counts[2] > self.slowdown_per_phone:
            await self.sleep(hold_back_s(counts[2] - self.slowdown_per_phone))

    async def close(self) -> None:
        """Close the Redis clients this throttle opened."""
        for client in list(self._clients.values()):
            with contextlib.suppress(Exception):  # a client of a closed loop or server: nothing left to close
                await client.aclose()
        self._clients.clear()

    def _client(self) -> Any:
        from redis.asyncio import Redis

        loop = id(asyncio.get_running_loop())
        if loop not in self._clients:
            self._clients[loop] = Redis.from_url(self.redis_url or "", socket_connect_timeout=0.5,
                                                 socket_timeout=0.5)
        return self._clients[loop]

    async def _count(self, keys: list[str], window: int) -> list[int]:
        """This window's attempts for each key, this one included."""
        if self.redis_url and time.monotonic() >= self._redis_back_at:
            try:
                async with self._client().pipeline(transaction=True) as pipe:
                    for key in keys:
                        name = f"linggong:attempts:{window}:{key}"
                        pipe.incr(name).expire(name, WINDOW_S * 2)
                    replies = await pipe.execute()
                return [int(count) for count in replies[::2]]
            except Exception as exc:  # Redis unreachable: count here rather than refuse or wave everyone through
                self._clients.pop(id(asyncio.get_running_loop()), None)
                self._redis_back_at = time.monotonic() + RETRY_REDIS_AFTER_S
                if time.monotonic() - self._warned_at > WINDOW_S:
                    self._warned_at = time.monotonic()
                    logger.warning("login throttle counts in process memory: Redis unreachable (%s)", exc)
        return self._count_here(keys, window)

    def _count_here(self, keys: list[str], window: int) -> list[int]:
        for stale in [k for k in self._local if k[1] < window]:
            del self._local[stale]
        for key in keys:
            self._local[key, window] += 1
        return [self._local[key, window] for key in keys]
