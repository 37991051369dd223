"""The master secret and the keys derived from it: token signing, personal-data encryption, keyed hashes."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from market.settings import Settings, SettingsError, get_settings

__all__ = ["Keyring", "ensure_secret_file", "get_keyring", "reset_keyring", "secret_file"]

_SECRET_FILE = "secret.key"  # noqa: S105 (a file name, not a secret)


@dataclass(frozen=True)
class Keyring:
    """Keys for separate purposes, each derived from the master secret with its own label."""

    token_secret: str
    personal_data_key: bytes
    personal_hash_key: bytes
    signing_key_passphrase: bytes
    consent_code_key: bytes
    account_code_key: bytes


def secret_file(data_dir: Path) -> Path:
    """Where the generated master secret lives in a data dir (whether or not it exists yet)."""
    return data_dir / _SECRET_FILE


def ensure_secret_file(data_dir: Path) -> Path:
    """Create the data dir and a random master secret in it (mode 0600) unless one exists; return its path."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / _SECRET_FILE
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path


def _master_secret(settings: Settings) -> bytes:
    if settings.secret_key:
        return settings.secret_key.encode()
    if settings.is_production:
        raise SettingsError("production needs LINGGONG_SECRET_KEY")
    return ensure_secret_file(settings.data_dir).read_text(encoding="ascii").strip().encode()


def _derive(master: bytes, label: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"linggong", info=label.encode()).derive(master)


@lru_cache(maxsize=1)
def get_keyring() -> Keyring:
    """The keyring for this process, derived once."""
    master = _master_secret(get_settings())
    return Keyring(
        token_secret=_derive(master, "auth-token").hex(),
        personal_data_key=_derive(master, "personal-data-aes-gcm-v1"),
        personal_hash_key=_derive(master, "personal-data-hmac-v1"),
        signing_key_passphrase=_derive(master, "signing-keys-v1"),
        consent_code_key=_derive(master, "consent-code-hmac-v1"),
        account_code_key=_derive(master, "account-code-hmac-v1"),
    )


def reset_keyring() -> None:
    """Forget the derived keys (tests that change the secret)."""
    get_keyring.cache_clear()
