"""Password hashing with Argon2id (memory-hard), via argon2-cffi."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from market.settings import get_settings

__all__ = ["hash_password", "needs_rehash", "verify_password"]


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher(memory_cost=get_settings().password_hash_memory_kib)


def hash_password(password: str) -> str:
    """An Argon2id hash of `password`, with its own salt and parameters."""
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches `stored_hash`."""
    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher().check_needs_rehash(stored_hash)
