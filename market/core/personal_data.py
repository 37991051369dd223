"""Personal identity numbers at rest: AES-GCM encryption and a keyed hash for uniqueness look-ups."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from market.core.keys import get_keyring

__all__ = ["decrypt", "encrypt", "keyed_hash"]

_VERSION = "v1"


def encrypt(plaintext: str, *, context: str) -> str:
    """Encrypt `plaintext`, bound to `context` (say "worker.id_number") so a value cannot be moved between columns."""
    nonce = os.urandom(12)
    sealed = AESGCM(get_keyring().personal_data_key).encrypt(nonce, plaintext.encode(), context.encode())
    return f"{_VERSION}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"


def decrypt(token: str, *, context: str) -> str:
    """Decrypt a value made by `encrypt` with the same context; raises if it was altered."""
    version, _, body = token.partition(":")
    if version != _VERSION:
        raise ValueError(f"unknown personal-data key version {version!r}")
    raw = base64.urlsafe_b64decode(body)
    return AESGCM(get_keyring().personal_data_key).decrypt(raw[:12], raw[12:], context.encode()).decode()


def keyed_hash(value: str, *, context: str) -> str:
    """A keyed HMAC-SHA256 of `value`: equal inputs give equal hashes, but nobody without the key can test guesses."""
    message = f"{context}\x00{value}".encode()
    return hmac.new(get_keyring().personal_hash_key, message, hashlib.sha256).hexdigest()
