"""The seam between accepting an order and its electronic contract."""

from __future__ import annotations

from market.orders.schemas import ContractRef

__all__ = ["contract_for_order", "issue_contract_for_order"]


async def issue_contract_for_order(order_id: int) -> ContractRef | None:
    """Issue, sign and store the contract of a freshly accepted order; None while no contract could be issued.

    Called after the order's transaction commits, so slow signing never holds the write lock; an order whose
    contract is not issued keeps `contract_status = "pending"` and is picked up by the recovery step.
    Not yet connected to the `contracts` library (issue 4): it issues nothing and says so by returning None.
    """
    return None


async def contract_for_order(order_id: int) -> ContractRef | None:
    """The order's contract, if one has been issued."""
    return None
