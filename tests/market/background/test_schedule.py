"""The in-process runner and the arq worker are built from one schedule: same jobs, same periods, same start-up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from arq.cron import next_cron

from market.background import jobs, worker
from market.background.jobs import JOBS
from market.background.runner import InProcessRunner
from market.background.schedule import SCHEDULE, Scheduled
from market.background.worker import WorkerSettings
from market.ranking.state import LiveMatching, live_matching
from market.settings import reset_settings


def fire_times(job, count: int) -> list[datetime]:
    """The next `count` times arq would fire cron `job`, from a moment just before an hour starts."""
    at, times = datetime(2026, 12, 1, 7, 59, 59, tzinfo=UTC), []
    for _ in range(count):
        at = next_cron(at, minute=job.minute, second=job.second, microsecond=job.microsecond)
        times.append(at)
    return times


def test_every_job_is_scheduled_once_and_the_worker_knows_them_all():
    assert sorted(entry.name for entry in SCHEDULE) == sorted(JOBS)
    assert {function.__name__ for function in WorkerSettings.functions} == set(JOBS)


def test_the_in_process_runner_runs_each_job_on_the_schedules_period():
    assert InProcessRunner().periods == {entry.name: entry.period_s for entry in SCHEDULE}


@pytest.mark.parametrize("entry", SCHEDULE, ids=lambda entry: entry.name)
def test_the_worker_fires_each_job_every_period_of_the_schedule(entry):
    (job,) = [job for job in WorkerSettings.cron_jobs if job.coroutine is entry.function]
    times = fire_times(job, 3600 // entry.period_s + 1)  # an hour's worth, and into the next
    gaps = {later - earlier for earlier, later in pairwise(times)}
    assert gaps == {timedelta(seconds=entry.period_s)}
    assert (times[0] - times[0].replace(minute=0, second=0, microsecond=0)).seconds % entry.period_s == (
        entry.offset_s)
    assert (job.run_at_startup, job.unique) == (entry.run_at_startup, entry.unique)


async def test_the_runner_starts_only_the_jobs_marked_to_run_at_start_up(monkeypatch):
    ran: list[str] = []

    async def record(name: str) -> int:
        ran.append(name)
        return 0

    schedule = [Scheduled("dispatch_outbox", period_s=5, run_at_startup=True), Scheduled("scan_notices", period_s=30)]
    for name in JOBS:
        monkeypatch.setitem(JOBS, name, lambda ctx, name=name: record(name))
    runner = InProcessRunner(schedule)
    await runner.run_due()
    assert ran == ["dispatch_outbox"]
    runner.nudge("scan_notices")
    await runner.run_due()
    assert ran == ["dispatch_outbox", "scan_notices"]


@pytest.mark.parametrize(("period_s", "offset_s"), [(7, 0), (90, 0), (420, 0), (30, 30), (0, 0)])
def test_a_period_arq_cannot_beat_evenly_is_refused(period_s, offset_s):
    with pytest.raises(ValueError, match="dispatch_outbox"):
        Scheduled("dispatch_outbox", period_s=period_s, offset_s=offset_s)


def test_an_unknown_job_is_refused():
    with pytest.raises(ValueError, match="not a job"):
        Scheduled("send_postcards", period_s=60)


@pytest.fixture
def without_redis(monkeypatch):
    """The embedded default for this test, whatever Redis the suite runs with."""
    monkeypatch.delenv("LINGGONG_REDIS_URL", raising=False)
    reset_settings()
    yield
    monkeypatch.undo()
    reset_settings()


async def test_the_app_makes_its_runner_and_enqueues_nudge_it_only_while_the_app_runs(without_redis):
    from market.app import create_app
    from market.background import queue

    app = create_app()
    runner = app.state.runner
    assert isinstance(runner, InProcessRunner)
    assert queue.current_runner() is None
    assert await queue.enqueue("dispatch_outbox") is False, "nothing runs the jobs before the app starts"
    async with app.lifespan():
        assert queue.current_runner() is runner
        assert await queue.enqueue("dispatch_outbox") is True
        assert runner.context["matching"] is live_matching(app.state), "the alert tiers rank in the app's index"
    assert queue.current_runner() is None


async def test_the_worker_gives_its_jobs_a_live_matching_state_of_its_own(monkeypatch):
    seen = []

    async def sends(matching=None):
        seen.append(matching)
        return 0

    monkeypatch.setattr(jobs, "send_due_alerts", sends)
    ctx: dict = {}
    await worker.startup(ctx)
    try:
        assert isinstance(ctx["matching"], LiveMatching)
        await JOBS["send_job_alerts"](ctx)
        await JOBS["send_job_alerts"]({})
    finally:
        await worker.shutdown(ctx)
    assert seen == [ctx["matching"], None], "with no state in the context the tiers load the workers near the job"


async def test_with_redis_the_app_runs_no_jobs_itself(redis):
    from market.app import create_app

    assert create_app().state.runner is None
