"""Issuing an order's contract right after acceptance, and the recovery step for any that failed."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from piccolo.query import OrderByRaw

from contracts import ContractTerms, IssuedContract, PartyRole, issue_contract
from market.contracts.authority import platform_seal
from market.contracts.credentials import signer_keys_for, stored_credentials
from market.contracts.drafting import Draft, draft_for_order
from market.contracts.tables import Contract, ContractEvent
from market.core import clock
from market.core.database import batched_reads, write_transaction
from market.orders.events import AcceptedRows
from market.orders.schemas import ContractRef
from market.orders.tables import Order
from market.settings import get_settings

__all__ = ["MAX_RETRY_DELAY_S", "contract_for_order", "contract_ref", "contracts_of_orders", "issue_contract_for_order",
           "recover_contracts", "retry_delay", "sign_draft"]

logger = logging.getLogger("market.contracts")

MAX_RETRY_DELAY_S = 3600
"""The longest wait between two attempts at an order's contract."""
_DUE_FIRST = OrderByRaw("COALESCE(contract_next_attempt_at, accepted_at)")  # never tried: due since accepted


def contract_ref(row: dict[str, Any]) -> ContractRef:
    """Where to find a stored contract."""
    base = get_settings().public_url
    return ContractRef(id=row["id"], number=row["number"], sha256=row["sha256"],
                       pdf_url=f"/api/contracts/{row['id']}/pdf", verify_url=f"{base}/verify/{row['verify_token']}")


async def contracts_of_orders(order_ids: Sequence[int]) -> dict[int, ContractRef]:
    """The issued contract of each of these orders that has one (the orders package's contract lookup)."""
    rows = await Contract.select(Contract.id, Contract.order, Contract.number, Contract.sha256,
                                 Contract.verify_token).where(Contract.order.is_in(list(order_ids)))
    return {row["order"]: contract_ref(row) for row in rows}


async def contract_for_order(order_id: int) -> ContractRef | None:
    """The order's contract, if one has been issued."""
    row = await Contract.select(Contract.id, Contract.number, Contract.sha256, Contract.verify_token).where(
        Contract.order == order_id).first()
    return contract_ref(row) if row else None


def sign_draft(draft: Draft, keys: dict[PartyRole, Any], terms: ContractTerms) -> IssuedContract:
    """Render and sign the contract of `draft` with the parties' keys (CPU-bound: callers run it in a thread)."""
    return issue_contract(terms, draft.consents, keys, tsa_url=get_settings().tsa_url, clock=clock.now)


async def _store(order_id: int, token: str, issued: IssuedContract, language: str) -> ContractRef | None:
    """Store the sealed PDF, its trail and the order's new status together; None if another process stored first."""
    number = issued.events[0].contract_number
    async with write_transaction():
        inserted = await Contract.insert(Contract(
            order=order_id, number=number, verify_token=token, sha256=issued.sha256, pdf=issued.pdf,
            language=language, audit_head_at_sealing=issued.audit_head_at_sealing, issued_at=clock.now(),
        )).on_conflict(target=Contract.order, action="DO NOTHING").returning(Contract.id)
        if not inserted:
            return None
        contract_id = inserted[0]["id"]
        await ContractEvent.insert(*[ContractEvent(contract=contract_id, seq=e.seq, kind=str(e.kind),
                                                   record=e.to_record()) for e in issued.events])
        await Order.update({Order.contract_status: "issued"}).where(Order.id == order_id)
    return contract_ref({"id": contract_id, "number": number, "sha256": issued.sha256, "verify_token": token})


