"""Setting a different ID number: a few tries a day for a worker, every try recorded, and a clash with another
account kept for staff review instead of answering it as an unlimited oracle.

A 409 `id_number_taken` tells its caller that somebody holds the number. Unthrottled, that let a worker test a
thousand guesses in seconds and recover a full ID number from its masked copy. So each worker gets
`LINGGONG_ID_NUMBER_CHANGES_PER_DAY` tries (successful or clashing) in any 24 hours, counted in the database so the
count holds across processes and restarts; past it the answer is a 429 that says nothing about the number.
Staff editing a profile are not throttled (they see ID numbers in full anyway), but their tries are recorded too.
"""

from __future__ import annotations

import logging
import math
from datetime import timedelta
from typing import Any

from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.core import clock
from market.core.database import lock_rows_for_update, write_transaction
from market.core.errors import Conflict, Invalid, TooManyRequests
from market.core.identity import mask_resident_id, normalise_resident_id, resident_id_problem
from market.core.personal_data import keyed_hash
from market.core.schemas import Page
from market.settings import get_settings
from market.stations.services import station_of_staff
from market.workers.schemas import IdentityConflict
from market.workers.tables import IdNumberAttempt, WorkerProfile

__all__ = ["ID_CONTEXT", "WINDOW", "list_conflicts", "screen_id_number"]

logger = logging.getLogger("market.workers")

ID_CONTEXT = "worker.id_number"
WINDOW = timedelta(hours=24)


def _number(text: str) -> str:
    problem = resident_id_problem(text)
    if problem is not None:
        raise Invalid.field("id_number", f"id_{problem}")
    return normalise_resident_id(text)


async def _refuse_when_spent(worker_id: int) -> None:
    """TooManyRequests once the worker has used up today's tries; Retry-After when the oldest one expires."""
    since = clock.now() - WINDOW
    rows = await IdNumberAttempt.select(IdNumberAttempt.attempted_at).where(
        (IdNumberAttempt.worker == worker_id) & (IdNumberAttempt.made_by == worker_id)
        & (IdNumberAttempt.attempted_at > since)).order_by(IdNumberAttempt.attempted_at)
    allowed = get_settings().id_number_changes_per_day
    if len(rows) >= allowed:
        frees_at = rows[len(rows) - allowed]["attempted_at"] + WINDOW
        retry_after = max(1, math.ceil((frees_at - clock.now()).total_seconds()))
        logger.warning("ID-number change refused for worker %s: %s tries in 24 hours", worker_id, len(rows))
        raise TooManyRequests("id_number_changes_spent", retry_after_s=retry_after)


async def screen_id_number(worker_id: int | None, text: str, actor: CurrentUser) -> None:
    """Before `text` is set as the ID number of `worker_id` (None: a walk-in being registered), count and record the
    try; a 429 past the worker's daily tries, a 409 `id_number_taken` (recorded for staff) when another account
    holds it. Setting the number the worker already has is not a try."""
    number = _number(text)
    digest = keyed_hash(number, context=ID_CONTEXT)
    by_worker = worker_id is not None and actor.id == worker_id
    async with write_transaction():
        if worker_id is not None:
            # the profile row lock makes count-then-record one step for concurrent tries of one worker
            current = await lock_rows_for_update(WorkerProfile, WorkerProfile.user == worker_id,
                                                 columns=[WorkerProfile.id_number_hash])
            if current and current[0]["id_number_hash"] == digest:
                return
        if by_worker and worker_id is not None:
            await _refuse_when_spent(worker_id)
        holder = await WorkerProfile.select(WorkerProfile.user).where(
            (WorkerProfile.id_number_hash == digest) & (WorkerProfile.user != (worker_id or 0))).first()
        if worker_id is None and not holder:
            return  # a walk-in's number that is free: registering records the walk-in itself
        station = None if by_worker else await station_of_staff(actor.id)
        await IdNumberAttempt(worker=worker_id, made_by=actor.id, station=station,
                              outcome="conflict" if holder else "changed", id_number_masked=mask_resident_id(number),
                              holder=holder["user"] if holder else None, attempted_at=clock.now()).save()
    if holder:  # after the commit: the record of the clash stays
        logger.warning("ID number %s already held by user %s; tried for worker %s by user %s",
                       mask_resident_id(number), holder["user"], worker_id, actor.id)
        raise Conflict("id_number_taken", [])


async def list_conflicts(limit: int, offset: int) -> Page[IdentityConflict]:
    """ID-number clashes for staff to review, newest first; numbers masked."""
    query = IdNumberAttempt.select(
        IdNumberAttempt.id, IdNumberAttempt.worker, IdNumberAttempt.made_by, IdNumberAttempt.station,
        IdNumberAttempt.holder, IdNumberAttempt.id_number_masked, IdNumberAttempt.attempted_at,
    ).where(IdNumberAttempt.outcome == "conflict")
    total = await IdNumberAttempt.count().where(IdNumberAttempt.outcome == "conflict")
    rows = await query.order_by(IdNumberAttempt.id, ascending=False).limit(limit).offset(offset)
    names = await _names({r[k] for r in rows for k in ("worker", "holder", "made_by") if r[k] is not None})
    items = [IdentityConflict(
        id=r["id"], attempted_at=r["attempted_at"], id_number_masked=r["id_number_masked"],
        worker_id=r["worker"], worker_name=names.get(r["worker"]), holder_id=r["holder"],
        holder_name=names.get(r["holder"]), made_by=r["made_by"], by_staff=r["made_by"] != r["worker"],
        station_id=r["station"]) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


async def _names(user_ids: set[Any]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = await User.select(User.id, User.name).where(User.id.is_in(list(user_ids)))
    return {r["id"]: r["name"] for r in rows}
