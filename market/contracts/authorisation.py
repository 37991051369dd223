"""The employer's standing authorisation: posting a job authorises signing each of its orders on acceptance."""

from __future__ import annotations

from market.contracts.tables import StandingAuthorisation
from market.core import clock

__all__ = ["record_standing_authorisation"]


async def record_standing_authorisation(job_id: int, employer_id: int, actor_id: int, channel: str) -> None:
    """Record, in the job's own transaction, who authorised the employer's signature and through which channel."""
    await StandingAuthorisation(job=job_id, employer=employer_id, actor=actor_id, channel=channel,
                                at=clock.now()).save()
