"""What the jobs package records: a job posted or cancelled."""

from __future__ import annotations

from dataclasses import dataclass

from market.accounts.auth import CurrentUser
from market.core.events import DomainEvent

__all__ = ["JobCancelled", "JobPosted", "JobsHeld", "JobsImported"]


@dataclass(frozen=True)
class JobPosted(DomainEvent):
    """A job was posted by its employer (channel `app`) or by staff for them (channel `station`)."""

    job_id: int
    employer_id: int
    poster_id: int
    channel: str


@dataclass(frozen=True)
class JobCancelled(DomainEvent):
    """The employer (or staff) stopped hiring for a job; its orders not yet started are to be cancelled."""

    job_id: int
    employer_id: int
    title: str
    actor: CurrentUser


@dataclass(frozen=True)
class JobsImported(DomainEvent):
    """Jobs written in bulk (the demo city, an import), open from the start."""

    job_ids: tuple[int, ...]


@dataclass(frozen=True)
class JobsHeld(DomainEvent):
    """An employer's open jobs were held (`held`: they leave the radar) or released (open again)."""

    job_ids: tuple[int, ...]
    employer_id: int
    held: bool
