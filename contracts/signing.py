"""PAdES signatures on contract PDFs: each party signs, then the platform seals, optionally with RFC 3161 timestamps."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache

from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from contracts.pki import Credential
from contracts.terms import PartyRole

__all__ = ["FIELD_NAMES", "SignerKey", "format_reason", "parse_reason", "sign_pdf"]

FIELD_NAMES = {
    PartyRole.WORKER: "LinggongWorkerSignature",
    PartyRole.EMPLOYER: "LinggongEmployerSignature",
    PartyRole.PLATFORM: "LinggongPlatformSeal",
}
"""The invisible signature field each role signs in, in signing order."""

_RESERVED = 8192
_RESERVED_WITH_TIMESTAMP = 16384
_REASON_TITLES = {
    PartyRole.WORKER: "乙方签署 worker signature",
    PartyRole.EMPLOYER: "甲方签署 employer signature",
    PartyRole.PLATFORM: "平台电子签章 platform seal",
}


@dataclass(frozen=True, slots=True)
class SignerKey:
    """A party's credential with the passphrase that unlocks it, handed over only at that party's own act."""

    credential: Credential
    passphrase: bytes = field(repr=False)


def format_reason(role: PartyRole, contract_number: str, **facts: str) -> str:
    """The signature's /Reason: a readable title, then key=value facts the verifier reads back."""
    parts = [_REASON_TITLES[role], f"role={role.value}", f"contract={contract_number}"]
    parts += [f"{key.replace('_', '-')}={value}" for key, value in facts.items()]
    return "; ".join(parts)


def parse_reason(reason: str) -> dict[str, str]:
    """Read the key=value facts back from a /Reason written by format_reason."""
    facts: dict[str, str] = {}
    for part in reason.split("; ")[1:]:
        key, _, value = part.partition("=")
        if key:
            facts[key] = value
    return facts


_UNLOCKED_SIGNERS = 4096
"""How many parties' unlocked keys one process keeps (PBKDF2 unlock and PEM parsing cost about 1 ms a signature)."""


@lru_cache(maxsize=_UNLOCKED_SIGNERS)
def _signer(key: SignerKey) -> signers.SimpleSigner:
    # Kept unlocked once used: whoever can read this process's memory already holds the secret every passphrase
    # is derived from, so caching adds no exposure, and a key is still only used when its party's act is signed.
    (cert,) = load_certs_from_pemder_data(key.credential.cert_pem)
    private_key = load_private_key_from_pemder_data(key.credential.key_pem, passphrase=key.passphrase)
    # Only the signer's own certificate is embedded (once): the signed signing-certificate-v2 attribute binds
    # it, whereas any extra certificate would be bytes in the final /Contents that nothing covers.
    return signers.SimpleSigner(signing_cert=cert, signing_key=private_key, cert_registry=SimpleCertificateStore())


def sign_pdf(
    pdf: bytes, role: PartyRole, key: SignerKey, *, reason: str, name: str, location: str = "",
    tsa_url: str | None = None,
) -> bytes:
    """Add one invisible PAdES signature (ECDSA P-256, SHA-256) for role as an incremental update."""
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAMES[role],
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        name=name,
        location=location or None,
    )
    timestamper = HTTPTimeStamper(tsa_url, timeout=10) if tsa_url else None
    pdf_signer = signers.PdfSigner(
        metadata, _signer(key), timestamper=timestamper,
        new_field_spec=fields.SigFieldSpec(sig_field_name=FIELD_NAMES[role]),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = pdf_signer.sign_pdf(writer, bytes_reserved=_RESERVED_WITH_TIMESTAMP if tsa_url else _RESERVED)
    return out.getvalue()
