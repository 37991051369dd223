"""Verify a contract PDF against trust roots: every signature, the chain of trust, nothing changed since sealing."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator import ValidationContext

from contracts.problems import Problem, problem
from contracts.signing import FIELD_NAMES, parse_reason
from contracts.terms import PartyRole
from contracts.verify_contents import check_final_contents

__all__ = ["SignerReport", "Verification", "verify_contract"]

_ROLE_OF_FIELD = {name: role for role, name in FIELD_NAMES.items()}
_ORDER = [PartyRole.WORKER, PartyRole.EMPLOYER, PartyRole.PLATFORM]


@dataclass(frozen=True, slots=True)
class SignerReport:
    """What one embedded signature says and how it fared."""

    role: str
    field_name: str
    name: str
    subject: str
    certificate_serial: str
    signed_at: str | None
    timestamp_at: str | None
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    facts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Verification:
    """The verdict on a PDF: valid or not, the contract it claims to be, its hash, its signers and the problems."""

    valid: bool
    contract_number: str | None
    sha256: str
    signers: list[SignerReport]
    problems: list[Problem]
    audit_head: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of POST /api/contracts/verify."""
        return asdict(self)


def _context(roots: Sequence[bytes]) -> ValidationContext:
    anchors = [cert for pem in roots for cert in load_certs_from_pemder_data(pem)]
    return ValidationContext(trust_roots=anchors, allow_fetching=False, revocation_mode="soft-fail")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _signer_cert(sig: EmbeddedPdfSignature) -> asn1_x509.Certificate | None:
    try:
        return sig.signer_cert
    except Exception:  # a mangled CMS has no certificate to show
        return None


def _signed_at(sig: EmbeddedPdfSignature) -> str | None:
    try:
        return _iso(sig.self_reported_timestamp)
    except Exception:  # nor a signing time
        return None


def _report(sig: EmbeddedPdfSignature, status: PdfSignatureStatus | None, facts: dict[str, str]) -> SignerReport:
    cert = _signer_cert(sig)
    subject = cert.subject if cert else None
    timestamp = status.timestamp_validity if status else None
    return SignerReport(
        role=facts.get("role", ""), field_name=sig.field_name,
        name=subject.native.get("common_name", "") if subject else "",
        subject=subject.human_friendly if subject else "",
        certificate_serial=format(cert.serial_number, "x") if cert else "",
        signed_at=_signed_at(sig), timestamp_at=_iso(timestamp.timestamp if timestamp else None),
        # pyHanko's `valid` covers only the signed attributes: changed signed bytes leave it true, so a signature
        # is valid to us only when it is intact as well (the same test `bad_signature` uses below)
        intact=bool(status and status.intact), valid=bool(status and status.intact and status.valid),
        trusted=bool(status and status.trusted),
        covers_whole_file=bool(status and status.coverage == SignatureCoverageLevel.ENTIRE_FILE), facts=facts,
    )


def _status_problems(role: PartyRole | None, status: PdfSignatureStatus, final: bool) -> list[Problem]:
    where = role.value if role else None
    found: list[Problem] = []
    if not status.intact:
        found.append(problem("bad_signature", where, "the signed bytes were changed"))
    elif not status.valid:
        found.append(problem("bad_signature", where, "the cryptographic signature does not verify"))
    elif not status.trusted:
        found.append(problem("untrusted_chain", where))
    ts = status.timestamp_validity
    if ts is not None and not (ts.intact and ts.valid and ts.trusted):
        found.append(problem("bad_timestamp", where))
    level = status.modification_level
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    allowed = ModificationLevel.LTA_UPDATES if final else ModificationLevel.FORM_FILLING
    if not whole and (level is None or level > allowed or status.docmdp_ok is False):
        found.append(problem("modified_after_sealing" if final else "modified_after_signing", where))
    return found


def _role_problems(role: PartyRole | None, sig: EmbeddedPdfSignature, facts: dict[str, str]) -> list[Problem]:
    if role is None:
        return [problem("unexpected_signature", None, f"field {sig.field_name}")]
    found = []
    cert = _signer_cert(sig)
    unit = cert.subject.native.get("organizational_unit_name") if cert else None
    if unit != role.value or facts.get("role") != role.value:
        found.append(problem("role_mismatch", role.value))
    return found


def _order_problems(roles: list[PartyRole | None]) -> list[Problem]:
    found = [problem("missing_signature", role.value) for role in _ORDER if role not in roles]
    known = [role for role in roles if role is not None]
    if not found and known != _ORDER:
        found.append(problem("wrong_order", None, " -> ".join(role.value for role in known)))
    return found


def _check_signature(
    sig: EmbeddedPdfSignature, context: ValidationContext, final: bool
) -> tuple[PartyRole | None, SignerReport, list[Problem]]:
    role = _ROLE_OF_FIELD.get(sig.field_name)
    facts = parse_reason(str(sig.sig_object.get("/Reason", "")))
    try:
        status = validate_pdf_signature(sig, context)
    except Exception as error:  # whatever stops validation makes the signature bad; the reason goes to the report
        return role, _report(sig, None, facts), [problem("bad_signature", role and role.value, str(error))]
    found = _role_problems(role, sig, facts) + _status_problems(role, status, final)
    return role, _report(sig, status, facts), found


def _contract_number(reports: list[SignerReport]) -> tuple[str | None, list[Problem]]:
    numbers = {report.facts.get("contract") for report in reports}
    if len(numbers) != 1 or None in numbers:
        return None, [problem("number_mismatch", None, ", ".join(sorted(str(n) for n in numbers)))]
    return numbers.pop(), []


def verify_contract(pdf: bytes, trust_roots: Sequence[bytes]) -> Verification:
    """Verify a signed contract PDF: worker, employer and platform signatures, trusted, in order, file unchanged."""
    digest = hashlib.sha256(pdf).hexdigest()
    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_regular_signatures
    except Exception as error:  # an unparseable upload (or signature) is an answer, not a crash
        return Verification(False, None, digest, [], [problem("unreadable", None, str(error))])
    if not signatures:
        return Verification(False, None, digest, [], [problem("no_signatures", None)])
    context = _context(trust_roots)
    roles, reports, found = [], [], []
    for index, sig in enumerate(signatures):
        final = index == len(signatures) - 1 or _ROLE_OF_FIELD.get(sig.field_name) is PartyRole.PLATFORM
        role, report, sig_problems = _check_signature(sig, context, final=final)
        roles.append(role)
        reports.append(report)
        found += sig_problems
    found += _order_problems(roles) + check_final_contents(pdf, signatures[-1])
    number, number_problems = _contract_number(reports)
    found += number_problems
    head = reports[-1].facts.get("audit-head") if roles[-1] is PartyRole.PLATFORM else None
    return Verification(not found, number, digest, reports, found, head)
