"""A worker's side of suggestions: the current ones with the number behind each, and opting out or back in.

Current means sent within the last `course_suggestion_gap_days`, the course neither withdrawn nor over. A worker
who opted out sees none (and is sent none); opting in again brings back what is still current.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from market.core import clock
from market.core.database import write_transaction
from market.courses.listing import course_out
from market.courses.schemas import SuggestionOut, Suggestions
from market.courses.tables import Course, CourseSuggestion, SuggestionOptOut, SuggestionState
from market.courses.weeks import market_today
from market.settings import get_settings
from market.stations.tables import Station
from market.workers.tables import WorkerProfile
from matching.taxonomy import load_taxonomy

__all__ = ["my_suggestions", "set_suggestions_enabled"]


def _names(code: str) -> tuple[str, str]:
    taxonomy = load_taxonomy()
    return (taxonomy.get(code).zh, taxonomy.get(code).en) if code in taxonomy.index else (code, code)




async def _out(row: dict[str, Any], course: dict[str, Any], station: str,
               home: tuple[float, float] | None) -> SuggestionOut:
    zh, en = _names(row["trade"])
    from_zh, from_en = _names(row["from_trade"])
    return SuggestionOut(id=row["id"], trade=row["trade"], trade_zh=zh, trade_en=en, reason=row["reason"],
                         from_trade=row["from_trade"], from_trade_zh=from_zh, from_trade_en=from_en,
                         district=row["district"], ratio=row["ratio"], places_wanted=row["places_wanted"],
                         workers=row["workers"], week=row["week"], distance_km=row["distance_km"],
                         sent_at=row["sent_at"], course=course_out(course, editable=False, station_name=station,
                                                                     home=home))


async def my_suggestions(worker_id: int, limit: int, offset: int) -> Suggestions:
    """The worker's current suggestions, newest first, and whether suggestions are on for them."""
    enabled = not await SuggestionOptOut.exists().where(SuggestionOptOut.worker == worker_id)
    if not enabled:
        return Suggestions(items=[], total=0, limit=limit, offset=offset, enabled=False)
    since = clock.now() - timedelta(days=get_settings().course_suggestion_gap_days)
    rows = await CourseSuggestion.select().where(
        (CourseSuggestion.worker == worker_id) & (CourseSuggestion.state == SuggestionState.sent)
        & (CourseSuggestion.sent_at >= since)).order_by(CourseSuggestion.sent_at, ascending=False)
    courses = {c["id"]: c for c in await Course.select().where(
        Course.id.is_in([r["course"] for r in rows] or [0]) & (Course.cancelled == False)  # noqa: E712
        & (Course.ends_on >= market_today()))}
    current = [r for r in rows if r["course"] in courses]
    stations = {s["id"]: s["name"] for s in await Station.select(Station.id, Station.name)}
    home_row = await WorkerProfile.select(WorkerProfile.lat, WorkerProfile.lon).where(
        WorkerProfile.user == worker_id).first()
    home = (home_row["lat"], home_row["lon"]) if home_row and home_row["lat"] is not None else None
    items = [await _out(r, courses[r["course"]], stations.get(courses[r["course"]]["station"], ""), home)
             for r in current[offset:offset + limit]]
    return Suggestions(items=items, total=len(current), limit=limit, offset=offset, enabled=True)


async def set_suggestions_enabled(worker_id: int, enabled: bool, limit: int = 20) -> Suggestions:
    """Opt out (`False`: no suggestion is sent or shown) or back in; the worker's suggestions after."""
    async with write_transaction():
        if enabled:
            await SuggestionOptOut.delete().where(SuggestionOptOut.worker == worker_id)
        else:
            await SuggestionOptOut.insert(SuggestionOptOut(worker=worker_id, at=clock.now())).on_conflict(
                target=SuggestionOptOut.worker, action="DO NOTHING")
    return await my_suggestions(worker_id, limit, 0)
