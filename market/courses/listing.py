"""Courses: listed by station staff (for their station) and admins (for any, or none), read by everyone signed in.

A worker's list is sorted by distance from their home; everyone else's by start. Past courses (ended before today)
and withdrawn ones (`cancelled`) leave the list unless asked for (`upcoming=false`). Every create and change is
recorded as `CourseSaved`; the back office logs an admin's in its admin log.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec

from market.accounts import policy
from market.accounts.policy import Caller
from market.accounts.tables import Role
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import FieldProblem, Forbidden, Invalid, NotFound
from market.core.events import record
from market.core.geo import distance_km
from market.core.schemas import Page
from market.courses.events import CourseSaved
from market.courses.schemas import CourseCreate, CourseOut, CoursePatch
from market.courses.tables import Course
from market.courses.weeks import market_today
from market.places.consistency import check_location
from market.stations.services import station_of_staff
from market.stations.tables import Station
from market.workers.tables import WorkerProfile
from matching.resolve import resolve_skill
from matching.taxonomy import load_taxonomy

__all__ = ["change_course", "course_out", "create_course", "get_course", "list_courses", "trade_code"]


def trade_code(text: str, field: str = "trade") -> str:
    """The taxonomy code `text` names exactly (a code, or one of a trade's names); 400 `trade_unknown` otherwise."""
    taxonomy = load_taxonomy()
    if text in taxonomy.index:
        return text
    found = resolve_skill(text)
    if found.code is None or found.method != "exact":
        raise Invalid.field(field, "trade_unknown")
    return found.code


def _trade_names(code: str) -> tuple[str, str]:
    taxonomy = load_taxonomy()
    if code not in taxonomy.index:
        return code, code
    trade = taxonomy.get(code)
    return trade.zh, trade.en


async def _station_names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = await Station.select(Station.id, Station.name).where(Station.id.is_in(list(ids)))
    return {r["id"]: r["name"] for r in rows}


def course_out(row: dict[str, Any], *, editable: bool, station_name: str = "",
               home: tuple[float, float] | None = None) -> CourseOut:
    """A course row as the API shows it; `home` gives the distance to it."""
    zh, en = _trade_names(row["trade"])
    away = round(distance_km(home[0], home[1], row["lat"], row["lon"]), 1) if home else None
    return CourseOut(id=row["id"], trade=row["trade"], trade_zh=zh, trade_en=en, name=row["name"],
                     provider=row["provider"], starts_on=row["starts_on"], ends_on=row["ends_on"],
                     address=row["address"], lat=row["lat"], lon=row["lon"], seats=row["seats"],
                     subsidy_fen=row["subsidy_fen"], phone=row["phone"], station_id=row["station"],
                     station_name=station_name, cancelled=row["cancelled"], distance_km=away, editable=editable,
                     updated_at=row["updated_at"])


async def _home_of(caller: Caller) -> tuple[float, float] | None:
    if caller.role != Role.worker:
        return None
    row = await WorkerProfile.select(WorkerProfile.lat, WorkerProfile.lon).where(
        WorkerProfile.user == caller.id).first()
    return (row["lat"], row["lon"]) if row and row["lat"] is not None and row["lon"] is not None else None


def _may_edit(caller: Caller, station_id: int | None, own: int | None) -> bool:
    try:
        policy.edit_course(caller, station_id, own)
    except Forbidden:
        return False
    return True


async def _own_station(caller: Caller) -> int | None:
    return await station_of_staff(caller.id) if policy.is_staff(caller) else None


async def list_courses(caller: Caller, *, trade: str | None, station_id: int | None, upcoming: bool, limit: int,
                       offset: int) -> Page[CourseOut]:
    """Courses, nearest first for a worker with a home, else by start (then name)."""
    condition: Any = Course.id > 0
    if trade:
        condition &= Course.trade == trade_code(trade)
    if station_id is not None:
        condition &= Course.station == station_id
    if upcoming:
        condition &= (Course.ends_on >= market_today()) & (Course.cancelled == False)  # noqa: E712
    rows = await Course.select().where(condition).order_by(Course.starts_on).order_by(Course.name)
    home, own = await _home_of(caller), await _own_station(caller)
    names = await _station_names({r["station"] for r in rows if r["station"] is not None})
    items = [course_out(r, editable=_may_edit(caller, r["station"], own), station_name=names.get(r["station"], ""),
                        home=home) for r in rows]
    if home is not None:
        items.sort(key=lambda c: (c.distance_km or 0.0, c.starts_on))
    return Page(items=items[offset:offset + limit], total=len(items), limit=limit, offset=offset)


async def get_course(caller: Caller, course_id: int) -> CourseOut:
    """One course; 404 `course_not_found`."""
    row = await Course.select().where(Course.id == course_id).first()
    if row is None:
        raise NotFound("course_not_found")
    names = await _station_names({row["station"]} if row["station"] else set())
    return course_out(row, editable=_may_edit(caller, row["station"], await _own_station(caller)),
                      station_name=names.get(row["station"], ""), home=await _home_of(caller))


def _date_problems(starts_on: date, ends_on: date, *, new: bool) -> list[FieldProblem]:
    problems = []
    if new and starts_on < market_today():
        problems.append(FieldProblem("starts_on", "course_starts_in_past"))
    if ends_on < starts_on:
        problems.append(FieldProblem("ends_on", "course_ends_before_start"))
    return problems


def _trade_problems(text: str) -> list[FieldProblem]:
    try:
        trade_code(text)
    except Invalid as error:
        return error.fields
    return []


def _refuse(problems: list[FieldProblem]) -> None:
    if problems:
        raise Invalid("validation_failed", problems)


async def create_course(caller: Caller, data: CourseCreate) -> CourseOut:
    """List a new course (staff: under their station; admins: any or none); recorded as `CourseSaved`."""
    station = policy.course_station(caller, data.station_id, await _own_station(caller))
    problems = _trade_problems(data.trade) + _date_problems(data.starts_on, data.ends_on, new=True)
    if station is not None and not await Station.exists().where(Station.id == station):
        problems.append(FieldProblem("station_id", "course_station_unknown"))
    _refuse(problems)
    code = trade_code(data.trade)
    place = data.location
    await check_location(place.lat, place.lon, place.address, confirmed=place.confirm_far_position)
    now = clock.now()
    course = Course(trade=code, name=data.name.strip(), provider=data.provider.strip(), starts_on=data.starts_on,
                    ends_on=data.ends_on, address=place.address.strip(), lat=place.lat, lon=place.lon,
                    seats=data.seats, subsidy_fen=data.subsidy_fen, phone=data.phone.strip(), station=station,
                    created_by=caller.id, created_at=now, updated_at=now)
    async with write_transaction():
        await course.save()
        record(CourseSaved(course_id=course.id, actor_id=caller.id, actor_role=caller.role, kind="created",
                           title=course.name, station_id=station))
    return await get_course(caller, course.id)


_PLAIN = ("name", "provider", "starts_on", "ends_on", "seats", "subsidy_fen", "phone", "cancelled")


async def change_course(caller: Caller, course_id: int, data: CoursePatch) -> CourseOut:
    """Apply the fields present (staff of the course's station, or an admin: 403 `course_other_station`
    otherwise); recorded as `CourseSaved` naming the fields."""
    row = await Course.select().where(Course.id == course_id).first()
    if row is None:
        raise NotFound("course_not_found")
    policy.edit_course(caller, row["station"], await _own_station(caller))
    columns: dict[Any, Any] = {}
    for name in _PLAIN:
        value = getattr(data, name)
        if value is not msgspec.UNSET:
            columns[getattr(Course, name)] = value.strip() if isinstance(value, str) else value
    if not isinstance(data.trade, msgspec.UnsetType):
        columns[Course.trade] = trade_code(data.trade)
    if not isinstance(data.location, msgspec.UnsetType):
        place = data.location
        await check_location(place.lat, place.lon, place.address, confirmed=place.confirm_far_position)
        columns |= {Course.address: place.address.strip(), Course.lat: place.lat, Course.lon: place.lon}
    if not columns:
        raise Invalid.field("body", "nothing_to_change")
    starts = columns[Course.starts_on] if Course.starts_on in columns else row["starts_on"]
    ends = columns[Course.ends_on] if Course.ends_on in columns else row["ends_on"]
    _refuse(_date_problems(starts, ends, new=Course.starts_on in columns and starts != row["starts_on"]))
    fields = tuple(sorted(column._meta.name for column in columns))
    columns[Course.updated_at] = clock.now()
    async with write_transaction():
        await Course.update(columns).where(Course.id == course_id)
        record(CourseSaved(course_id=course_id, actor_id=caller.id, actor_role=caller.role, kind="changed",
                           title=str(columns.get(Course.name, row["name"])), station_id=row["station"], fields=fields))
    return await get_course(caller, course_id)
