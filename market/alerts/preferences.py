"""A worker's alert settings: opted in or not, the channels, quiet hours on the market's clocks, a daily cap."""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec
from piccolo.query.functions.aggregate import Count

from market.alerts.schemas import AlertPreferences, AlertPreferencesUpdate
from market.alerts.tables import AlertSettings, AlertState, JobAlert
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Invalid
from market.core.zone import local

__all__ = ["DEFAULT_DAILY_CAP", "alert_preferences", "change_alert_preferences", "channels_of", "market_day",
           "sent_counts", "sent_on"]

DEFAULT_DAILY_CAP = 5
"""Alerts a worker gets in one day (market time) until they choose otherwise."""


def market_day() -> date:
    """Today on the market's clocks: the day the daily cap counts."""
    return local(clock.now()).date()


def channels_of(row: dict[str, Any]) -> list[str]:
    """The channels a settings row names, SMS first."""
    return [name for name, on in (("sms", row["by_sms"]), ("app", row["by_app"])) if on]


async def sent_on(worker_id: int, day: date) -> int:
    """How many alerts the worker was sent on `day`."""
    return await JobAlert.count().where((JobAlert.worker == worker_id) & (JobAlert.state == AlertState.sent)
                                        & (JobAlert.sent_day == day))


async def sent_counts(worker_ids: list[int], day: date) -> dict[int, int]:
    """How many alerts each of the workers was sent on `day` (those sent none left out)."""
    rows = await JobAlert.select(JobAlert.worker, Count(JobAlert.id, alias="n")).where(
        JobAlert.worker.is_in(worker_ids or [0]) & (JobAlert.state == AlertState.sent)
        & (JobAlert.sent_day == day)).group_by(JobAlert.worker)
    return {row["worker"]: int(row["n"]) for row in rows}


async def _row(worker_id: int) -> dict[str, Any]:
    row = await AlertSettings.select().where(AlertSettings.worker == worker_id).first()
    return row or {"enabled": False, "by_sms": False, "by_app": True, "quiet_from": "", "quiet_to": "",
                   "daily_cap": DEFAULT_DAILY_CAP}


async def alert_preferences(worker_id: int) -> AlertPreferences:
    """The worker's settings (off, in-app, no quiet hours, the default cap until they choose)."""
    row = await _row(worker_id)
    quiet = {"from": row["quiet_from"], "to": row["quiet_to"]} if row["quiet_from"] else None
    return AlertPreferences(enabled=row["enabled"], channels=channels_of(row), quiet_hours=quiet,  # type: ignore[arg-type]
                            daily_cap=row["daily_cap"], sent_today=await sent_on(worker_id, market_day()))


async def change_alert_preferences(worker_id: int, change: AlertPreferencesUpdate) -> AlertPreferences:
    """Save what the worker changed; 400 naming `channels` when alerts are on with no channel, `quiet_hours.to`
    when the quiet hours start and end at the same time."""
    row = await _row(worker_id)
    values = {"enabled": row["enabled"], "by_sms": row["by_sms"], "by_app": row["by_app"],
              "quiet_from": row["quiet_from"], "quiet_to": row["quiet_to"], "daily_cap": row["daily_cap"]}
    if change.enabled is not msgspec.UNSET:
        values["enabled"] = change.enabled
    if change.channels is not msgspec.UNSET:
        values["by_sms"], values["by_app"] = "sms" in change.channels, "app" in change.channels
    if change.quiet_hours is not msgspec.UNSET:
        quiet = change.quiet_hours
        if quiet is not None and quiet.from_ == quiet.to:
            raise Invalid.field("quiet_hours.to", "alerts_quiet_hours_empty")
        values["quiet_from"], values["quiet_to"] = (quiet.from_, quiet.to) if quiet else ("", "")
    if change.daily_cap is not msgspec.UNSET:
        values["daily_cap"] = change.daily_cap
    if values["enabled"] and not (values["by_sms"] or values["by_app"]):
        raise Invalid.field("channels", "alerts_channel_needed")
    async with write_transaction():
        await AlertSettings.insert(AlertSettings(worker=worker_id, updated_at=clock.now(), **values)).on_conflict(
            target=AlertSettings.worker, action="DO UPDATE",
            values=[getattr(AlertSettings, name) for name in (*values, "updated_at")])
    return await alert_preferences(worker_id)
