"""Invitations: an employer asks a worker from their pool, or one of the job's candidates, to take an open job.

The worker accepts through the ordinary accept route (`POST /api/jobs/{id}/accept`): an invitation reserves no
place and bypasses none of the accept checks (a full job, a clashing order).
"""

from __future__ import annotations

from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.alerts.audience import candidates_for, why_closed
from market.alerts.events import WorkerInvited
from market.alerts.pool import in_pool
from market.alerts.schemas import InvitationOut
from market.alerts.tables import Invitation
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid
from market.core.events import record
from market.employers.tables import Employer
from market.jobs.services import load_job
from market.orders.tables import Order, OrderStatus
from market.ranking.loading import load_workers
from market.ranking.services import CANDIDATE_WINDOW

__all__ = ["invitations_of", "invite"]


async def _matchable(row: dict[str, Any], worker_id: int) -> bool:
    """The worker can be matched (active, with a position) and is free at the job's time."""
    profile = (await load_workers([worker_id])).get(worker_id)
    if profile is None:
        return False
    start, end = row["starts_at"].timestamp(), row["ends_at"].timestamp()
    return not any(b.starts_at.timestamp() < end and b.ends_at.timestamp() > start for b in profile.bookings)


async def invite(viewer: CurrentUser, job_id: int, worker_id: int) -> InvitationOut:
    """Invite `worker_id` to the job: its employer only (403 `not_your_job` for another employer); 409 for a job
    that takes nobody now or a worker invited to it before; 400 naming `worker_id` for a worker neither in the pool
    nor among the job's candidates, or not matchable (inactive, no position, busy at that time, holding it)."""
    row = await load_job(job_id)
    policy.manage_job(viewer, policy.JobFacts(employer_id=row["employer"]))
    if (why := why_closed(row)) is not None:
        raise Conflict(why)
    if not await User.exists().where((User.id == worker_id) & (User.role == Role.worker)):
        raise Invalid.field("worker_id", "alerts_not_a_worker")
    pool = await in_pool(row["employer"], worker_id)
    if not pool and worker_id not in {c.worker_id for c in await candidates_for(row, CANDIDATE_WINDOW)}:
        raise Invalid.field("worker_id", "alerts_not_pool_or_candidate")
    holds = await Order.exists().where((Order.job == job_id) & (Order.worker == worker_id))
    if holds or not await _matchable(row, worker_id):
        raise Invalid.field("worker_id", "alerts_not_matchable")
    employer = await Employer.select(Employer.name).where(Employer.user == row["employer"]).first()
    name = employer["name"] if employer else ""
    async with write_transaction():
        made = await Invitation.insert(Invitation(
            job=job_id, worker=worker_id, invited_by=viewer.id, pair=f"{job_id}:{worker_id}",
            source="pool" if pool else "candidate", invited_at=clock.now())).on_conflict(
            target=Invitation.pair, action="DO NOTHING").returning(Invitation.id)
        if not made:
            raise Conflict("alerts_invitation_exists")
        record(WorkerInvited(invitation_id=made[0]["id"], job_id=job_id, worker_id=worker_id,
                             employer_id=row["employer"], employer_name=name, title=row["title"],
                             starts_at=row["starts_at"]))
    items, _ = await invitations_of(worker_id, 1, 0, only=made[0]["id"])
    return items[0]


async def invitations_of(worker_id: int, limit: int, offset: int,
                         only: int | None = None) -> tuple[list[InvitationOut], int]:
    """The worker's invitations, newest first, each saying whether they took the job and whether it is open."""
    condition: Any = Invitation.worker == worker_id
    if only is not None:
        condition = condition & (Invitation.id == only)
    rows = await Invitation.select(
        Invitation.id, Invitation.job, Invitation.source, Invitation.invited_at,
        *(getattr(Invitation.job, name).as_alias(name) for name in (  # type: ignore[union-attr]
            "title", "address", "starts_at", "pay_amount_fen", "pay_unit", "status", "filled", "headcount",
            "employer")),
    ).where(condition).order_by(Invitation.id, ascending=False).limit(limit).offset(offset)
    jobs = [r["job"] for r in rows] or [0]
    taken = {r["job"] for r in await Order.select(Order.job).where(
        (Order.worker == worker_id) & Order.job.is_in(jobs) & (Order.status != OrderStatus.cancelled))}
    names = {r["user"]: r["name"] for r in await Employer.select(Employer.user, Employer.name).where(
        Employer.user.is_in([r["employer"] for r in rows] or [0]))}
    items = [InvitationOut(
        id=r["id"], job_id=r["job"], worker_id=worker_id, employer_name=names.get(r["employer"], ""),
        title=r["title"], address=r["address"], starts_at=r["starts_at"], pay_amount_fen=r["pay_amount_fen"],
        pay_unit=r["pay_unit"], source=r["source"], invited_at=r["invited_at"], accepted=r["job"] in taken,
        job_open=why_closed({"id": r["job"], "status": r["status"], "starts_at": r["starts_at"],
                                    "filled": r["filled"], "headcount": r["headcount"]}) is None,
    ) for r in rows]
    return items, await Invitation.count().where(condition)
