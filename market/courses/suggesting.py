"""Course suggestions, planned and sent: one idempotent background pass (`run_suggestions`) records the last ended
week's figures, plans a suggestion for each worker one step from a short trade near them, and sends what is due.

Planning: a worker is considered when they have a home and trades, are active, have not opted out, and had no
suggestion (planned or sent) in the last `course_suggestion_gap_days`. Their districts are those of the open
stations within their travel range (`max_distance_km`), as the 求人倍率 counts them; `rule.best_step` picks the
short trade; the course is the nearest listed one of that trade that has not started, is not withdrawn, has seats
and lies within the same range. No such course: no suggestion (the worker is considered again next pass).

Sending: each waiting suggestion in its own transaction, re-checked under its row's lock (opted out since, another
sent within the window, course withdrawn or begun: skipped with the reason). A failure is retried with back-off
(1, 2, 4 … minutes, at most an hour) up to `MAX_ATTEMPTS` and never holds up the others.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from piccolo.engine.postgres import PostgresEngine

from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import current_engine, lock_rows_for_update, write_transaction
from market.core.events import record
from market.core.geo import distance_km
from market.courses.events import CourseSuggested
from market.courses.rule import Held, Step, best_step
from market.courses.tables import Course, CourseSuggestion, SuggestionOptOut, SuggestionState
from market.courses.weeks import market_today, record_week, short_trades
from market.settings import get_settings
from market.stations.tables import Station
from market.stats.sites import trade_of
from market.workers.tables import WorkerProfile
from matching.taxonomy import load_taxonomy

__all__ = ["BATCH", "MAX_ATTEMPTS", "plan_suggestions", "reached_districts", "run_suggestions",
           "send_due_suggestions"]

log = logging.getLogger(__name__)

BATCH = 200
"""Suggestions sent per pass at most; the next pass takes the rest."""
MAX_ATTEMPTS = 6
"""A suggestion whose sending fails this many times is given up (skipped, reason `failed`)."""
_PLAN_LOCK = 7_141_401  # PostgreSQL advisory lock: one planner at a time (SQLite's writer lock does it there)
_COUNTED = [SuggestionState.waiting, SuggestionState.sent]


@dataclass(frozen=True)
class _Plan:
    worker_id: int
    step: Step
    course_id: int
    distance_km: float


def _window_start(now: datetime) -> datetime:
    return now - timedelta(days=get_settings().course_suggestion_gap_days)


async def _workers_to_consider(now: datetime) -> list[dict[str, Any]]:
    recent = {r["worker"] for r in await CourseSuggestion.select(CourseSuggestion.worker).where(
        CourseSuggestion.state.is_in(_COUNTED) & (CourseSuggestion.created_at >= _window_start(now)))}
    out = {r["worker"] for r in await SuggestionOptOut.select(SuggestionOptOut.worker)}
    active = {r["id"] for r in await User.select(User.id).where((User.role == Role.worker) & (User.is_active == True))}  # noqa: E712
    rows = await WorkerProfile.select(WorkerProfile.user, WorkerProfile.skills, WorkerProfile.lat, WorkerProfile.lon,
                                      WorkerProfile.max_distance_km).where(WorkerProfile.lat.is_not_null()).output(
        load_json=True)
    return [r for r in rows if r["skills"] and r["user"] in active and r["user"] not in recent | out]


def _held(skills: list[Any]) -> list[Held]:
    found = []
    for skill in skills:
        name, certified = (skill.get("name", ""), bool(skill.get("certified"))) if isinstance(skill, dict) else (
            str(skill), False)
        code = trade_of(str(name))
        if code:
            found.append(Held(code, certified))
    return found


async def _open_courses(today: date) -> dict[str, list[dict[str, Any]]]:
    rows = await Course.select(Course.id, Course.trade, Course.lat, Course.lon).where(
        (Course.cancelled == False) & (Course.starts_on >= today) & (Course.seats > 0))  # noqa: E712
    by_trade: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_trade[row["trade"]].append(row)
    return by_trade


def _nearest(courses: list[dict[str, Any]], lat: float, lon: float, reach_km: float) -> tuple[int, float] | None:
    near = sorted((distance_km(lat, lon, c["lat"], c["lon"]), c["id"]) for c in courses)
    return (near[0][1], round(near[0][0], 1)) if near and near[0][0] <= reach_km else None


def reached_districts(stations: list[dict[str, Any]], lat: float, lon: float, reach_km: float) -> list[str]:
    """The districts of the open stations (`district`, `lat`, `lon`) within `reach_km` of a home, nearest station
    first."""
    near = sorted((distance_km(lat, lon, s["lat"], s["lon"]), s["district"]) for s in stations)
    return list(dict.fromkeys(district for away, district in near if away <= reach_km))


async def _plans(today: date, now: datetime) -> list[_Plan]:
    shortages = await short_trades(today)
    if not shortages:
        return []
    courses = await _open_courses(today)
    stations = await Station.select(Station.district, Station.lat, Station.lon).where(Station.closed_at.is_null())
    taxonomy = load_taxonomy()
    plans = []
    for worker in await _workers_to_consider(now):
        reach = float(worker["max_distance_km"])
        districts = reached_districts(stations, worker["lat"], worker["lon"], reach)
        step = best_step(_held(worker["skills"]), shortages, districts, taxonomy)
        if step is None:
            continue
        course = _nearest(courses.get(step.shortage.trade, []), worker["lat"], worker["lon"], reach)
        if course is not None:
            plans.append(_Plan(worker["user"], step, course[0], course[1]))
    return plans


async def plan_suggestions(today: date | None = None) -> int:
    """Plan a suggestion for every worker the rule picks (see the module); how many were planned. Planning twice
    plans once: a worker with a suggestion in the window is not considered again."""
    now, today = clock.now(), today or market_today()
    plans = await _plans(today, now)
    if not plans:
        return 0
    async with write_transaction():
        if isinstance(current_engine(), PostgresEngine):
            await CourseSuggestion.raw("SELECT pg_advisory_xact_lock({})", _PLAN_LOCK)
        taken = {r["worker"] for r in await CourseSuggestion.select(CourseSuggestion.worker).where(
            CourseSuggestion.state.is_in(_COUNTED) & (CourseSuggestion.created_at >= _window_start(now)))}
        rows = [CourseSuggestion(worker=p.worker_id, course=p.course_id, trade=p.step.shortage.trade,
                                 district=p.step.shortage.district, reason=p.step.reason, from_trade=p.step.from_trade,
                                 ratio=p.step.shortage.latest.ratio, places_wanted=p.step.shortage.latest.places_wanted,
                                 workers=p.step.shortage.latest.workers, week=p.step.shortage.latest.week,
                                 distance_km=p.distance_km, next_attempt_at=now, created_at=now)
                for p in plans if p.worker_id not in taken]
        if rows:
            await CourseSuggestion.insert(*rows)
    return len(rows)


async def _skip(suggestion_id: int, reason: str) -> int:
    await CourseSuggestion.update({CourseSuggestion.state: SuggestionState.skipped,
                                   CourseSuggestion.skip_reason: reason}).where(CourseSuggestion.id == suggestion_id)
    return 0


async def _why_not(row: dict[str, Any], now: datetime) -> str | None:
    if await SuggestionOptOut.exists().where(SuggestionOptOut.worker == row["worker"]):
        return "opted_out"
    if await CourseSuggestion.exists().where(
            (CourseSuggestion.worker == row["worker"]) & (CourseSuggestion.state == SuggestionState.sent)
            & (CourseSuggestion.sent_at >= _window_start(now)) & (CourseSuggestion.id != row["id"])):
        return "window"
    course = await Course.select().where(Course.id == row["course"]).first()
    if course is None or course["cancelled"] or course["starts_on"] < market_today():
        return "course_gone"
    return None


async def _send(suggestion_id: int, now: datetime) -> int:
    async with write_transaction():
        await lock_rows_for_update(CourseSuggestion, CourseSuggestion.id == suggestion_id)
        row = await CourseSuggestion.select().where(CourseSuggestion.id == suggestion_id).first()
        if row is None or row["state"] != SuggestionState.waiting:
            return 0
        if (reason := await _why_not(row, now)) is not None:
            return await _skip(suggestion_id, reason)
        course = await Course.select().where(Course.id == row["course"]).first()
        assert course is not None
        await CourseSuggestion.update({CourseSuggestion.state: SuggestionState.sent, CourseSuggestion.sent_at: now,
                                       CourseSuggestion.attempts: row["attempts"] + 1}).where(
            CourseSuggestion.id == suggestion_id)
        taxonomy = load_taxonomy()
        zh, en = (taxonomy.get(row["trade"]).zh, taxonomy.get(row["trade"]).en) if row["trade"] in taxonomy.index \
            else (row["trade"], row["trade"])
        record(CourseSuggested(suggestion_id=suggestion_id, worker_id=row["worker"], course_id=course["id"],
                               trade_zh=zh, trade_en=en,
                               ratio=row["ratio"], title=course["name"], provider=course["provider"],
                               starts_on=course["starts_on"], address=course["address"],
                               subsidy_fen=course["subsidy_fen"]))
        return 1


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


async def _failed(suggestion_id: int, error: Exception, now: datetime) -> None:
    row = await CourseSuggestion.select(CourseSuggestion.attempts).where(CourseSuggestion.id == suggestion_id).first()
    attempts = (row["attempts"] if row else 0) + 1
    changes: dict[Any, Any] = {CourseSuggestion.attempts: attempts, CourseSuggestion.last_error: repr(error)[:500],
                               CourseSuggestion.next_attempt_at: now + _backoff(attempts)}
    if attempts >= MAX_ATTEMPTS:
        changes |= {CourseSuggestion.state: SuggestionState.skipped, CourseSuggestion.skip_reason: "failed"}
    async with write_transaction():
        await CourseSuggestion.update(changes).where(CourseSuggestion.id == suggestion_id)


async def send_due_suggestions() -> int:
    """Send the waiting suggestions that are due; how many were sent. One bad item is retried later, the rest go on."""
    now = clock.now()
    due = await CourseSuggestion.select(CourseSuggestion.id).where(
        (CourseSuggestion.state == SuggestionState.waiting) & (CourseSuggestion.next_attempt_at <= now)).order_by(
        CourseSuggestion.next_attempt_at).limit(BATCH)
    sent = 0
    for item in due:
        try:
            sent += await _send(item["id"], now)
        except Exception as exc:  # one bad suggestion must not stop the others
            log.exception("course suggestion %s failed", item["id"])
            await _failed(item["id"], exc, now)
    return sent


async def run_suggestions() -> int:
    """The background pass: record the last ended week (once), plan, send; how many were sent. A failing step is
    logged and the next still runs."""
    for step in (record_week, plan_suggestions):
        try:
            await step()
        except Exception:  # the figures or the planning failing must not stop sending what is already planned
            log.exception("course suggestions: %s failed", step.__name__)
    return await send_due_suggestions()
