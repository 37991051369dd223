"""An employer's pool (熟手): workers who completed a job for them, kept to invite again and alerted first."""

from __future__ import annotations

from typing import Any

from market.accounts import policy
from market.accounts.tables import Role, User
from market.alerts.schemas import LastJob, PoolMemberOut
from market.alerts.tables import PoolMember
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, NotFound
from market.core.identity import mask_mobile
from market.orders.tables import Order, OrderStatus
from market.workers.tables import WorkerProfile

__all__ = ["WORKED_TOGETHER", "add_to_pool", "in_pool", "list_pool", "pool_of", "remove_from_pool"]

WORKED_TOGETHER = (OrderStatus.completed, OrderStatus.paid, OrderStatus.confirmed)
"""An order in one of these states between them lets the employer keep the worker in their pool."""


def _pair(employer_id: int, worker_id: int) -> str:
    return f"{employer_id}:{worker_id}"


async def _orders_between(employer_id: int, worker_ids: list[int]) -> list[dict[str, Any]]:
    return await Order.select(
        Order.worker, Order.status, Order.starts_at, Order.job, Order.job.title.as_alias("title"),  # type: ignore[union-attr]
    ).where(Order.worker.is_in(worker_ids or [0]) & (Order.job.employer == employer_id)).order_by(  # type: ignore[union-attr]
        Order.starts_at, ascending=False)


async def add_to_pool(employer_id: int, worker_id: int) -> PoolMemberOut:
    """Keep a worker in the employer's pool: 404 `user_not_found` for no such worker; 409
    `alerts_pool_not_worked_together` without a completed (paid, confirmed) order between them; again is harmless."""
    if not await User.exists().where((User.id == worker_id) & (User.role == Role.worker)):
        raise NotFound("user_not_found")
    async with write_transaction():
        done = await Order.exists().where((Order.worker == worker_id) & Order.status.is_in(list(WORKED_TOGETHER))
                                          & (Order.job.employer == employer_id))  # type: ignore[union-attr]
        if not done:
            raise Conflict("alerts_pool_not_worked_together")
        await PoolMember.insert(PoolMember(employer=employer_id, worker=worker_id, pair=_pair(employer_id, worker_id),
                                           added_at=clock.now())).on_conflict(
            target=PoolMember.pair, action="DO NOTHING")
    (member,) = await _members(employer_id, [worker_id])
    return member


async def remove_from_pool(employer_id: int, worker_id: int) -> None:
    """Take a worker out of the pool; 404 `alerts_pool_member_not_found` when they are not in it."""
    async with write_transaction():
        removed = await PoolMember.delete().where(PoolMember.pair == _pair(employer_id, worker_id)).returning(
            PoolMember.id)
    if not removed:
        raise NotFound("alerts_pool_member_not_found")


async def in_pool(employer_id: int, worker_id: int) -> bool:
    """Whether the worker is in the employer's pool."""
    return await PoolMember.exists().where(PoolMember.pair == _pair(employer_id, worker_id))


async def pool_of(employer_id: int) -> list[int]:
    """The worker ids of the employer's pool."""
    return [r["worker"] for r in await PoolMember.select(PoolMember.worker).where(PoolMember.employer == employer_id)]


async def _members(employer_id: int, worker_ids: list[int]) -> list[PoolMemberOut]:
    added = {r["worker"]: r["added_at"] for r in await PoolMember.select(PoolMember.worker, PoolMember.added_at).where(
        (PoolMember.employer == employer_id) & PoolMember.worker.is_in(worker_ids or [0]))}
    people = {r["id"]: r for r in await User.select(User.id, User.name, User.phone).where(
        User.id.is_in(worker_ids or [0]))}
    trades = {r["user"]: [str(s.get("name", "")) for s in r["skills"] or []] for r in await WorkerProfile.select(
        WorkerProfile.user, WorkerProfile.skills).where(WorkerProfile.user.is_in(worker_ids or [0])).output(
        load_json=True)}
    orders: dict[int, list[dict[str, Any]]] = {}
    for row in await _orders_between(employer_id, worker_ids):
        orders.setdefault(row["worker"], []).append(row)
    members = []
    for worker_id in worker_ids:
        if worker_id not in added:
            continue
        theirs = orders.get(worker_id, [])
        live = any(policy.sees_phone("employer", "worker", row["status"]) for row in theirs)
        done = [row for row in theirs if row["status"] in WORKED_TOGETHER]
        last = done[0] if done else None
        phone = people[worker_id]["phone"]
        members.append(PoolMemberOut(
            worker_id=worker_id, name=people[worker_id]["name"], trades=trades.get(worker_id, []),
            phone=phone if live else mask_mobile(phone), jobs_together=len(done), added_at=added[worker_id],
            last_job=LastJob(job_id=last["job"], title=last["title"], starts_at=last["starts_at"],
                             status=last["status"]) if last else None))
    return members


async def list_pool(employer_id: int, limit: int, offset: int) -> tuple[list[PoolMemberOut], int]:
    """The employer's pool, most recently added first."""
    condition = PoolMember.employer == employer_id
    rows = await PoolMember.select(PoolMember.worker).where(condition).order_by(
        PoolMember.added_at, ascending=False).order_by(PoolMember.id, ascending=False).limit(limit).offset(offset)
    return await _members(employer_id, [r["worker"] for r in rows]), await PoolMember.count().where(condition)
