"""The platform's certificate authority and seal key: created into the data dir on first start (mode 0600)."""

from __future__ import annotations

import hashlib
import hmac
import os
from functools import lru_cache
from pathlib import Path

from contracts import Credential, PartyRole, PlatformCA, SignerKey, create_platform_ca, load_platform_ca
from market.core.keys import get_keyring
from market.settings import get_settings

__all__ = ["ensure_authority", "party_passphrase", "platform_authority", "platform_seal", "reset_authority",
           "root_certificate_pem"]

_FILES = {"root": "platform-root", "seal": "platform-seal"}


def party_passphrase(label: str) -> bytes:
    """The passphrase that unlocks one key: derived from the master secret, never stored."""
    return hmac.new(get_keyring().signing_key_passphrase, label.encode(), hashlib.sha256).hexdigest().encode()


def _authority_dir() -> Path:
    settings = get_settings()
    return settings.ca_dir or settings.data_dir / "ca"


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _read(name: str) -> Credential | None:
    folder = _authority_dir()
    cert, key = folder / f"{_FILES[name]}.pem", folder / f"{_FILES[name]}.key.pem"
    if not (cert.exists() and key.exists()):
        return None
    return Credential(cert_pem=cert.read_bytes(), key_pem=key.read_bytes())


def _save(name: str, credential: Credential) -> None:
    folder = _authority_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _write_private(folder / f"{_FILES[name]}.key.pem", credential.key_pem)
    _write_private(folder / f"{_FILES[name]}.pem", credential.cert_pem)


def ensure_authority() -> Path:
    """Create the root CA and the platform seal credential unless present; return their folder."""
    if _read("root") is None:
        _save("root", create_platform_ca(party_passphrase("platform-root")))
    if _read("seal") is None:
        ca = load_platform_ca(_read("root"), party_passphrase("platform-root"))  # type: ignore[arg-type]
        seal = ca.issue(PartyRole.PLATFORM, "零工市场服务平台", "platform-seal", party_passphrase("platform-seal"))
        _save("seal", seal)
    return _authority_dir()


@lru_cache(maxsize=1)
def platform_authority() -> PlatformCA:
    """The loaded platform CA (created on first use outside production)."""
    if _read("root") is None and not get_settings().is_production:
        ensure_authority()
    credential = _read("root")
    if credential is None:
        raise RuntimeError(f"no platform CA in {_authority_dir()}; run `linggong migrate` or mount it")
    return load_platform_ca(credential, party_passphrase("platform-root"))


@lru_cache(maxsize=1)
def platform_seal() -> SignerKey:
    """The platform seal's key, which seals every contract last."""
    platform_authority()
    if _read("seal") is None:
        ensure_authority()
    return SignerKey(credential=_read("seal"), passphrase=party_passphrase("platform-seal"))  # type: ignore[arg-type]


def reset_authority() -> None:
    """Forget the loaded CA and seal, so the next use reads them again (after the CA directory or secret changed)."""
    platform_authority.cache_clear()
    platform_seal.cache_clear()


def root_certificate_pem() -> bytes:
    """The root certificate anyone can use as the trust anchor to check a contract offline."""
    return platform_authority().cert_pem
