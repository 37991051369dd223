"""Tiered job alerts, planned and sent: a posted job's tiers are rows (durable across restarts and Redis outages),
and one idempotent background pass sends what is due, tier by tier (each in its own transaction), then the alerts,
a job's consecutive alerts in one transaction (each alone if that fails).

A tier is due at its head start after posting and waits while an earlier tier of its job is not done; when it
runs it stops for good if the job filled, was cancelled or started, else it writes one `JobAlert` per worker of
its audience (a unique key per job and worker: nobody hears of a job twice). An alert is sent when due: not in
the worker's quiet hours (it waits until they end, and is skipped if the job would start first), not past their
daily cap (skipped), and only while the job still takes people. A failure is retried with back-off and never
holds up the other tiers or alerts.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Any

from market.alerts.audience import tier_audience, why_closed
from market.alerts.events import JobAlerted
from market.alerts.preferences import DEFAULT_DAILY_CAP, channels_of, market_day, sent_counts
from market.alerts.quiet_hours import quiet_until
from market.alerts.tables import AlertSettings, AlertState, AlertTierPlan, JobAlert, Tier
from market.core import clock
from market.core.database import lock_rows_for_update, write_transaction
from market.core.events import record
from market.jobs.tables import Job
from market.ranking.state import LiveMatching
from market.settings import get_settings

__all__ = ["BATCH", "TIERS", "plan_tiers", "send_due_alerts"]

log = logging.getLogger(__name__)

TIERS = (Tier.pool, Tier.ranked, Tier.nearby)
"""The tiers, in the order they go out."""
BATCH = 200
"""Tiers and alerts handled per pass at most; the next pass takes the rest."""
_STOPPED = {"job_not_open": "cancelled", "job_full": "filled", "job_started": "started"}


def _head_starts() -> dict[str, timedelta]:
    settings = get_settings()
    return {Tier.pool: timedelta(0), Tier.ranked: timedelta(minutes=settings.alert_ranked_after_min),
            Tier.nearby: timedelta(minutes=settings.alert_nearby_after_min)}


async def plan_tiers(job_id: int) -> None:
    """Plan the job's three tiers from now (inside the posting's transaction; planning twice plans once)."""
    now = clock.now()
    rows = [AlertTierPlan(job=job_id, tier=tier, slot=f"{job_id}:{tier}", due_at=now + start,
                          next_attempt_at=now + start) for tier, start in _head_starts().items()]
    await AlertTierPlan.insert(*rows).on_conflict(target=AlertTierPlan.slot, action="DO NOTHING")


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


async def _job(job_id: int) -> dict[str, Any] | None:
    return await Job.select().where(Job.id == job_id).output(load_json=True).first()


async def _settings_of(worker_ids: list[int]) -> dict[int, dict[str, Any]]:
    rows = await AlertSettings.select().where(AlertSettings.worker.is_in(worker_ids or [0]))
    return {row["worker"]: row for row in rows}


def _quiet_end(settings: dict[str, Any] | None, at: datetime) -> datetime | None:
    return quiet_until(at, settings["quiet_from"], settings["quiet_to"]) if settings else None


async def _tier_ready(tier_id: int) -> dict[str, Any] | None:
    """The tier's row when it is still to run and no earlier tier of its job is pending, else None."""
    tier = await AlertTierPlan.select().where(AlertTierPlan.id == tier_id).first()
    if tier is None or tier["done_at"] is not None:
        return None
    earlier = list(TIERS[:TIERS.index(Tier(tier["tier"]))])
    if earlier and await AlertTierPlan.exists().where(
            (AlertTierPlan.job == tier["job"]) & AlertTierPlan.tier.is_in(earlier) & AlertTierPlan.done_at.is_null()):
        return None  # an earlier tier of the job is not done yet (retrying): this one keeps its turn
    return tier


