"""Verification of contracts that were signed wrongly rather than tampered with: unsigned, half signed, out of
order, a party's field signed with another party's key; and signing from several threads at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from contracts import PartyRole, SignerKey, issue_contract, render_contract, verify_contract
from contracts.examples import sample_consents, sample_terms
from contracts.signing import format_reason, sign_pdf

NUMBER = "LG-20261124-000123"


def _sign(pdf: bytes, field_role: PartyRole, key: SignerKey) -> bytes:
    return sign_pdf(pdf, field_role, key, reason=format_reason(field_role, NUMBER), name=field_role.value)


def _codes(pdf: bytes, roots: list[bytes]) -> list[tuple[str, str | None]]:
    result = verify_contract(pdf, roots)
    assert not result.valid
    return [(p.code, p.signer) for p in result.problems]


def test_an_unsigned_contract_has_no_signatures(roots: list[bytes]) -> None:
    assert _codes(render_contract(sample_terms(), sample_consents()), roots) == [("no_signatures", None)]


def test_a_contract_signed_by_the_worker_only(party_keys: dict[PartyRole, SignerKey], roots: list[bytes]) -> None:
    pdf = _sign(render_contract(sample_terms(), sample_consents()), PartyRole.WORKER, party_keys[PartyRole.WORKER])
    assert _codes(pdf, roots) == [("missing_signature", "employer"), ("missing_signature", "platform")]


def test_signatures_out_of_order(party_keys: dict[PartyRole, SignerKey], roots: list[bytes]) -> None:
    pdf = render_contract(sample_terms(), sample_consents())
    for role in (PartyRole.EMPLOYER, PartyRole.WORKER, PartyRole.PLATFORM):
        pdf = _sign(pdf, role, party_keys[role])
    assert ("wrong_order", None) in _codes(pdf, roots)


def test_a_field_signed_with_another_partys_key(party_keys: dict[PartyRole, SignerKey], roots: list[bytes]) -> None:
    pdf = render_contract(sample_terms(), sample_consents())
    pdf = _sign(pdf, PartyRole.WORKER, party_keys[PartyRole.EMPLOYER])
    for role in (PartyRole.EMPLOYER, PartyRole.PLATFORM):
        pdf = _sign(pdf, role, party_keys[role])
    assert _codes(pdf, roots) == [("role_mismatch", "worker")]


def test_contracts_issued_from_several_threads_all_verify(party_keys: dict[PartyRole, SignerKey],
                                                          roots: list[bytes]) -> None:
    numbers = [f"LG-20261124-{n:06d}" for n in range(6)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        issued = list(pool.map(lambda n: issue_contract(sample_terms(number=n), sample_consents(), party_keys),
                               numbers))
    results = [verify_contract(contract.pdf, roots) for contract in issued]
    assert all(result.valid for result in results)
    assert [result.contract_number for result in results] == numbers
