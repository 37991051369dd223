"""Reading a worker's or an employer's reputation: who may, and the aggregates by the reliability rules."""

from __future__ import annotations

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core.errors import NotFound
from market.orders.tables import Order
from market.reputation.records import employer_records, worker_records
from market.reputation.reliability import reliability, shown_average, top_tags
from market.reputation.rules import reputation_rules
from market.reputation.schemas import EmployerReputation, ReputationCounts, WorkerReputation

__all__ = ["employer_reputation", "worker_reputation"]


async def _check_reader(viewer: CurrentUser, owner_id: int, role: str) -> None:
    """404 `user_not_found` for no such worker/employer, or one the viewer may not read (policy.see_reputation)."""
    if not await User.exists().where((User.id == owner_id) & (User.role == role)):
        raise NotFound("user_not_found")
    dealt = False
    if viewer.role == Role.worker and role == Role.employer:
        dealt = await Order.exists().where((Order.worker == viewer.id) & (Order.job.employer == owner_id))
    elif viewer.role == Role.employer and role == Role.worker:
        dealt = await Order.exists().where((Order.worker == owner_id) & (Order.job.employer == viewer.id))
    policy.see_reputation(viewer, owner_id, dealt_with=dealt)


async def worker_reputation(worker_id: int, viewer: CurrentUser) -> WorkerReputation:
    """The worker's counts, reliability, average stars and top tags over the window."""
    await _check_reader(viewer, worker_id, Role.worker)
    rules = reputation_rules()
    record = (await worker_records([worker_id]))[worker_id]
    value = reliability(record, rules.new_below)
    return WorkerReputation(
        worker_id=worker_id, window_days=rules.window_days,
        counts=ReputationCounts(completed=record.completed, no_shows=record.no_shows,
                                late_cancels=record.late_cancels, ratings=record.ratings),
        reliability=value.value, average_stars=shown_average(record, rules.min_count),
        top_tags=top_tags(record, rules.min_count), new=value.new, min_ratings=rules.min_count)


async def employer_reputation(employer_id: int, viewer: CurrentUser) -> EmployerReputation:
    """The employer's ratings from workers, pay record and late cancels over the window."""
    await _check_reader(viewer, employer_id, Role.employer)
    rules = reputation_rules()
    record = (await employer_records([employer_id]))[employer_id]
    return EmployerReputation(
        employer_id=employer_id, window_days=rules.window_days,
        counts=ReputationCounts(completed=record.completed, no_shows=0, late_cancels=record.late_cancels,
                                ratings=record.ratings),
        paid_on_time=record.paid_on_time, paid_late=record.paid_late, unpaid_overdue=record.unpaid_overdue,
        average_stars=shown_average(record, rules.min_count), top_tags=top_tags(record, rules.min_count),
        new=record.completed + record.late_cancels < rules.new_below, min_ratings=rules.min_count)
