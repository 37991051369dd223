"""The platform certificate authority (ECDSA P-256) and the certificates it issues to the parties and itself."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from contracts.terms import PartyRole

__all__ = ["Credential", "PlatformCA", "common_name_for", "create_platform_ca", "holder_name", "load_platform_ca",
           "role_of_certificate"]

_ORGANISATION = "Linggong"
_ROLE_UNITS = {PartyRole.WORKER: "worker", PartyRole.EMPLOYER: "employer", PartyRole.PLATFORM: "platform"}
_MIN_PASSPHRASE = 16  # a machine secret (e.g. derived per party from the master key), not a human password
_COMMON_NAME_BYTES = 64  # RFC 5280's upper bound, which cryptography applies to the UTF-8 bytes
_CUT = "…"


@dataclass(frozen=True, slots=True)
class Credential:
    """A certificate and its private key as encrypted PKCS#8, both PEM: what the service stores for a party."""

    cert_pem: bytes
    key_pem: bytes = field(repr=False)


def _encrypt_key(key: ec.EllipticCurvePrivateKey, passphrase: bytes) -> bytes:
    if len(passphrase) < _MIN_PASSPHRASE:
        raise ValueError(f"key passphrase must be at least {_MIN_PASSPHRASE} bytes of machine secret")
    # PBES2: PBKDF2-HMAC-SHA256 (2048 rounds) + AES-256-CBC; stretching matters little for a random secret
    encryption = serialization.BestAvailableEncryption(passphrase)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


def common_name_for(display_name: str) -> str:
    """The common name a party certificate for `display_name` carries: the name itself, or, past 64 UTF-8 bytes
    (about 21 Chinese characters: long company names), its start and "…". The contract text keeps the full name."""
    if len(display_name.encode()) <= _COMMON_NAME_BYTES:
        return display_name
    cut = display_name
    while len((cut + _CUT).encode()) > _COMMON_NAME_BYTES:
        cut = cut[:-1]
    return cut.rstrip() + _CUT


def _name(common_name: str, unit: str, serial: str | None = None) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, _ORGANISATION),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if serial:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    return x509.Name(attributes)


def create_platform_ca(
    passphrase: bytes, *, common_name: str = "Linggong Platform Root CA", now: datetime | None = None, years: int = 20
) -> Credential:
    """Create a self-signed ECDSA P-256 root; the key comes back encrypted with the service's passphrase."""
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name, "certificate authority")
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Credential(cert.public_bytes(serialization.Encoding.PEM), _encrypt_key(key, passphrase))


def role_of_certificate(cert: x509.Certificate) -> PartyRole | None:
    """The party role a certificate was issued for, read from its organisational unit; None if it has none."""
    units = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    by_unit = {unit: role for role, unit in _ROLE_UNITS.items()}
    return by_unit.get(str(units[0].value)) if units else None


def holder_name(cert_pem: bytes) -> str:
    """The name a certificate was issued to (its common name)."""
    names = x509.load_pem_x509_certificate(cert_pem).subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""


@dataclass(frozen=True, slots=True)
class PlatformCA:
    """A loaded platform CA that issues party certificates."""

    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey = field(repr=False)

    @property
    def cert_pem(self) -> bytes:
        """The root certificate as PEM, to publish at the root-certificate endpoint."""
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def issue(
        self, role: PartyRole, display_name: str, subject_ref: str, key_passphrase: bytes, *,
        now: datetime | None = None, days: int = 365 * 3,
    ) -> Credential:
        """Issue a signing certificate for a party (CN display name, serialNumber the service's reference)."""
        now = now or datetime.now(UTC)
        key = ec.generate_private_key(ec.SECP256R1())
        ski = self.cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name_for(display_name), _ROLE_UNITS[role], subject_ref))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(int.from_bytes(secrets.token_bytes(16), "big") >> 1)
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(min(now + timedelta(days=days), self.cert.not_valid_after_utc))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
                    key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        return Credential(cert.public_bytes(serialization.Encoding.PEM), _encrypt_key(key, key_passphrase))


def load_platform_ca(ca: Credential, passphrase: bytes) -> PlatformCA:
    """Load the platform CA from its PEMs, decrypting the key with the passphrase."""
    cert = x509.load_pem_x509_certificate(ca.cert_pem)
    key = serialization.load_pem_private_key(ca.key_pem, passphrase)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != cert.public_key():
        raise ValueError("the CA key is not the ECDSA key of the CA certificate")
    return PlatformCA(cert=cert, key=key)
