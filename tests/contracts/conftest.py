"""Fixtures for the contract tests: one platform CA per session, party keys, a sealed contract, a local TSA."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.sign.timestamps import DummyTimeStamper

from contracts import (
    IssuedContract,
    PartyRole,
    PlatformCA,
    SignerKey,
    create_platform_ca,
    issue_contract,
    load_platform_ca,
)
from contracts.examples import sample_consents, sample_terms

PASSPHRASE = b"test-passphrase-not-for-production"


@pytest.fixture(scope="session")
def platform_ca() -> PlatformCA:
    """The platform root CA, created once per test session."""
    return load_platform_ca(create_platform_ca(PASSPHRASE), PASSPHRASE)


@pytest.fixture(scope="session")
def party_keys(platform_ca: PlatformCA) -> dict[PartyRole, SignerKey]:
    """Worker, employer and platform-seal keys issued by the platform CA."""
    names = {
        PartyRole.WORKER: ("陈建国", "user-812"),
        PartyRole.EMPLOYER: ("厦门市鹭岛装饰工程有限公司", "employer-77"),
        PartyRole.PLATFORM: ("厦门市零工市场服务平台", "platform-seal"),
    }
    return {role: SignerKey(platform_ca.issue(role, name, ref, PASSPHRASE), PASSPHRASE)
            for role, (name, ref) in names.items()}


@pytest.fixture(scope="session")
def sealed(party_keys: dict[PartyRole, SignerKey]) -> IssuedContract:
    """A contract issued and sealed end to end (walk-in worker with a handwritten signature)."""
    return issue_contract(sample_terms(), sample_consents(walk_in=True), party_keys)


@pytest.fixture(scope="session")
def roots(platform_ca: PlatformCA) -> list[bytes]:
    """The trust roots a verifier is given: the platform root certificate."""
    return [platform_ca.cert_pem]


@pytest.fixture
def poppler() -> Callable[[str], str]:
    """Find a poppler tool (pdfsig, pdftotext, pdffonts, pdftoppm), skipping when poppler-utils is missing."""

    def find(name: str) -> str:
        path = shutil.which(name)
        if path is None:
            pytest.skip(f"{name} not installed (Debian package poppler-utils)")
        return path

    return find


def _tsa_credential(platform_ca: PlatformCA) -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's dummy TSA signs with RSA only
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test TSA")]))
        .issuer_name(platform_ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(platform_ca.key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


@pytest.fixture(scope="session")
def tsa_url(platform_ca: PlatformCA) -> Iterator[str]:
    """An RFC 3161 timestamp server on 127.0.0.1, answering with pyHanko's dummy timestamper."""
    cert_pem, key_pem = _tsa_credential(platform_ca)
    (cert,) = load_certs_from_pemder_data(cert_pem)
    stamper = DummyTimeStamper(tsa_cert=cert, tsa_key=load_private_key_from_pemder_data(key_pem, None))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    server.shutdown()
    server.server_close()
