"""Tiered job alerts on the market clock: the pool hears first, the best-ranked after their head start, the rest
after theirs, nothing once the job fills; opted-in workers only, by their channels, within quiet hours and caps,
never twice; a failing tier is retried with back-off without holding up the others."""

from __future__ import annotations

from datetime import timedelta

import pytest

from market.alerts import sending
from market.alerts.sending import send_due_alerts
from market.alerts.tables import AlertTierPlan, JobAlert
from market.core import clock
from market.core.zone import local
from market.notifications.tables import Delivery, OutboxMessage
from market.settings import reset_settings
from tests.market.api.alert_helpers import alerts_on, mover, posted, worked_together


@pytest.fixture
def top_one(monkeypatch):
    """The ranked tier is the single best candidate (head starts 10 and 20 minutes, the defaults)."""
    monkeypatch.setenv("LINGGONG_ALERT_RANKED_TOP", "1")
    reset_settings()
    yield
    monkeypatch.delenv("LINGGONG_ALERT_RANKED_TOP")
    reset_settings()


async def _alerted(*workers) -> list[str]:
    """Which of the workers (by name) have a job alert in their inbox, in order of the alerts."""
    ids = {w["id"]: w["name"] for w in workers}
    rows = await OutboxMessage.select(OutboxMessage.recipient).where(
        (OutboxMessage.event == "job_alert") & OutboxMessage.recipient.is_in(list(ids))).order_by(OutboxMessage.id)
    return [ids[r["recipient"]] for r in rows]


async def _pool_member(client, market, employer, name):
    worker = await mover(client, market, name, km_north=3.0)
    await worked_together(client, market, employer, worker)
    added = await client.post("/api/employers/me/pool", headers=employer["headers"], json={"worker_id": worker["id"]})
    assert added.status_code == 201, added.text
    return {**worker, "name": name}


async def _named(client, market, name, km_north, years=3, **settings):
    worker = {**await mover(client, market, name, km_north, years), "name": name}
    if settings.get("enabled", True):
        await alerts_on(client, worker, **settings)
    return worker


async def test_the_pool_hears_first_the_ranked_after_ten_minutes_the_rest_after_twenty(client, market, top_one):
    clock.freeze(clock.now())
    employer = await market.user("employer")
    pool = await _pool_member(client, market, employer, "熟手")
    await alerts_on(client, pool)
    best = await _named(client, market, "最合适", 0.5, years=10)
    other = await _named(client, market, "其次", 6.0, years=1)
    silent = await _named(client, market, "没开提醒", 0.4, years=10, enabled=False)
    everyone = (pool, best, other, silent)
    job = await posted(market, employer, headcount=3)
    assert await send_due_alerts() == 1
    assert await _alerted(*everyone) == ["熟手"]
    clock.shift(timedelta(minutes=9, seconds=59))
    assert await send_due_alerts() == 0, "the ranked tier waits for its head start"
    clock.shift(timedelta(seconds=1))
    assert await send_due_alerts() == 1
    assert await _alerted(*everyone) == ["熟手", "最合适"]
    clock.shift(timedelta(minutes=9))
    assert await send_due_alerts() == 0
    clock.shift(timedelta(minutes=1))
    assert await send_due_alerts() == 1
    assert await _alerted(*everyone) == ["熟手", "最合适", "其次"]
    clock.shift(timedelta(hours=1))
    assert await send_due_alerts() == 0
    assert await _alerted(*everyone) == ["熟手", "最合适", "其次"], "no one hears of a job twice, the silent never"
    tiers = await AlertTierPlan.select(AlertTierPlan.tier, AlertTierPlan.outcome).where(
        AlertTierPlan.job == job["id"]).order_by(AlertTierPlan.due_at)
    assert [(t["tier"], t["outcome"]) for t in tiers] == [("pool", "sent"), ("ranked", "sent"), ("nearby", "sent")]
    inbox = await client.get("/api/notifications", headers=best["headers"])
    assert inbox.json()["items"][0]["link"] == f"/#/jobs/{job['id']}"