async def _run_tier(tier_id: int, now: datetime, matching: LiveMatching | None) -> None:
    """Run one tier: its audience is ranked outside the write transaction (the ranking may take a while), then
    everything is checked again under the tier's lock before its alerts are written."""
    tier = await _tier_ready(tier_id)
    row = await _job(tier["job"]) if tier else None
    workers = (await tier_audience(row, tier["tier"], matching)
               if tier and row and why_closed(row) is None else [])
    async with write_transaction():
        await lock_rows_for_update(AlertTierPlan, AlertTierPlan.id == tier_id)
        tier = await _tier_ready(tier_id)
        if tier is None:
            return
        row = await _job(tier["job"])
        closed = "job_not_open" if row is None else why_closed(row)
        if closed is not None:
            await AlertTierPlan.update({AlertTierPlan.done_at: now, AlertTierPlan.outcome: _STOPPED[closed]}).where(
                AlertTierPlan.id == tier_id)
            return
        assert row is not None
        settings = await _settings_of(workers)
        alerts = []
        for worker in workers:
            due = _quiet_end(settings.get(worker), now) or now
            late = due >= row["starts_at"]
            alerts.append(JobAlert(job=row["id"], worker=worker, tier=tier["tier"], pair=f"{row['id']}:{worker}",
                                   due_at=due, next_attempt_at=due, created_at=now,
                                   state=AlertState.skipped if late else AlertState.waiting,
                                   skip_reason="quiet_hours" if late else ""))
        made = await JobAlert.insert(*alerts).on_conflict(target=JobAlert.pair, action="DO NOTHING").returning(
            JobAlert.id) if alerts else []
        await AlertTierPlan.update({AlertTierPlan.done_at: now, AlertTierPlan.outcome: "sent",
                                    AlertTierPlan.recipients: len(made)}).where(AlertTierPlan.id == tier_id)


async def _skip(alert_id: int, reason: str) -> int:
    await JobAlert.update({JobAlert.state: AlertState.skipped, JobAlert.skip_reason: reason}).where(
        JobAlert.id == alert_id)
    return 0


async def _send_alerts(alert_ids: list[int], now: datetime) -> int:
    """Send a run of one job's due alerts (each worker once) in one transaction, each checked as it is due: the
    job still takes people, the worker's alerts are on, not in quiet hours, not past the daily cap."""
    async with write_transaction():
        await lock_rows_for_update(JobAlert, JobAlert.id.is_in(alert_ids))
        rows = {r["id"]: r for r in await JobAlert.select().where(JobAlert.id.is_in(alert_ids))}
        alerts = [rows[i] for i in alert_ids if i in rows and rows[i]["state"] == AlertState.waiting]
        if not alerts:
            return 0
        row = await _job(alerts[0]["job"])
        workers = [alert["worker"] for alert in alerts]
        settings, day = await _settings_of(workers), market_day()
        counts = await sent_counts(workers, day)
        sent = 0
        for alert in alerts:
            sent += await _send_one(alert, row, settings.get(alert["worker"]), counts.get(alert["worker"], 0),
                                    now, day)
        return sent


async def _send_one(alert: dict[str, Any], row: dict[str, Any] | None, settings: dict[str, Any] | None,
                    sent_today: int, now: datetime, day: date) -> int:
    """Send one waiting alert, or skip it or hold it until the quiet hours end; 1 if it was sent."""
    alert_id = alert["id"]
    closed = "job_not_open" if row is None else why_closed(row)
    if closed is not None:
        return await _skip(alert_id, _STOPPED[closed])
    assert row is not None
    if settings is None or not settings["enabled"] or not channels_of(settings):
        return await _skip(alert_id, "turned_off")
    if (end := _quiet_end(settings, now)) is not None:
        if end >= row["starts_at"]:
            return await _skip(alert_id, "quiet_hours")
        await JobAlert.update({JobAlert.due_at: end, JobAlert.next_attempt_at: end}).where(JobAlert.id == alert_id)
        return 0
    if sent_today >= (settings["daily_cap"] or DEFAULT_DAILY_CAP):
        return await _skip(alert_id, "daily_cap")
    await JobAlert.update({JobAlert.state: AlertState.sent, JobAlert.sent_at: now, JobAlert.sent_day: day,
                           JobAlert.attempts: alert["attempts"] + 1}).where(JobAlert.id == alert_id)
    record(JobAlerted(alert_id=alert_id, job_id=row["id"], worker_id=alert["worker"], tier=alert["tier"],
                      title=row["title"], starts_at=row["starts_at"], address=row["address"],
                      channels=tuple(channels_of(settings))))
    return 1


