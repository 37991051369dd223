"""What the alerts package records: a worker invited to a job, and a job alert due to reach a worker now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from market.core.events import DomainEvent

__all__ = ["JobAlerted", "WorkerInvited"]


@dataclass(frozen=True)
class WorkerInvited(DomainEvent):
    """An employer invited a worker (from their pool or the job's candidates) to one of their open jobs; the worker
    accepts through the normal accept route."""

    invitation_id: int
    job_id: int
    worker_id: int
    employer_id: int
    employer_name: str
    title: str
    starts_at: datetime


@dataclass(frozen=True)
class JobAlerted(DomainEvent):
    """A tiered alert about an open job goes to one worker now, by the channels they chose (`app`, `sms`)."""

    alert_id: int
    job_id: int
    worker_id: int
    tier: str
    title: str
    starts_at: datetime
    address: str
    channels: tuple[str, ...]
