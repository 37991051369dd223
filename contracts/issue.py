"""One call that renders a contract, has both parties sign it, seals it, and extends its audit trail."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509

from contracts.audit import AuditEvent, EventKind, append_event, chain_head, check_chain
from contracts.fonts import FontSpec
from contracts.render import render_contract
from contracts.signing import SignerKey, format_reason, sign_pdf
from contracts.terms import Consent, ContractTerms, PartyRole

__all__ = ["IssuedContract", "issue_contract"]

_SIGNED = {PartyRole.WORKER: EventKind.SIGNED_BY_WORKER, PartyRole.EMPLOYER: EventKind.SIGNED_BY_EMPLOYER}


@dataclass(frozen=True, slots=True)
class IssuedContract:
    """The sealed PDF, its SHA-256 hex, the audit events to store, and the chain head written into the seal."""

    pdf: bytes
    sha256: str
    events: list[AuditEvent]
    audit_head_at_sealing: str


def _serial_of(key: SignerKey) -> str:
    return format(x509.load_pem_x509_certificate(key.credential.cert_pem).serial_number, "x")


def _party_signs(
    pdf: bytes, terms: ContractTerms, consent: Consent, key: SignerKey, tsa_url: str | None,
) -> bytes:
    party = terms.worker if consent.role is PartyRole.WORKER else terms.employer
    reason = format_reason(consent.role, terms.number, consent=consent.method.value)
    return sign_pdf(pdf, consent.role, key, reason=reason, name=party.name, location=consent.channel,
                    tsa_url=tsa_url)


def issue_contract(
    terms: ContractTerms,
    consents: Sequence[Consent],
    keys: dict[PartyRole, SignerKey],
    audit: Sequence[AuditEvent] = (),
    *,
    font: FontSpec | None = None,
    tsa_url: str | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> IssuedContract:
    """Render, sign as worker, sign as employer, seal as platform; synchronous, CPU-bound (run it in an executor).

    ``audit`` is the contract's chain so far (a "created" event is added when it is empty); the returned events
    continue it. The seal's /Reason carries the chain head after both signatures, and the "sealed" event, whose
    previous hash is that head, records the PDF's SHA-256.
    """
    missing = {PartyRole.WORKER, PartyRole.EMPLOYER, PartyRole.PLATFORM} - keys.keys()
    if missing:
        raise ValueError(f"missing signing keys for {', '.join(sorted(missing))}")
    checked = check_chain(audit, terms.number)
    if not checked.ok:
        raise ValueError(f"audit chain broken at event {checked.broken_at}: {checked.reason}")
    events = list(audit)
    if not events:
        events.append(append_event(events, terms.number, EventKind.CREATED, "platform", "system", clock()))
    by_role = {consent.role: consent for consent in consents}
    pdf = render_contract(terms, by_role.values(), font)
    for role in (PartyRole.WORKER, PartyRole.EMPLOYER):
        consent = by_role[role]
        pdf = _party_signs(pdf, terms, consent, keys[role], tsa_url)
        details = {"method": consent.method.value, "consent_at": consent.at.isoformat(), "staff": consent.staff_name,
                   "evidence": consent.evidence, "certificate_serial": _serial_of(keys[role])}
        events.append(append_event(events, terms.number, _SIGNED[role], consent.actor or role.value,
                                   consent.channel, clock(), details))
    head = chain_head(events)
    reason = format_reason(PartyRole.PLATFORM, terms.number, audit_head=head)
    pdf = sign_pdf(pdf, PartyRole.PLATFORM, keys[PartyRole.PLATFORM], reason=reason, name=terms.platform_name,
                   tsa_url=tsa_url)
    digest = hashlib.sha256(pdf).hexdigest()
    events.append(append_event(events, terms.number, EventKind.SEALED, "platform", "system", clock(),
                               {"sha256": digest, "certificate_serial": _serial_of(keys[PartyRole.PLATFORM])}))
    return IssuedContract(pdf=pdf, sha256=digest, events=events[len(audit):], audit_head_at_sealing=head)
