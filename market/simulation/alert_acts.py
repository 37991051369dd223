"""Tiered job alerts in the simulated city: some workers opt in, the real alert service (`send_due_alerts`) sends
each posted job's tiers when they fall due, and an alerted worker may open the app and look at the job first.

"Alerts off" (the comparison's other arm) leaves this installer out: no alert is sent and nobody reacts to one,
so workers find jobs only on their own daily radar look. The tiers are still planned when a job is posted (the
alerts package's subscriber does that in the posting's transaction), they are just never sent.
"""

from __future__ import annotations

import functools
import random
from datetime import datetime, timedelta
from typing import Any

from market.alerts.sending import send_due_alerts
from market.alerts.tables import AlertSettings, AlertState, JobAlert
from market.core import clock
from market.core.database import write_transaction
from market.settings import get_settings
from market.simulation.context import Sim
from market.simulation.market_acts import worker_looks
from market.simulation.population import SimWorker

__all__ = ["install"]

_BATCH = 500


async def _opt_in(sim: Sim) -> None:
    """Write the chosen workers' alert settings in bulk (as the demo seed writes profiles): on, in-app, some with
    quiet hours 22:00–07:00, the default daily cap."""
    b, now, rows = sim.behaviour, clock.now(), []
    choice = random.Random(f"{sim.seed}:alerts")  # noqa: S311 (its own stream: the other streams stay as they are)
    for worker in sim.city.workers:
        if choice.random() < b.alert_opt_in:
            quiet = ("22:00", "07:00") if choice.random() < b.alert_quiet_share else ("", "")
            rows.append(AlertSettings(worker=worker.user.id, enabled=True, by_app=True, by_sms=False,
                                      quiet_from=quiet[0], quiet_to=quiet[1], updated_at=now))
    for start in range(0, len(rows), _BATCH):
        async with write_transaction():
            await AlertSettings.insert(*rows[start:start + _BATCH])
    sim.counts["workers with alerts on"] = len(rows)


def _beats() -> list[timedelta]:
    """When a posted job's tiers are due (the production runner sends every 30 s: a minute after each is close)."""
    settings = get_settings()
    return sorted({timedelta(minutes=m + 1) for m in (0, settings.alert_ranked_after_min,
                                                      settings.alert_nearby_after_min)})


class _Alerts:
    """One run's alert state: the alerts already handed to their workers."""

    def __init__(self) -> None:
        """Nothing seen yet."""
        self.seen: set[int] = set()

    async def posted(self, sim: Sim, facts: dict[str, Any]) -> None:
        """A job was posted: run the alert pass when each of its tiers falls due."""
        for beat in _beats():
            sim.later(beat, functools.partial(self.send, sim))

    async def send(self, sim: Sim) -> None:
        """The background pass, then the workers' reactions to what it sent."""
        await send_due_alerts(sim.matching)
        await self.react(sim, {"at": clock.now()})

    async def react(self, sim: Sim, facts: dict[str, Any]) -> None:
        """Each alert sent just now (in id order): the worker opens it with `alert_opens`, some minutes later."""
        at: datetime = facts["at"]
        rows = await JobAlert.select(JobAlert.id, JobAlert.job, JobAlert.worker).where(
            (JobAlert.state == AlertState.sent) & (JobAlert.sent_at == at)).order_by(JobAlert.id)
        for row in rows:
            if row["id"] in self.seen:
                continue
            self.seen.add(row["id"])
            sim.counts["alerts sent"] += 1
            if sim.rng.random() < sim.behaviour.alert_opens:
                worker = sim.workers_by_id[row["worker"]]
                sim.later(sim.between(sim.behaviour.alert_open_delay),
                          functools.partial(self.open, sim, worker, row["job"]))

    @staticmethod
    async def open(sim: Sim, worker: SimWorker, job_id: int) -> None:
        """The worker opens the alert: the radar, the alerted job considered first."""
        sim.counts["alerts opened"] += 1
        await worker_looks(sim, worker, first=job_id)


def install(sim: Sim) -> None:
    """Opt workers in before the first day, send alerts as their tiers fall due (and every scan, for those held
    by quiet hours), and let alerted workers react."""
    alerts = _Alerts()
    sim.later(timedelta(0), functools.partial(_opt_in, sim))
    sim.background.append("send_job_alerts")
    sim.on("job_posted", alerts.posted)
    sim.on("background_ran", alerts.react)