def _runs(alerts: list[dict[str, Any]]) -> list[list[int]]:
    """The due alerts in their order, cut where the job changes: each run is one job's (a worker at most once)."""
    return [[alert["id"] for alert in run] for _, run in groupby(alerts, key=lambda alert: alert["job"])]


async def _send_run(run: list[int], now: datetime) -> int:
    """Send a run of alerts in one transaction; if that fails, each alone, so that one bad alert is retried later
    (with back-off) and holds up no other."""
    if len(run) > 1:
        try:
            return await _send_alerts(run, now)
        except Exception:
            log.warning("job alerts %s failed together; sending them one by one", run, exc_info=True)
    sent = 0
    for alert_id in run:
        try:
            sent += await _send_alerts([alert_id], now)
        except Exception as exc:  # one bad alert must not stop the others
            log.exception("job alert %s failed", alert_id)
            await _failed(JobAlert, alert_id, exc, now)
    return sent


async def _failed(table: type[AlertTierPlan] | type[JobAlert], item_id: int, error: Exception, now: datetime) -> None:
    """Note a failed attempt: try again after a back-off, or give up after `alert_max_attempts`."""
    row = await table.select(table.attempts).where(table.id == item_id).first()
    attempts = (row["attempts"] if row else 0) + 1
    changes: dict[Any, Any] = {table.attempts: attempts, table.last_error: repr(error)[:500],
                               table.next_attempt_at: now + _backoff(attempts)}
    if attempts >= get_settings().alert_max_attempts:
        if table is AlertTierPlan:
            changes |= {AlertTierPlan.done_at: now, AlertTierPlan.outcome: "failed"}
        else:
            changes |= {JobAlert.state: AlertState.skipped, JobAlert.skip_reason: "failed"}
    async with write_transaction():
        await table.update(changes).where(table.id == item_id)


async def send_due_alerts(matching: LiveMatching | None = None) -> int:
    """Run the due tiers, then send the due alerts; how many alerts were sent. Idempotent and safe beside other
    workers (each item under its row lock, re-read before acting); one bad item is retried later, the rest go on.

    `matching` is the process's live matching state, if it has one: the tiers rank their candidates in it (polled
    first) instead of building an index of the workers near each job (`market.alerts.audience`).
    """
    now = clock.now()
    tiers = await AlertTierPlan.select(AlertTierPlan.id).where(
        AlertTierPlan.done_at.is_null() & (AlertTierPlan.next_attempt_at <= now)).order_by(
        AlertTierPlan.due_at).limit(BATCH)  # a job's tiers in their order, so a retried one frees the next at once
    for tier in tiers:
        try:
            await _run_tier(tier["id"], now, matching)
        except Exception as exc:  # one bad tier must not stop the others
            log.exception("alert tier %s failed", tier["id"])
            await _failed(AlertTierPlan, tier["id"], exc, now)
    alerts = await JobAlert.select(JobAlert.id, JobAlert.job).where(
        (JobAlert.state == AlertState.waiting) & (JobAlert.next_attempt_at <= now)).order_by(
        JobAlert.next_attempt_at).limit(BATCH)
    sent = 0
    for run in _runs(alerts):  # in their order, a job's consecutive alerts in one transaction
        sent += await _send_run(run, now)
    return sent
