"""The back office's subscribers (the taxonomy grew; an admin listed or changed a course: the admin log), and the
source of taxonomy additions it gives matching at start-up."""

from __future__ import annotations

from dataclasses import dataclass

from market.accounts.policy import reaches_all_stations
from market.backoffice import log
from market.backoffice.events import TradeAdded
from market.backoffice.trades import additions, additions_version
from market.core.events import Phase, Subscriptions
from market.courses.events import CourseSaved
from market.ranking.taxonomy_feed import mark_stale, provide_additions

__all__ = ["subscribe"]


async def _taxonomy_grew(_: TradeAdded) -> None:
    mark_stale()  # this process reads the additions at its next use, not after the polling interval


@dataclass(frozen=True)
class _Actor:
    id: int
    role: str


async def _course_saved(event: CourseSaved) -> None:
    """An admin's course act goes to the admin log, in the act's transaction (staff acts are the courses' own)."""
    if not reaches_all_stations(_Actor(event.actor_id, event.actor_role)):
        return
    details: dict[str, object] = {"title": event.title, "station_id": event.station_id}
    if event.fields:
        details["fields"] = list(event.fields)
    await log.append(f"course_{event.kind}", event.actor_id, ("course", event.course_id), details)


def subscribe(subscriptions: Subscriptions) -> None:
    """Register the back office's subscribers, and install where matching finds the taxonomy's additions."""
    provide_additions(additions_version, additions)
    subscriptions.subscribe(TradeAdded, _taxonomy_grew, phase=Phase.after_commit, name="backoffice.taxonomy_grew")
    subscriptions.subscribe(CourseSaved, _course_saved, phase=Phase.in_transaction, name="backoffice.course_logged")
