"""What contracts do when the market changes: a posted job's standing authorisation (in its transaction), signing
keys ready before a party's first contract, the contract issued once an order is accepted, and cancelled with it."""

from __future__ import annotations

from market.accounts.events import ProfileChanged, UserRegistered
from market.contracts.authorisation import record_standing_authorisation
from market.contracts.credentials import prepare_credential
from market.contracts.issuing import contracts_of_orders, issue_contract_for_order
from market.contracts.services import cancel_contract_of_order
from market.core.events import Phase, Subscriptions
from market.jobs.events import JobPosted
from market.orders.contract_refs import provide_contract_lookup
from market.orders.events import OrderAccepted, OrderCancelled

__all__ = ["subscribe"]


async def _standing_authorisation(event: JobPosted) -> None:
    await record_standing_authorisation(event.job_id, event.employer_id, event.poster_id, event.channel)


async def _employer_key(event: JobPosted) -> None:
    await prepare_credential(event.employer_id)  # the key the standing authorisation will sign with


async def _credential(event: UserRegistered | ProfileChanged) -> None:
    await prepare_credential(event.user_id)  # issued, or reissued when the name they sign with changed


async def _issue(event: OrderAccepted) -> None:
    await issue_contract_for_order(event.order_id, event.rows)  # a failure leaves it to recovery


async def _cancel(event: OrderCancelled) -> None:
    await cancel_contract_of_order(event.order_id, f"{event.side}:{event.actor_id}", event.reason or "cancelled")


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the contracts' subscribers, and the lookup orders use to show their contract."""
    subscriptions.subscribe(JobPosted, _standing_authorisation, phase=Phase.in_transaction,
                            name="contracts.standing_authorisation")
    subscriptions.subscribe(JobPosted, _employer_key, phase=Phase.after_commit, name="contracts.credential")
    subscriptions.subscribe(UserRegistered, _credential, phase=Phase.after_commit, name="contracts.credential")
    subscriptions.subscribe(ProfileChanged, _credential, phase=Phase.after_commit, name="contracts.credential")
    subscriptions.subscribe(OrderAccepted, _issue, phase=Phase.after_commit, name="contracts.issue")
    subscriptions.subscribe(OrderCancelled, _cancel, phase=Phase.in_transaction, name="contracts.cancel")
    provide_contract_lookup(contracts_of_orders)
