"""Reading, verifying and cancelling contracts: access for the parties and staff, every read on the trail."""

from __future__ import annotations

import asyncio
from typing import Any

from contracts import EventKind, qr_svg, verify_contract
from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.contracts.authority import root_certificate_pem
from market.contracts.issuing import contract_ref
from market.contracts.schemas import AuditEntry, AuditTrail, ContractOut, SignerOut, VerificationOut
from market.contracts.schemas import VerificationProblem as ProblemOut
from market.contracts.tables import Contract, ContractVerification
from market.contracts.trail import append_to_trail, load_trail
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import NotFound
from market.core.i18n import translate
from market.core.schemas import Page
from market.core.zone import local

__all__ = ["cancel_contract_of_order", "contract_pdf", "contract_qr", "get_contract", "get_trail", "list_contracts",
           "load_contract_for", "verify_upload"]

_META = (Contract.id, Contract.order, Contract.number, Contract.status, Contract.sha256, Contract.language,
         Contract.issued_at, Contract.cancelled_at, Contract.audit_head_at_sealing, Contract.verify_token)


def _actor(viewer: CurrentUser) -> str:
    return f"{'staff' if viewer.is_staff else 'user'}:{viewer.id}"


async def load_contract_for(contract_id: int, viewer: CurrentUser) -> dict[str, Any]:
    """The contract's metadata if `viewer` may see it (`policy.see_contract`); otherwise NotFound."""
    row = await Contract.select(*_META, Contract.order.worker.as_alias("worker"),
                                Contract.order.job.employer.as_alias("employer")).where(  # type: ignore[union-attr]
        Contract.id == contract_id).first()
    if row is None:
        raise NotFound("contract_not_found")
    policy.see_contract(viewer, policy.OrderFacts(worker_id=row["worker"], employer_id=row["employer"]))
    return row


def _out(row: dict[str, Any]) -> ContractOut:
    ref = contract_ref(row)
    return ContractOut(id=row["id"], number=row["number"], order_id=row["order"], status=row["status"],
                       sha256=row["sha256"], language=row["language"], issued_at=row["issued_at"],
                       cancelled_at=row["cancelled_at"], audit_head_at_sealing=row["audit_head_at_sealing"],
                       pdf_url=ref.pdf_url, verify_url=ref.verify_url)


async def list_contracts(viewer: CurrentUser, limit: int, offset: int) -> Page[ContractOut]:
    """The contracts of the viewer's orders (a worker's own, an employer's jobs'; all for staff), newest first."""
    query = Contract.select(*_META)
    count = Contract.count()
    reach = policy.order_reach(viewer)  # a contract is its order's: the same reach
    if not reach.everything:
        if reach.worker_id is not None:
            mine = Contract.order.worker == reach.worker_id  # type: ignore[union-attr]
        elif reach.employer_id is not None:
            mine = Contract.order.job.employer == reach.employer_id  # type: ignore[union-attr]
        else:
            mine = Contract.id.is_null()
        query, count = query.where(mine), count.where(mine)
    rows = await query.order_by(Contract.id, ascending=False).limit(limit).offset(offset)
    return Page(items=[_out(r) for r in rows], total=await count, limit=limit, offset=offset)


async def get_contract(contract_id: int, viewer: CurrentUser, channel: str) -> ContractOut:
    """The contract's metadata; the view is recorded on the trail."""
    row = await load_contract_for(contract_id, viewer)
    await append_to_trail(contract_id, EventKind.VIEWED, _actor(viewer), channel)
    return _out(row)


async def contract_qr(contract_id: int, viewer: CurrentUser) -> str:
    """The QR code printed on the contract (its verify link) as SVG, for the screen and the print sheet."""
    row = await load_contract_for(contract_id, viewer)
    return qr_svg(contract_ref(row).verify_url, row["number"])


