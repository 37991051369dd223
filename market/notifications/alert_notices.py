"""Who hears of invitations and tiered job alerts: the worker, in the writer's transaction (outbox).

An invitation goes to the worker's inbox; a job alert to the inbox and, when they chose SMS, as a text too.
"""

from __future__ import annotations

from market.alerts.events import JobAlerted, WorkerInvited
from market.core.events import Phase, Subscriptions
from market.notifications.outbox import announce

__all__ = ["ALERT_NOTICES", "subscribe"]

ALERT_NOTICES = ("job_invitation", "job_alert")
"""The notices of this module."""


async def _invited(event: WorkerInvited) -> None:
    payload = {"job_id": event.job_id, "title": event.title, "name": event.employer_name,
               "starts_at": event.starts_at.isoformat(), "invitation_id": event.invitation_id}
    await announce("job_invitation", [event.worker_id], payload, key=str(event.invitation_id))


async def _alerted(event: JobAlerted) -> None:
    payload = {"job_id": event.job_id, "title": event.title, "address": event.address,
               "starts_at": event.starts_at.isoformat(), "tier": event.tier}
    await announce("job_alert", [event.worker_id], payload, key=str(event.alert_id), sms="sms" in event.channels)


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the invitation and alert notices (in the writer's transaction)."""
    subscriptions.subscribe(WorkerInvited, _invited, phase=Phase.in_transaction, name="outbox.job_invitation")
    subscriptions.subscribe(JobAlerted, _alerted, phase=Phase.in_transaction, name="outbox.job_alert")
