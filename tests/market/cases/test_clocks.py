"""Each state's clock runs in working time (official calendar, make-up days, corrections); the scan reminds,
marks overdue and escalates once, and hands an unanswered follow-up to staff."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from market.cases import clocks
from market.cases.scan import scan_cases
from market.cases.tables import CaseEvent
from market.core import clock
from market.core.workdays import is_working_day
from market.notifications.tables import OutboxMessage

ZONE = ZoneInfo("Asia/Shanghai")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def test_one_working_day_from_friday_is_monday_and_a_make_up_saturday_counts():
    friday = date(2026, 11, 27)
    assert clocks.after_working_time(_at(friday, 10), 86400, {}) == _at(date(2026, 11, 30), 10)
    # 2026-10-10 is a Saturday worked to make up for the National Day holiday (调休)
    assert clocks.after_working_time(_at(date(2026, 10, 9), 10), 86400, {}) == _at(date(2026, 10, 10), 10)
    corrected = {date(2026, 11, 30): False}  # the back office marks that Monday off
    assert clocks.after_working_time(_at(friday, 10), 86400, corrected) == _at(date(2026, 12, 1), 10)
    assert clocks.working_seconds(_at(friday, 10), _at(date(2026, 11, 30), 10), {}) == 86400


def test_the_reminder_comes_at_the_set_share_of_the_working_time():
    found = clocks.deadline("handling", _at(date(2026, 11, 23), 9), {})  # a Monday; five working days
    assert found is not None
    assert found.working_days == 5
    assert found.due_at == _at(date(2026, 11, 30), 9)
    assert found.remind_at == _at(date(2026, 11, 26), 9)  # 60 % of 5 days: 3 working days in
    assert clocks.deadline("archived", _at(date(2026, 11, 23), 9), {}) is None


def _next_friday_with_working_monday(after: datetime) -> date:
    day = (after + timedelta(days=3)).astimezone(ZONE).date()
    while not (day.weekday() == 4 and is_working_day(day) and is_working_day(day + timedelta(days=3))
               and not is_working_day(day + timedelta(days=1)) and not is_working_day(day + timedelta(days=2))):
        day += timedelta(days=1)
    return day


async def _kinds(case_id):
    return [r["kind"] for r in await CaseEvent.select(CaseEvent.kind).where(CaseEvent.case == case_id).order_by(
        CaseEvent.seq)]


async def _told(event):
    return sorted(m["recipient"] for m in await OutboxMessage.select(OutboxMessage.recipient).where(
        OutboxMessage.event == event))


async def test_an_unassigned_case_is_reminded_then_overdue_and_escalated_once(cases, deal):
    friday = _next_friday_with_working_monday(clock.now())
    clock.freeze(_at(friday, 10))
    case = (await cases.complain(deal["orders"][0]["id"], deal["first"]))["case"]
    monday = friday + timedelta(days=3)
    assert datetime.fromisoformat(case["deadline"]["due_at"]) == _at(monday, 10)
    clock.freeze(_at(friday + timedelta(days=2), 12))  # the weekend: the clock stands still
    assert await scan_cases() == 0
    clock.freeze(_at(monday, 1))
    assert await scan_cases() == 1
    assert await _kinds(case["id"]) == ["filed", "reminded"]
    assert await _told("case_due_soon") == [deal["staff"]["id"]]  # no owner yet: the station's staff
    assert await scan_cases() == 0
    clock.freeze(_at(monday, 10))
    assert await scan_cases() == 1
    assert await _kinds(case["id"]) == ["filed", "reminded", "overdue", "escalated"]
    assert deal["supervisor"]["id"] in await _told("case_escalated")
    assert await scan_cases() == 0
    seen = await cases.get(case["id"], deal["supervisor"])
    assert seen["overdue"] is True
    assert seen["level"] == "supervisor"
    listed = (await cases.client.get("/api/cases?overdue=true", headers=deal["staff"]["headers"])).json()
    assert [c["id"] for c in listed["items"]] == [case["id"]]
    assigned = await cases.act(case["id"], "assign", deal["staff"], {"owner_id": deal["staff"]["id"]})
    assert assigned["overdue"] is False  # a new state, a new clock
    figures = (await cases.client.get("/api/cases/figures", headers=deal["staff"]["headers"])).json()
    assert figures["received"] == 1
    assert figures["closed"] == 0


async def test_a_follow_up_nobody_answers_goes_to_staff_to_phone(cases, deal):
    friday = _next_friday_with_working_monday(clock.now())
    clock.freeze(_at(friday, 10))
    case_id = (await cases.complain(deal["orders"][0]["id"], deal["first"]))["case"]["id"]
    await cases.act(case_id, "assign", deal["staff"], {"owner_id": deal["staff"]["id"]})
    await cases.act(case_id, "close", deal["staff"], {"outcome": "unfounded", "note": "已核实工资已付"})
    clock.shift(timedelta(days=14))
    assert await scan_cases() == 1
    seen = await cases.get(case_id, deal["staff"])
    assert seen["status"] == "follow_up"
    assert seen["deadline"]["state"] == "follow_up"
    assert deal["staff"]["id"] in await _told("case_due_soon")
    answered = await cases.act(case_id, "follow-up", deal["first"], {"resolved": True, "note": "确实付了"})
    assert answered["status"] == "archived"