async def issue_contract_for_order(order_id: int, accepted: AcceptedRows | None = None) -> ContractRef | None:
    """Draft, sign (worker, employer), seal and store the order's contract; None if it could not be issued now.

    Called after the order's transaction commits, so slow signing never holds the write lock. A failed attempt is
    counted on the order (`retrying`, next try after a back-off; `failed` with the reason after the last one);
    the order itself stands. `accepted` is the order and job rows of an order created just now (which cannot have
    a contract yet).
    """
    if accepted is None and (existing := await contract_for_order(order_id)) is not None:
        return existing
    try:
        token = secrets.token_urlsafe(18)
        async with batched_reads():
            draft = await draft_for_order(order_id, f"{get_settings().public_url}/verify/{token}", clock.now(),
                                          accepted)
            stored = await stored_credentials([draft.worker_id, draft.employer_id])
        worker_key, employer_key = await signer_keys_for([(draft.worker_id, PartyRole.WORKER, draft.worker_name),
                                                          (draft.employer_id, PartyRole.EMPLOYER, draft.employer_name)],
                                                         stored)
        keys = {PartyRole.WORKER: worker_key, PartyRole.EMPLOYER: employer_key, PartyRole.PLATFORM: platform_seal()}
        issued = await asyncio.to_thread(sign_draft, draft, keys, draft.terms)
        return await _store(order_id, token, issued, str(draft.terms.language)) or await contract_for_order(order_id)
    except Exception as exc:
        await _count_failed_attempt(order_id, exc)
        return None


def retry_delay(attempts: int) -> timedelta:
    """How long to wait before the next attempt after `attempts` failed ones: doubling from the base, at most 1 h."""
    return timedelta(seconds=min(get_settings().contract_retry_base_s * 2 ** (attempts - 1), MAX_RETRY_DELAY_S))


async def _count_failed_attempt(order_id: int, error: Exception) -> None:
    """Record one failed attempt on the order: when to try next, or, after the last, that it failed and why."""
    reason = f"{type(error).__name__}: {error}"[:300]
    try:
        row = await Order.select(Order.contract_attempts).where(Order.id == order_id).first()
        attempts = (row["contract_attempts"] if row else 0) + 1
        gave_up = attempts >= get_settings().contract_max_attempts
        await Order.update({
            Order.contract_status: "failed" if gave_up else "retrying", Order.contract_attempts: attempts,
            Order.contract_next_attempt_at: clock.now() + retry_delay(attempts), Order.contract_error: reason,
        }).where((Order.id == order_id) & (Order.contract_status != "issued"))
    except Exception:  # the database itself is failing: the order stays due and is tried at the next run
        logger.exception("contract attempt for order %s failed (%s) and could not be recorded", order_id, reason)
        return
    if gave_up:
        logger.error("contract for order %s not issued after %s attempts, given up: %s", order_id, attempts, reason,
                     exc_info=error)
    else:
        logger.warning("contract for order %s not issued (attempt %s of %s, next in %s): %s", order_id, attempts,
                       get_settings().contract_max_attempts, retry_delay(attempts), reason,
                       exc_info=error if attempts == 1 else None)  # the traceback once, not at every retry


async def recover_contracts(limit: int = 100, budget_s: float = 20.0) -> int:
    """Issue the contracts that are due (never tried, or due for a retry), earliest first; return how many.

    Works through batches of `limit` until nothing is due or `budget_s` has passed (well inside the one-minute
    period, and short enough not to hold up the in-process runner's other jobs for long), so orders that keep
    failing, each pushed back by its own back-off, never hold up the others.
    """
    started, issued, tried = time.monotonic(), 0, set[int]()
    while time.monotonic() - started < budget_s:
        due = Order.contract_status.is_in(["pending", "retrying"]) & (
            Order.contract_next_attempt_at.is_null() | (Order.contract_next_attempt_at <= clock.now()))
        if tried:
            due = due & Order.id.not_in(list(tried))
        rows = await Order.select(Order.id).where(due).order_by(_DUE_FIRST).order_by(Order.id).limit(limit)
        if not rows:
            break
        for row in rows:
            tried.add(row["id"])
            if await issue_contract_for_order(row["id"]) is not None:
                issued += 1
            if time.monotonic() - started >= budget_s:
                break
    return issued
