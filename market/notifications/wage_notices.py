"""Who hears about wage warnings: each level to its audience through the outbox, in the watch's transaction.

Blue reminds the employer and tells each worker owed that they can say 没收到 in the order; yellow tells the
employer and the staff of the station serving the site; red tells the employer, that station and the supervisors
(the labour bureau) — and the red text says the matter is with the bureau as a case because the cases package
opens one for every red warning, in the same transaction.
"""

from __future__ import annotations

from typing import Any

from market.accounts.tables import Role, User
from market.core.events import Phase, Subscriptions
from market.notifications.outbox import announce
from market.stations.services import staff_of_station
from market.wages.board import warnings_by_id
from market.wages.events import WarningClosed, WarningRaised, WarningWidened

__all__ = ["WAGE_NOTICES", "subscribe"]

WAGE_NOTICES = ("wage_overdue", "wage_warning_blue", "wage_warning_yellow", "wage_warning_yellow_disputed",
                "wage_warning_red", "wage_warning_closed")
"""The notices of this module (their names are chosen, not literal in `announce` calls)."""
_RAISED = {"blue": "wage_warning_blue", "yellow": "wage_warning_yellow", "red": "wage_warning_red"}


async def supervisors() -> list[int]:
    """Every active supervisor (the labour bureau)."""
    return [r["id"] for r in await User.select(User.id).where((User.role == Role.supervisor) & User.is_active.eq(True))]


async def _facts(warning_id: int) -> tuple[dict[str, Any], int | None, list[dict[str, Any]]]:
    """The payload every notice of the warning carries, its station, and its unsettled orders."""
    (warning,) = await warnings_by_id([warning_id])
    open_orders = [o for o in warning.orders if o.settled_at is None]
    oldest = (open_orders or warning.orders)[0]
    payload = {"warning_id": warning.id, "level": warning.level, "name": warning.employer.name,
               "n": warning.worker_count, "amount_fen": warning.amount_fen, "days": warning.working_days_overdue,
               "title": oldest.title}
    orders = [{"order_id": o.order_id, "title": o.title, "worker_id": o.worker.id, "amount_fen": o.claimed_fen or
               o.owed_fen} for o in open_orders]
    return payload, warning.station.id if warning.station else None, orders


async def _tell_workers(orders: list[dict[str, Any]], only: set[int] | None = None) -> None:
    for order in orders:
        if only is None or order["order_id"] in only:
            await announce("wage_overdue", [order["worker_id"]], order, key=str(order["order_id"]))


async def _raised(event: WarningRaised) -> None:
    payload, station, orders = await _facts(event.warning_id)
    name = _RAISED[event.level]
    if event.level == "yellow" and event.reason == "worker_says_unpaid":
        name = "wage_warning_yellow_disputed"
    told = [event.employer_id]
    if event.level in ("yellow", "red"):
        told += await staff_of_station(station)
    if event.level == "red":
        told += await supervisors()
    await announce(name, told, payload, key=str(event.warning_id))
    await _tell_workers(orders)


async def _widened(event: WarningWidened) -> None:
    _, _, orders = await _facts(event.warning_id)
    await _tell_workers(orders, set(event.order_ids))


async def _closed(event: WarningClosed) -> None:
    payload, station, _ = await _facts(event.warning_id)
    told = [event.employer_id]
    if event.level in ("yellow", "red"):
        told += await staff_of_station(station)
    if event.level == "red":
        told += await supervisors()
    await announce("wage_warning_closed", told, payload, key=str(event.warning_id))


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the wage notices (in the watch's transaction)."""
    subscriptions.subscribe(WarningRaised, _raised, phase=Phase.in_transaction, name="outbox.wage_raised")
    subscriptions.subscribe(WarningWidened, _widened, phase=Phase.in_transaction, name="outbox.wage_widened")
    subscriptions.subscribe(WarningClosed, _closed, phase=Phase.in_transaction, name="outbox.wage_closed")