async def contract_pdf(contract_id: int, viewer: CurrentUser, channel: str) -> tuple[str, bytes]:
    """The signed PDF and its file name; the download is recorded on the trail."""
    row = await load_contract_for(contract_id, viewer)
    pdf = await Contract.select(Contract.pdf).where(Contract.id == contract_id).first()
    assert pdf is not None
    await append_to_trail(contract_id, EventKind.DOWNLOADED, _actor(viewer), channel)
    return f"{row['number']}.pdf", bytes(pdf["pdf"])


async def get_trail(contract_id: int, viewer: CurrentUser) -> AuditTrail:
    """The audit trail with its chain checked as it is read."""
    await load_contract_for(contract_id, viewer)
    events, check, number = await load_trail(contract_id)
    entries = [AuditEntry(seq=e.seq, kind=str(e.kind), actor=e.actor, channel=e.channel, at=e.payload()["at"],
                          details=dict(e.details), prev_hash=e.prev_hash, hash=e.hash) for e in events]
    return AuditTrail(contract_number=number, chain_intact=check.ok, broken_at=check.broken_at, events=entries)


async def _count_verification(contract_id: int, valid: bool) -> None:
    """Count an anonymous verification of the contract; only the day's first one goes on its trail, so uploads
    cannot grow the trail without bound (the counts say how many came, valid or not)."""
    day = local(clock.now()).date().isoformat()
    key = f"{contract_id}:{day}"
    async with write_transaction():
        first = await ContractVerification.insert(ContractVerification(contract=contract_id, day=day, key=key)
                                                  ).on_conflict(target=ContractVerification.key, action="DO NOTHING"
                                                                ).returning(ContractVerification.id)
        count = ContractVerification.valid_count if valid else ContractVerification.invalid_count
        await ContractVerification.update({count: count + 1}).where(ContractVerification.key == key)
        if first:
            await append_to_trail(contract_id, EventKind.VERIFIED, "public", "upload", {"valid": valid, "day": day},
                                  in_transaction=True)


def _problem(code: str, signer: str | None, language: str) -> ProblemOut:
    return ProblemOut(code=code, signer=signer, message=translate(f"contract_problem.{code}", language))


async def verify_upload(pdf: bytes, language: str) -> VerificationOut:
    """Check a PDF: signatures, chain of trust, unchanged since sealing, and that it is the one we stored."""
    result = await asyncio.to_thread(verify_contract, pdf, [root_certificate_pem()])
    problems = [_problem(p.code, p.signer, language) for p in result.problems]
    stored = await Contract.select(Contract.id, Contract.sha256, Contract.status).where(
        Contract.number == result.contract_number).first() if result.contract_number else None
    if result.contract_number and stored is None:
        problems.append(_problem("unknown_contract", None, language))
    elif stored is not None and stored["sha256"] != result.sha256:
        problems.append(_problem("not_our_copy", None, language))
    valid = result.valid and not problems
    if stored is not None:
        await _count_verification(stored["id"], valid)
    broken = {p.signer for p in result.problems if p.code == "bad_signature"}
    signers = [SignerOut(role=s.role, name=s.name, signed_at=s.signed_at, timestamp_at=s.timestamp_at,
                         valid=s.valid and s.role not in broken, trusted=s.trusted,
                         certificate_serial=s.certificate_serial) for s in result.signers]
    return VerificationOut(valid=valid, contract_number=result.contract_number, sha256=result.sha256,
                           signers=signers, problems=problems, status=stored["status"] if stored else None)


async def cancel_contract_of_order(order_id: int, actor: str, reason: str) -> None:
    """Mark the order's contract cancelled and record it (inside the cancelling transaction)."""
    row = await Contract.select(Contract.id).where((Contract.order == order_id) & (Contract.status == "issued")).first()
    if row is None:
        return
    await Contract.update({Contract.status: "cancelled", Contract.cancelled_at: clock.now()}).where(
        Contract.id == row["id"])
    await append_to_trail(row["id"], EventKind.CANCELLED, actor, "app", {"reason": reason}, in_transaction=True)