async def test_nothing_goes_out_after_the_job_fills(client, market, top_one):
    clock.freeze(clock.now())
    employer = await market.user("employer")
    pool = await _pool_member(client, market, employer, "熟手")
    await alerts_on(client, pool)
    best = await _named(client, market, "最合适", 0.5, years=10)
    other = await _named(client, market, "其次", 6.0, years=1)
    job = await posted(market, employer, headcount=1)
    assert await send_due_alerts() == 1
    assert (await market.accept(job["id"], pool)).status_code == 201  # the pool member takes the only place
    clock.shift(timedelta(minutes=30))
    assert await send_due_alerts() == 0
    assert await _alerted(pool, best, other) == ["熟手"]
    outcomes = {r["tier"]: r["outcome"] for r in await AlertTierPlan.select().where(AlertTierPlan.job == job["id"])}
    assert outcomes == {"pool": "sent", "ranked": "filled", "nearby": "filled"}


async def test_a_cancelled_job_stops_its_tiers_and_its_waiting_alerts(client, market):
    clock.freeze(clock.now())
    employer = await market.user("employer")
    night = await _named(client, market, "夜里不打扰", 1.0)
    job = await posted(market, employer)
    await client.post(f"/api/jobs/{job['id']}/cancel", headers=employer["headers"])
    clock.shift(timedelta(minutes=30))
    assert await send_due_alerts() == 0
    assert await _alerted(night) == []
    outcomes = {r["outcome"] for r in await AlertTierPlan.select().where(AlertTierPlan.job == job["id"])}
    assert outcomes == {"cancelled"}


async def test_quiet_hours_hold_an_alert_until_they_end(client, market):
    now = clock.now()
    here = local(now)
    start, end = here - timedelta(hours=1), here + timedelta(hours=2)
    clock.freeze(now)
    employer = await market.user("employer")
    sleeper = await _named(client, market, "在睡觉", 1.0, quiet_hours={"from": f"{start:%H:%M}",
                                                                       "to": f"{end:%H:%M}"})
    await posted(market, employer, start_in=timedelta(days=1))
    clock.shift(timedelta(minutes=25))
    assert await send_due_alerts() == 0
    assert await _alerted(sleeper) == []
    clock.shift(timedelta(hours=2))
    assert await send_due_alerts() == 1
    assert await _alerted(sleeper) == ["在睡觉"]


async def test_an_alert_is_skipped_when_the_job_starts_before_the_quiet_hours_end(client, market):
    now = clock.now()
    here = local(now)
    clock.freeze(now)
    employer = await market.user("employer")
    sleeper = await _named(client, market, "在睡觉", 1.0, quiet_hours={
        "from": f"{here - timedelta(hours=1):%H:%M}", "to": f"{here + timedelta(hours=5):%H:%M}"})
    await posted(market, employer, start_in=timedelta(hours=3))
    clock.shift(timedelta(minutes=25))
    assert await send_due_alerts() == 0
    clock.shift(timedelta(hours=6))
    assert await send_due_alerts() == 0
    (alert,) = await JobAlert.select(JobAlert.state, JobAlert.skip_reason).where(JobAlert.worker == sleeper["id"])
    assert alert == {"state": "skipped", "skip_reason": "quiet_hours"}


async def test_the_daily_cap_counts_per_worker_per_day_and_sms_goes_as_chosen(client, market):
    clock.freeze(clock.now())
    employer = await market.user("employer")
    texted = await _named(client, market, "要短信", 1.0, channels=["sms", "app"], daily_cap=2)
    for hour in range(3):
        await posted(market, employer, start_in=timedelta(days=1, hours=9 * hour))
    clock.shift(timedelta(minutes=25))
    assert await send_due_alerts() == 2
    assert await _alerted(texted) == ["要短信", "要短信"]
    sms = await Delivery.count().where((Delivery.channel == "sms")
                                       & (Delivery.message.event == "job_alert"))  # type: ignore[union-attr]
    assert sms == 2
    settings = await client.get("/api/workers/me/alerts", headers=texted["headers"])
    assert settings.json()["sent_today"] == 2
    assert settings.json()["daily_cap"] == 2
    skipped = await JobAlert.select(JobAlert.skip_reason).where(JobAlert.state == "skipped")
    assert skipped == [{"skip_reason": "daily_cap"}]


