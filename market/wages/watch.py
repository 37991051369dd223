"""The pay-by watch: finds unpaid orders past their pay-by time, groups them into warnings and moves each warning
up the ladder (`market.wages.rules`), recording `WarningRaised`, `WarningWidened` and `WarningClosed`.

Everything here writes under one lock (on PostgreSQL a transaction-scoped advisory lock; SQLite's IMMEDIATE
transactions serialise writers anyway), so two workers scanning at once, or a scan beside a worker's 没收到, have
the effect of one. A scan is idempotent: what it decides follows from the orders, the warnings and the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from market.core import clock
from market.core.database import current_engine, write_transaction
from market.core.events import record
from market.core.workdays import Overrides, working_days_between
from market.orders.tables import Order, OrderStatus
from market.settings import get_settings
from market.stations.services import station_near
from market.wages.calendar import overrides
from market.wages.events import WarningClosed, WarningRaised, WarningWidened
from market.wages.rules import SEVERITY, Facts, Thresholds, level_for
from market.wages.tables import WageWarning, WageWarningLevel, WageWarningOrder

__all__ = ["UNPAID", "note_dispute", "scan_wages", "settle_orders"]

UNPAID = (OrderStatus.accepted, OrderStatus.checked_in, OrderStatus.completed)
"""Statuses of an order whose pay has not been recorded (a `paid` order counts when short of the agreed pay)."""
_SETTLED_BY_STATUS = {OrderStatus.confirmed: "confirmed", OrderStatus.cancelled: "cancelled",
                      OrderStatus.no_show: "no_show"}
_LOCK_KEY = 7_120_001  # any constant: the advisory lock every wage-warning writer takes on PostgreSQL


def _order_columns() -> list[Any]:
    return [Order.id, Order.worker, Order.status, Order.pay_due_at, Order.agreed_pay_fen, Order.paid_amount_fen,
            Order.job.employer.as_alias("employer"),  # type: ignore[union-attr]
            Order.job.lat.as_alias("lat"), Order.job.lon.as_alias("lon")]  # type: ignore[union-attr]


def owed_fen(row: dict[str, Any]) -> int:
    """What an order still owes its worker: the agreed pay, or the gap left by a short payment."""
    if row["status"] == OrderStatus.paid:
        return max(int(row["agreed_pay_fen"]) - int(row["paid_amount_fen"] or 0), 0)
    return int(row["agreed_pay_fen"])


async def _serialise() -> None:
    engine = current_engine()
    if engine.engine_type == "postgres":
        await WageWarning.raw("SELECT pg_advisory_xact_lock({})", _LOCK_KEY)


async def _open_warning_for(employer: int, station: int | None, due: datetime, now: datetime) -> int:
    """The open warning of `employer` at `station`, opened now (at blue, not yet announced) if there is none."""
    slot = f"{employer}:{station or 0}"
    found = await WageWarning.select(WageWarning.id).where(WageWarning.open_slot == slot).first()
    if found:
        return int(found["id"])
    rows = await WageWarning.insert(WageWarning(
        employer=employer, station=station, open_slot=slot, level="", severity=0, oldest_due_at=due, opened_at=now,
    )).returning(WageWarning.id)
    return int(rows[0]["id"])


async def _join(row: dict[str, Any], now: datetime, *, disputed: bool = False, claimed: int | None = None) -> int:
    """Put the order in its employer's open warning for the station serving its site; the warning's id."""
    station = await station_near(row["lat"], row["lon"])
    warning = await _open_warning_for(row["employer"], station, row["pay_due_at"], now)
    await WageWarningOrder.insert(WageWarningOrder(
        warning=warning, order=row["id"], worker=row["worker"], owed_fen=owed_fen(row), pay_due_at=row["pay_due_at"],
        disputed_at=now if disputed else None, claimed_fen=claimed, added_at=now))
    return warning


async def _reconcile(now: datetime) -> set[int]:
    """Settle the open warnings' orders that were confirmed, cancelled or recorded as no-shows (unless disputed)
    and refresh what the others owe; the warnings touched."""
    rows = await WageWarningOrder.select(
        WageWarningOrder.id, WageWarningOrder.warning, WageWarningOrder.owed_fen, WageWarningOrder.disputed_at,
        WageWarningOrder.order.status.as_alias("status"),  # type: ignore[union-attr]
        WageWarningOrder.order.agreed_pay_fen.as_alias("agreed_pay_fen"),  # type: ignore[union-attr]
        WageWarningOrder.order.paid_amount_fen.as_alias("paid_amount_fen"),  # type: ignore[union-attr]
    ).where(WageWarningOrder.settled_at.is_null())
    touched: set[int] = set()
    for row in rows:
        how = _SETTLED_BY_STATUS.get(row["status"])
        if how == "confirmed" or (how and row["disputed_at"] is None):
            await WageWarningOrder.update({WageWarningOrder.settled_at: now, WageWarningOrder.settled_how: how}).where(
                WageWarningOrder.id == row["id"])
            touched.add(row["warning"])
        elif not how and owed_fen(row) != row["owed_fen"]:
            await WageWarningOrder.update({WageWarningOrder.owed_fen: owed_fen(row)}).where(
                WageWarningOrder.id == row["id"])
            touched.add(row["warning"])
    return touched


async def _newly_overdue(now: datetime) -> dict[int, list[dict[str, Any]]]:
    """Orders past their pay-by time and unpaid (or paid short) that no warning has held yet, joined into their
    warnings; the orders that joined each warning."""
    short = (Order.status == OrderStatus.paid) & (Order.paid_amount_fen < Order.agreed_pay_fen)
    rows = await Order.select(*_order_columns()).where(
        (Order.status.is_in(list(UNPAID)) | short) & (Order.pay_due_at <= now)
        & Order.id.not_in(WageWarningOrder.select(WageWarningOrder.order))).order_by(Order.pay_due_at)
    joined: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        joined.setdefault(await _join(row, now), []).append(row)
    return joined


async def _assess(warning_id: int, now: datetime, days: Overrides, joined: Iterable[dict[str, Any]] = ()) -> bool:
    """Bring one warning up to date: close it when nothing is left unsettled, raise it to the level its facts reach,
    or note the orders that joined it. True when its level changed or it closed."""
    warning = await WageWarning.select().where(WageWarning.id == warning_id).first()
    if warning is None or warning["closed_at"] is not None:
        return False
    open_orders = await WageWarningOrder.select().where(
        (WageWarningOrder.warning == warning_id) & WageWarningOrder.settled_at.is_null())
    if not open_orders:
        how = "settled"
        last = await WageWarningOrder.select(WageWarningOrder.settled_how).where(
            WageWarningOrder.warning == warning_id).order_by(WageWarningOrder.settled_at, ascending=False).first()
        if last:
            how = str(last["settled_how"]) or how
        await WageWarning.update({WageWarning.closed_at: now, WageWarning.open_slot: None, WageWarning.amount_fen: 0,
                                  WageWarning.worker_count: 0, WageWarning.closed_how: how}).where(
            WageWarning.id == warning_id)
        if warning["level"]:
            record(WarningClosed(warning_id=warning_id, employer_id=warning["employer"], level=warning["level"]))
        return bool(warning["level"])
    oldest = min(row["pay_due_at"] for row in open_orders)
    amount = sum(row["claimed_fen"] or row["owed_fen"] for row in open_orders)
    workers = {row["worker"] for row in open_orders}
    facts = Facts(working_days_overdue=working_days_between(oldest, now, days), workers=len(workers),
                  amount_fen=amount, disputed=any(row["disputed_at"] is not None for row in open_orders))
    level, reason = level_for(facts, Thresholds.of(get_settings()))
    raised = SEVERITY[level] > warning["severity"]
    changes: dict[Any, Any] = {WageWarning.amount_fen: amount, WageWarning.worker_count: len(workers),
                               WageWarning.oldest_due_at: oldest}
    if raised:
        changes |= {WageWarning.level: level, WageWarning.severity: SEVERITY[level], WageWarning.reason: reason}
        await WageWarningLevel.insert(WageWarningLevel(warning=warning_id, level=level, reason=reason, at=now))
    await WageWarning.update(changes).where(WageWarning.id == warning_id)
    order_ids = tuple(sorted(row["order"] for row in open_orders))
    if raised:
        record(WarningRaised(warning_id=warning_id, employer_id=warning["employer"], level=level,
                             previous_level=warning["level"], reason=reason, order_ids=order_ids,
                             worker_ids=tuple(sorted(workers)), amount_fen=amount))
    elif joined := list(joined):
        record(WarningWidened(warning_id=warning_id, employer_id=warning["employer"], level=warning["level"],
                              order_ids=tuple(sorted(row["id"] for row in joined)),
                              worker_ids=tuple(sorted({row["worker"] for row in joined})), amount_fen=amount))
    return raised


async def scan_wages() -> int:
    """Open, widen, raise and close warnings as the orders and the clock now say; how many warnings changed level
    or closed. Safe to run as often as wanted, by any number of workers at once."""
    now, days = clock.now(), await overrides()
    async with write_transaction():
        await _serialise()
        touched = await _reconcile(now)
        joined = await _newly_overdue(now)
        still_open = {row["id"] for row in await WageWarning.select(WageWarning.id).where(
            WageWarning.closed_at.is_null())}
        changed = 0
        for warning_id in sorted(still_open | touched | set(joined)):
            changed += await _assess(warning_id, now, days, joined.get(warning_id, ()))
    return changed


async def note_dispute(order_id: int, claimed_fen: int = 0) -> int | None:
    """The worker (or staff for them) says the order's pay did not come or was short: its warning turns yellow at
    once (opened if the order had none). Runs inside the writer's transaction; the warning's id (None: no such
    order)."""
    now, days = clock.now(), await overrides()
    async with write_transaction():
        await _serialise()
        row = await Order.select(*_order_columns()).where(Order.id == order_id).first()
        if row is None:
            return None
        held = await WageWarningOrder.select(WageWarningOrder.id, WageWarningOrder.warning).where(
            (WageWarningOrder.order == order_id) & WageWarningOrder.settled_at.is_null()).first()
        claimed = claimed_fen if claimed_fen > 0 else None
        if held:
            warning = int(held["warning"])
            await WageWarningOrder.update({WageWarningOrder.disputed_at: now, WageWarningOrder.claimed_fen: claimed}
                                          ).where(WageWarningOrder.id == held["id"])
            await _assess(warning, now, days)
        else:
            warning = await _join(row, now, disputed=True, claimed=claimed)
            await _assess(warning, now, days, [row])
        return warning


async def settle_orders(order_ids: Iterable[int], how: str) -> list[int]:
    """Take orders off the board as settled (`how`: `confirmed`, `recovered`, `withdrawn`, …); a warning left with
    nothing unsettled closes (`WarningClosed`). Call it inside the writer's transaction (it joins it); the ids of
    the warnings that closed."""
    ids = list(order_ids)
    if not ids:
        return []
    now, days = clock.now(), await overrides()
    async with write_transaction():
        await _serialise()
        rows = await WageWarningOrder.update({
            WageWarningOrder.settled_at: now, WageWarningOrder.settled_how: how}).where(
            WageWarningOrder.order.is_in(ids) & WageWarningOrder.settled_at.is_null()).returning(
            WageWarningOrder.warning)
        closed = []
        for warning in sorted({row["warning"] for row in rows}):
            await _assess(warning, now, days)
            still = await WageWarning.select(WageWarning.closed_at).where(WageWarning.id == warning).first()
            if still and still["closed_at"] is not None:
                closed.append(warning)
        return closed
