"""Where an order's contract is: the orders package shows it, the contracts package (above it) knows it.

The contracts package provides the lookup at start-up (`market.subscriptions.install`), so orders never import it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from market.orders.schemas import ContractRef

__all__ = ["ContractLookup", "contract_of_order", "contract_refs", "provide_contract_lookup"]

ContractLookup = Callable[[Sequence[int]], Awaitable[dict[int, ContractRef]]]

_lookup: ContractLookup | None = None


def provide_contract_lookup(lookup: ContractLookup) -> None:
    """Install the function that finds the contracts of orders (called once at start-up)."""
    global _lookup
    _lookup = lookup


async def contract_refs(order_ids: Sequence[int]) -> dict[int, ContractRef]:
    """The issued contract of each of these orders that has one."""
    if not order_ids:
        return {}
    if _lookup is None:
        raise RuntimeError("no contract lookup installed: market.subscriptions.install() never ran")
    return await _lookup(order_ids)


async def contract_of_order(order_id: int) -> ContractRef | None:
    """The order's contract, if one has been issued."""
    return (await contract_refs([order_id])).get(order_id)
