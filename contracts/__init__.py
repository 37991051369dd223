"""Linggong e-contracts: terms -> PDF -> party signatures and platform seal -> verification, with an audit trail.

A plain library: it never imports the market service, Litestar or Piccolo, and does no I/O beyond the bytes it is
handed (keys, a font path, PDFs), its own package data, and the TSA URL it may be given.
"""

from contracts.audit import (
    GENESIS,
    AuditEvent,
    ChainCheck,
    EventKind,
    append_event,
    canonical_json,
    chain_head,
    check_chain,
    event_hash,
)
from contracts.fonts import FontSpec, default_font
from contracts.issue import IssuedContract, issue_contract
from contracts.pki import Credential, PlatformCA, common_name_for, create_platform_ca, holder_name, load_platform_ca
from contracts.problems import MESSAGES, Problem
from contracts.qr import qr_svg
from contracts.render import render_contract
from contracts.signing import SignerKey, sign_pdf
from contracts.terms import (
    Consent,
    ConsentMethod,
    ContractTerms,
    Language,
    Party,
    PartyRole,
    Pay,
    PayMethod,
    PayUnit,
    ServiceRules,
    Station,
)
from contracts.verify import SignerReport, Verification, verify_contract

__all__ = [
    "GENESIS",
    "MESSAGES",
    "AuditEvent",
    "ChainCheck",
    "Consent",
    "ConsentMethod",
    "ContractTerms",
    "Credential",
    "EventKind",
    "FontSpec",
    "IssuedContract",
    "Language",
    "Party",
    "PartyRole",
    "Pay",
    "PayMethod",
    "PayUnit",
    "PlatformCA",
    "Problem",
    "ServiceRules",
    "SignerKey",
    "SignerReport",
    "Station",
    "Verification",
    "append_event",
    "canonical_json",
    "chain_head",
    "check_chain",
    "common_name_for",
    "create_platform_ca",
    "default_font",
    "event_hash",
    "holder_name",
    "issue_contract",
    "load_platform_ca",
    "qr_svg",
    "render_contract",
    "sign_pdf",
    "verify_contract",
]
