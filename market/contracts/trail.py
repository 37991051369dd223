"""A contract's audit trail in the database: appending events to the hash chain and checking it when read."""

from __future__ import annotations

from typing import Any

from contracts import AuditEvent, ChainCheck, EventKind, append_event, check_chain
from market.contracts.tables import Contract, ContractEvent
from market.core import clock
from market.core.database import lock_rows_for_update, write_transaction

__all__ = ["append_to_trail", "load_trail"]


async def load_trail(contract_id: int) -> tuple[list[AuditEvent], ChainCheck, str]:
    """The contract's events in order, the result of checking their chain, and the contract number."""
    contract = await Contract.select(Contract.number).where(Contract.id == contract_id).first()
    assert contract is not None
    rows = await ContractEvent.select(ContractEvent.record).where(ContractEvent.contract == contract_id).order_by(
        ContractEvent.seq).output(load_json=True)
    events = [AuditEvent.from_record(row["record"]) for row in rows]
    return events, check_chain(events, contract["number"]), contract["number"]


async def _append(contract_id: int, kind: EventKind, actor: str, channel: str, details: dict[str, str]) -> None:
    await lock_rows_for_update(Contract, Contract.id == contract_id)
    events, _, number = await load_trail(contract_id)
    event = append_event(events, number, kind, actor, channel, clock.now(), details)
    await ContractEvent(contract=contract_id, seq=event.seq, kind=str(kind), record=event.to_record()).save()


async def append_to_trail(contract_id: int, kind: EventKind, actor: str, channel: str,
                          details: dict[str, Any] | None = None, *, in_transaction: bool = False) -> None:
    """Add one event to the chain; pass `in_transaction=True` when the caller already holds a write transaction."""
    clean = {key: str(value) for key, value in (details or {}).items()}
    if in_transaction:
        await _append(contract_id, kind, actor, channel, clean)
        return
    async with write_transaction():
        await _append(contract_id, kind, actor, channel, clean)
