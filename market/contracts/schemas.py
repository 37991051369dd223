"""Contract bodies: metadata, the audit trail and verification results."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from market.core.schemas import Schema

__all__ = ["AuditEntry", "AuditTrail", "ContractOut", "SignerOut", "VerificationOut",
           "VerificationProblem"]


class ContractOut(Schema):
    """A contract's metadata, for its parties and staff."""

    id: int
    number: str
    order_id: int
    status: str
    sha256: str
    language: str
    issued_at: datetime
    cancelled_at: datetime | None
    audit_head_at_sealing: str
    pdf_url: str
    verify_url: str


class AuditEntry(Schema):
    """One event of the trail, as hashed."""

    seq: int
    kind: str
    actor: str
    channel: str
    at: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


class AuditTrail(Schema):
    """The trail, and whether its hash chain holds (checked on every read)."""

    contract_number: str
    chain_intact: bool
    broken_at: int | None
    events: list[AuditEntry]


class SignerOut(Schema):
    """One signature found in the PDF."""

    role: str
    name: str
    signed_at: str | None
    timestamp_at: str | None
    valid: bool
    trusted: bool
    certificate_serial: str


class VerificationProblem(Schema):
    """One reason the PDF does not verify, in the request's language."""

    code: str
    signer: str | None
    message: str


class VerificationOut(Schema):
    """Whether a PDF is a genuine, unchanged Linggong contract, and why not if not."""

    valid: bool
    contract_number: str | None
    sha256: str
    signers: list[SignerOut]
    problems: list[VerificationProblem]
    status: str | None
