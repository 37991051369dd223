"""The demo city's training courses and a short trade, so the demo worker (13800000001) sees a suggestion at once.

Written directly (no deals run): three upcoming courses at the demo stations, the weekly 求人倍率 of the last
`course_short_weeks` weeks on record (砌筑工 short in every district; 保洁员 plentiful), and the demo worker's
suggestion, sent through the suggestions' own sending pass. The figures are seeded, not counted: the city's real
weeks are recorded by the background pass from then on (docs/courses.md).
"""

from __future__ import annotations

from datetime import timedelta

from market.accounts.tables import User
from market.core import clock
from market.core.database import write_transaction
from market.core.geo import distance_km
from market.courses.rule import Held, best_step, monday_of
from market.courses.suggesting import reached_districts, send_due_suggestions
from market.courses.tables import Course, CourseSuggestion, TradeWeek
from market.courses.weeks import market_today, short_trades, week_slot
from market.demo.city_logins import DEMO_STAFF, DEMO_WORKER
from market.settings import get_settings
from market.stations.tables import Station
from market.stats.sites import trade_of
from matching.taxonomy import load_taxonomy

__all__ = ["DEMO_SHORT_TRADE", "seed_courses"]

DEMO_SHORT_TRADE = "bricklayer"
"""砌筑工: next to the demo worker's 泥瓦工 in the taxonomy (0.7)."""
_WEEKS = {"bricklayer": [(36, 15), (40, 16), (38, 15)], "cleaner": [(9, 24), (11, 25), (10, 24)]}
"""Places wanted and workers per seeded week, newest first: 砌筑工 2.4–2.5 places per worker, 保洁员 about 0.4."""
_COURSES = (  # trade, name, provider, starts in days, lasts days, seats, subsidy in yuan
    ("bricklayer", "砌筑工职业技能培训（初级）", "漳州市职业技能培训中心", 9, 10, 30, 1200),
    ("electrician", "低压电工作业特种作业操作证培训", "漳州市安全生产培训学校", 14, 7, 40, 800),
    ("forklift", "叉车司机（N1）上岗证培训", "漳州市特种设备作业培训站", 20, 5, 20, 600),
)


async def _weeks(districts: list[str]) -> list[TradeWeek]:
    this_monday = monday_of(market_today())
    rows = []
    for trade, weeks in _WEEKS.items():
        for back, (places, workers) in enumerate(weeks[:get_settings().course_short_weeks], start=1):
            monday = this_monday - timedelta(weeks=back)
            rows += [TradeWeek(week=monday, trade=trade, district=district, places_wanted=places, workers=workers,
                               ratio=round(places / workers, 2), slot=week_slot(monday, trade, district),
                               recorded_at=clock.now()) for district in districts]
    return rows


async def seed_courses() -> int:
    """Write the demo's courses, weeks and the demo worker's suggestion; how many courses (none when the demo
    stations are missing). A second seed adds nothing."""
    staff_station = await Station.select().where(Station.name == DEMO_STAFF.station_name).first()
    if staff_station is None or await Course.exists():
        return 0
    districts = sorted({r["district"] for r in await Station.select(Station.district)})
    today, now = market_today(), clock.now()
    courses = [Course(trade=trade, name=name, provider=provider, starts_on=today + timedelta(days=start),
                      ends_on=today + timedelta(days=start + days), address=staff_station["address"],
                      lat=staff_station["lat"], lon=staff_station["lon"], seats=seats, subsidy_fen=yuan * 100,
                      phone=staff_station["phone"], station=staff_station["id"], created_at=now, updated_at=now)
               for trade, name, provider, start, days, seats, yuan in _COURSES]
    worker = await User.select(User.id).where(User.phone == DEMO_WORKER.phone).first()
    async with write_transaction():
        made = await Course.insert(*courses).returning(Course.id, Course.trade)
        await TradeWeek.insert(*await _weeks(districts)).on_conflict(target=TradeWeek.slot, action="DO NOTHING")
    if worker is not None:
        away = distance_km(DEMO_WORKER.home.lat, DEMO_WORKER.home.lon, staff_station["lat"], staff_station["lon"])
        await _suggest_to_demo_worker(worker["id"], {r["trade"]: r["id"] for r in made}, districts, round(away, 1))
    return len(made)


async def _suggest_to_demo_worker(worker_id: int, course_of: dict[str, int], districts: list[str],
                                  away_km: float) -> None:
    """The demo worker's suggestion, planned by the rule and sent by the sending pass (only theirs: the rest of
    the city is planned by the background pass, so the seed stays quick)."""
    held = [Held(trade_of(s.name), s.certified) for s in DEMO_WORKER.skills]
    stations = await Station.select(Station.district, Station.lat, Station.lon).where(Station.closed_at.is_null())
    near = reached_districts(stations, DEMO_WORKER.home.lat, DEMO_WORKER.home.lon, DEMO_WORKER.max_distance_km)
    step = best_step(held, await short_trades(), near or districts, load_taxonomy())
    if step is None or step.shortage.trade not in course_of:
        return
    latest = step.shortage.latest
    async with write_transaction():
        await CourseSuggestion.insert(CourseSuggestion(
            worker=worker_id, course=course_of[step.shortage.trade], trade=step.shortage.trade,
            district=step.shortage.district, reason=step.reason, from_trade=step.from_trade, ratio=latest.ratio,
            places_wanted=latest.places_wanted, workers=latest.workers, week=latest.week, distance_km=away_km,
            next_attempt_at=clock.now(), created_at=clock.now()))
    await send_due_suggestions()
