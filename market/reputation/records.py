"""Reading each person's figures over the window from the orders, no-shows and ratings tables (batched)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from piccolo.query.functions.aggregate import Count

from market.core import clock
from market.orders.tables import NoShow, Order
from market.reputation.reliability import Record
from market.reputation.rules import DONE_STATUSES, reputation_rules
from market.reputation.tables import Rating

__all__ = ["EmployerRecord", "employer_records", "window_start", "worker_records"]


@dataclass
class EmployerRecord(Record):
    """An employer's figures: a `Record` (late cancels are theirs) plus how their completed orders were paid."""

    paid_on_time: int = 0
    paid_late: int = 0
    unpaid_overdue: int = 0
    workers: set[int] = field(default_factory=set)


def window_start() -> datetime:
    """Where the rolling window begins now."""
    return clock.now() - timedelta(days=reputation_rules().window_days)


def _among(column, ids: list[int] | None):
    return column.is_in(ids) if ids is not None else column.is_not_null()


async def _ratings_into(records: dict[int, Record], ids: list[int] | None, rater_side: str, since: datetime) -> None:
    """Ratings given by `rater_side` to the people in `records` (not removed, in the window)."""
    rows = await Rating.select(Rating.rated, Rating.stars, Rating.tags).where(
        _among(Rating.rated, ids) & (Rating.rater_side == rater_side) & (Rating.removed == False)  # noqa: E712
        & (Rating.given_at >= since)).output(load_json=True)
    for row in rows:
        record = records[row["rated"]]
        record.stars.append(int(row["stars"]))
        record.tags.update(row["tags"] or [])


async def worker_records(worker_ids: Iterable[int] | None = None) -> dict[int, Record]:
    """Each worker's record in the window (every worker with any history when `worker_ids` is None)."""
    ids = None if worker_ids is None else list(set(worker_ids))
    records: dict[int, Record] = defaultdict(Record)
    if ids == []:
        return records
    since = window_start()
    done = Order.status.is_in(list(DONE_STATUSES)) & (Order.completed_at >= since)
    late = (Order.cancel_late == True) & (Order.cancelled_by_role == "worker") & (Order.cancelled_at >= since)  # noqa: E712
    for where, figure in ((done, "completed"), (late, "late_cancels")):  # counted in the database, per worker
        for row in await Order.select(Order.worker, Count(Order.id, alias="n")).where(
                _among(Order.worker, ids) & where).group_by(Order.worker):
            setattr(records[row["worker"]], figure, int(row["n"]))
    standing = (NoShow.objected_at.is_null() & NoShow.upheld.is_null()) | (NoShow.upheld == False)  # noqa: E712
    for row in await NoShow.select(NoShow.order.worker.as_alias("worker")).where(
            _among(NoShow.order.worker, ids) & standing & (NoShow.recorded_at >= since)):
        records[row["worker"]].no_shows += 1
    await _ratings_into(records, ids, "employer", since)
    return records


async def employer_records(employer_ids: Iterable[int]) -> dict[int, EmployerRecord]:
    """Each employer's record in the window: completed orders, pay on time or late, late cancels, ratings."""
    ids = list(set(employer_ids))
    records: dict[int, EmployerRecord] = defaultdict(EmployerRecord)
    if not ids:
        return records
    since, now = window_start(), clock.now()
    rows = await Order.select(Order.job.employer.as_alias("employer"), Order.worker, Order.status,  # type: ignore[union-attr]
                              Order.completed_at, Order.paid_at, Order.pay_due_at, Order.cancel_late,
                              Order.cancelled_by_role, Order.cancelled_at).where(
        Order.job.employer.is_in(ids))  # type: ignore[union-attr]
    for row in rows:
        record = records[row["employer"]]
        record.workers.add(row["worker"])
        if row["status"] in DONE_STATUSES and row["completed_at"] and row["completed_at"] >= since:
            record.completed += 1
            if row["paid_at"] is not None:
                if row["paid_at"] <= row["pay_due_at"]:
                    record.paid_on_time += 1
                else:
                    record.paid_late += 1
            elif row["pay_due_at"] < now:
                record.unpaid_overdue += 1
        if row["cancel_late"] and row["cancelled_by_role"] == "employer" and row["cancelled_at"] >= since:
            record.late_cancels += 1
    await _ratings_into(records, ids, "worker", since)  # type: ignore[arg-type]
    return records