async def test_a_failing_tier_is_retried_with_back_off_and_holds_up_no_other(client, market, monkeypatch):
    clock.freeze(clock.now())
    employer = await market.user("employer")
    worker = await _named(client, market, "工人", 1.0)
    bad = await posted(market, employer)
    await posted(market, employer, start_in=timedelta(days=2))
    real = sending.tier_audience

    async def flaky(row, tier, matching=None):
        if row["id"] == bad["id"]:
            raise RuntimeError("the database hiccupped")
        return await real(row, tier, matching)

    monkeypatch.setattr(sending, "tier_audience", flaky)
    clock.shift(timedelta(minutes=10))
    assert await send_due_alerts() == 1, "the good job's ranked tier goes out regardless"
    (failed,) = await AlertTierPlan.select().where((AlertTierPlan.job == bad["id"]) & (AlertTierPlan.tier == "pool"))
    assert failed["attempts"] == 1
    assert "hiccupped" in failed["last_error"]
    assert failed["done_at"] is None
    assert failed["next_attempt_at"] == clock.now() + timedelta(minutes=1)
    monkeypatch.setattr(sending, "tier_audience", real)
    clock.shift(timedelta(minutes=1))
    assert await send_due_alerts() == 1, "retried, then its later tiers follow in order"
    assert await _alerted(worker) == ["工人", "工人"]


async def test_settings_are_off_until_the_worker_opts_in_and_bad_values_are_named(client, market):
    worker = await market.user("worker")
    mine = await client.get("/api/workers/me/alerts", headers=worker["headers"])
    assert mine.json() == {"enabled": False, "channels": ["app"], "quiet_hours": None, "daily_cap": 5,
                           "sent_today": 0}
    none = await client.put("/api/workers/me/alerts", headers={**worker["headers"], "Accept-Language": "en"},
                            json={"enabled": True, "channels": []})
    assert none.status_code == 400
    assert none.json()["fields"][0]["field"] == "channels"
    same = await client.put("/api/workers/me/alerts", headers=worker["headers"],
                            json={"quiet_hours": {"from": "22:00", "to": "22:00"}})
    assert same.status_code == 400
    assert same.json()["fields"][0]["field"] == "quiet_hours.to"
    bad = await client.put("/api/workers/me/alerts", headers=worker["headers"],
                           json={"quiet_hours": {"from": "25:00", "to": "07:00"}})
    assert bad.status_code == 400
    assert "quiet_hours.from" in bad.text
    saved = await client.put("/api/workers/me/alerts", headers=worker["headers"], json={
        "enabled": True, "channels": ["sms"], "quiet_hours": {"from": "22:00", "to": "07:00"}, "daily_cap": 3})
    assert saved.json() == {"enabled": True, "channels": ["sms"], "quiet_hours": {"from": "22:00", "to": "07:00"},
                            "daily_cap": 3, "sent_today": 0}
    assert (await client.get("/api/workers/me/alerts", headers=worker["headers"])).json() == saved.json()


async def test_a_failing_alert_among_its_jobs_others_is_retried_alone_and_the_others_go(client, market, monkeypatch):
    clock.freeze(clock.now())
    employer = await market.user("employer")
    good = await _named(client, market, "好的", 1.0)
    bad = await _named(client, market, "出错的", 2.0)
    other = await _named(client, market, "另一个", 3.0)
    await posted(market, employer, headcount=3)
    real = sending.channels_of

    def flaky(settings):
        if settings["worker"] == bad["id"]:
            raise RuntimeError("the settings hiccupped")
        return real(settings)

    monkeypatch.setattr(sending, "channels_of", flaky)
    clock.shift(timedelta(minutes=10))
    assert await send_due_alerts() == 2, "the job's alerts go in one transaction; that failing, each alone"
    assert sorted(await _alerted(good, bad, other)) == sorted(["好的", "另一个"])
    (failed,) = await JobAlert.select().where(JobAlert.worker == bad["id"])
    assert (failed["state"], failed["attempts"]) == ("waiting", 1)
    assert "hiccupped" in failed["last_error"]
    monkeypatch.setattr(sending, "channels_of", real)
    clock.shift(timedelta(minutes=1))
    assert await send_due_alerts() == 1
    assert await _alerted(bad) == ["出错的"]
