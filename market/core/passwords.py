"""Password hashing with Argon2id (memory-hard), via argon2-cffi, off the event loop in a small thread pool."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from market.settings import get_settings

__all__ = ["hash_password", "hash_password_off_loop", "hashing_pool", "needs_rehash", "password_hasher",
           "reset_hashing", "verify_password", "verify_password_off_loop"]


@lru_cache(maxsize=1)
def password_hasher() -> PasswordHasher:
    """This process's Argon2id hasher, made on first use with `password_hash_memory_kib`."""
    return PasswordHasher(memory_cost=get_settings().password_hash_memory_kib)


@lru_cache(maxsize=1)
def hashing_pool() -> ThreadPoolExecutor:
    """This process's threads for Argon2 (made on first use): bounded, so a login burst queues instead of taking
    every core and all the memory (each hash holds `password_hash_memory_kib`)."""
    return ThreadPoolExecutor(max_workers=get_settings().password_hash_threads, thread_name_prefix="argon2")


def reset_hashing() -> None:
    """Forget the hasher and the hashing pool (letting its threads finish), so the next use reads the settings again."""
    password_hasher.cache_clear()
    if hashing_pool.cache_info().currsize:
        hashing_pool().shutdown(wait=False)
    hashing_pool.cache_clear()


def hash_password(password: str) -> str:
    """An Argon2id hash of `password`, with its own salt and parameters (blocks: from async code use
    `hash_password_off_loop`)."""
    return password_hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches `stored_hash` (blocks: from async code use `verify_password_off_loop`)."""
    try:
        return password_hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def hash_password_off_loop(password: str) -> str:
    """`hash_password` in the hashing pool, so the event loop keeps serving other requests meanwhile."""
    return await asyncio.get_running_loop().run_in_executor(hashing_pool(), hash_password, password)


async def verify_password_off_loop(stored_hash: str, password: str) -> bool:
    """`verify_password` in the hashing pool, so the event loop keeps serving other requests meanwhile."""
    return await asyncio.get_running_loop().run_in_executor(hashing_pool(), verify_password, stored_hash, password)


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return password_hasher().check_needs_rehash(stored_hash)
