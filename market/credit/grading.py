"""Applying the rules: recompute an employer's grade, give notice before a fall to C or D, let the fall happen when
the response period ends, and carry out what a grade does (D bars posting and holds the open jobs)."""

from __future__ import annotations

import calendar
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from market.core import clock
from market.core.database import lock_rows_for_update, write_transaction
from market.core.events import record
from market.core.workdays import add_working_days
from market.core.zone import local
from market.credit.events import CreditFallNoticed, CreditGradeChanged
from market.credit.record import gather_record, thresholds
from market.credit.rules import Assessment, assess, is_fall
from market.credit.tables import CreditGradeChange, CreditNotice, CreditStanding, NoticeState
from market.employers.services import ensure_employer
from market.employers.tables import Employer
from market.jobs.holding import hold_jobs, release_jobs
from market.settings import get_settings
from market.wages.calendar import overrides

__all__ = ["change_grade", "compute", "employers_to_regrade", "grade_employers", "pending_notice", "reasons_json",
           "regrade", "settle_notice", "standing_of"]


def reasons_json(assessment: Assessment) -> list[dict[str, Any]]:
    """The reasons as stored and answered."""
    return [{**asdict(reason), "order_ids": list(reason.order_ids), "case_ids": list(reason.case_ids),
             "warning_ids": list(reason.warning_ids)} for reason in assessment.reasons]


async def standing_of(employer_id: int) -> dict[str, Any]:
    """The employer's standing row (made, at B, if they have none yet)."""
    await CreditStanding.insert(CreditStanding(employer=employer_id, computed_at=clock.now())).on_conflict(
        target=CreditStanding.employer, action="DO NOTHING")
    row = await CreditStanding.select().where(CreditStanding.employer == employer_id).output(load_json=True).first()
    assert row is not None
    return row


async def pending_notice(employer_id: int) -> dict[str, Any] | None:
    """The employer's notice of a fall still waiting, if any."""
    return await CreditNotice.select().where(
        (CreditNotice.employer == employer_id) & (CreditNotice.state == NoticeState.pending)).output(
        load_json=True).first()


async def settle_notice(notice_id: int, state: NoticeState) -> None:
    """Take a notice off the waiting list: applied, withdrawn (the record improved) or overruled (a supervisor)."""
    await CreditNotice.update({CreditNotice.state: state, CreditNotice.open_slot: None,
                               CreditNotice.settled_at: clock.now()}).where(CreditNotice.id == notice_id)


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


async def _bar(employer_id: int, barred_already: bool) -> None:
    now = clock.now()
    lift_on = _months_later(local(now).date(), get_settings().credit_d_months)
    await CreditStanding.update({CreditStanding.barred_by_credit: not barred_already,
                                 CreditStanding.barred_since: now, CreditStanding.lift_on: lift_on}).where(
        CreditStanding.employer == employer_id)
    if not barred_already:
        await Employer.update({Employer.barred: True}).where(Employer.user == employer_id)
    await hold_jobs(employer_id)


async def _lift(employer_id: int, standing: dict[str, Any]) -> None:
    if standing["barred_by_credit"]:
        await Employer.update({Employer.barred: False}).where(Employer.user == employer_id)
    await CreditStanding.update({CreditStanding.barred_by_credit: False, CreditStanding.barred_since: None,
                                 CreditStanding.lift_on: None}).where(CreditStanding.employer == employer_id)
    await release_jobs(employer_id)


async def change_grade(employer_id: int, grade: str, reasons: list[dict[str, Any]], *, by: int | None = None,
                       note: str = "") -> None:
    """Set the grade (call inside a write transaction): history row, the employer's column, D's effects."""
    employer = await Employer.select(Employer.credit_grade, Employer.barred).where(
        Employer.user == employer_id).first()
    assert employer is not None
    before = employer["credit_grade"]
    rows = await CreditGradeChange.insert(CreditGradeChange(
        employer=employer_id, from_grade=before, grade=grade, reasons=reasons, note=note, by=by,
        at=clock.now())).returning(CreditGradeChange.id)
    if before == grade:
        return
    await Employer.update({Employer.credit_grade: grade}).where(Employer.user == employer_id)
    if grade == "D":
        await _bar(employer_id, employer["barred"])
    elif before == "D":
        await _lift(employer_id, await standing_of(employer_id))
    record(CreditGradeChanged(change_id=rows[0]["id"], employer_id=employer_id, from_grade=before, grade=grade,
                              by_id=by))


async def _notice(employer_id: int, before: str, target: str, reasons: list[dict[str, Any]],
                  notice: dict[str, Any] | None, now: datetime) -> None:
    if notice is not None and notice["to_grade"] == target:
        await CreditNotice.update({CreditNotice.reasons: reasons}).where(CreditNotice.id == notice["id"])
        return
    if notice is not None:  # a different fall now: the old notice goes, the new one starts its own period
        await settle_notice(notice["id"], NoticeState.withdrawn)
    due = add_working_days(now, get_settings().credit_response_working_days, await overrides())
    rows = await CreditNotice.insert(CreditNotice(
        employer=employer_id, open_slot=str(employer_id), from_grade=before, to_grade=target, reasons=reasons,
        noticed_at=now, due_at=due)).returning(CreditNotice.id)
    record(CreditFallNoticed(notice_id=rows[0]["id"], employer_id=employer_id, from_grade=before, to_grade=target,
                             due_at=due.isoformat()))


async def compute(employer_id: int) -> Assessment:
    """What the rules say of the employer now, stored on their standing (call inside a write transaction); the
    grade itself is not changed here."""
    now = clock.now()
    assessment = assess(await gather_record(employer_id, now), thresholds())
    await standing_of(employer_id)
    await CreditStanding.update({CreditStanding.computed_grade: assessment.grade,
                                 CreditStanding.computed_reasons: reasons_json(assessment),
                                 CreditStanding.computed_at: now}).where(CreditStanding.employer == employer_id)
    return assessment


def _may_rise_from_d(standing: dict[str, Any], now: datetime) -> bool:
    return standing["lift_on"] is None or local(now).date() >= standing["lift_on"]


async def regrade(employer_id: int) -> str:
    """Recompute the employer's grade from their record and act on it; the grade they hold afterwards.

    A rise, or a fall that stays above C, takes effect at once. A fall to C or D gives notice and waits
    `credit_response_working_days`; once that has passed and the rules still say so, the grade falls. A
    supervisor's override stands over the rules (they are still computed and shown), and a D stays until its
    lift date unless a supervisor lifts it sooner.
    """
    async with write_transaction():
        await ensure_employer(employer_id)
        await lock_rows_for_update(Employer, Employer.user == employer_id)
        now = clock.now()
        assessment = await compute(employer_id)
        reasons = reasons_json(assessment)
        standing = await standing_of(employer_id)
        employer = await Employer.select(Employer.credit_grade).where(Employer.user == employer_id).first()
        assert employer is not None
        before, target = employer["credit_grade"], assessment.grade
        notice = await pending_notice(employer_id)
        if standing["override_grade"] is not None:
            return str(before)
        if target == before or (before == "D" and not _may_rise_from_d(standing, now)):
            if notice is not None:
                await settle_notice(notice["id"], NoticeState.withdrawn)
            return str(before)
        if not is_fall(before, target) or target not in ("C", "D"):
            if notice is not None:
                await settle_notice(notice["id"], NoticeState.withdrawn)
            await change_grade(employer_id, target, reasons)
            return target
        if notice is not None and notice["to_grade"] == target and notice["due_at"] <= now:
            await settle_notice(notice["id"], NoticeState.applied)
            await change_grade(employer_id, target, reasons)
            return target
        await _notice(employer_id, before, target, reasons, notice, now)
        return str(before)


async def employers_to_regrade(now: datetime) -> list[int]:
    """Employers whose notice period has ended, and those not graded since the start of the market's day."""
    due = {row["employer"] for row in await CreditNotice.select(CreditNotice.employer).where(
        (CreditNotice.state == NoticeState.pending) & (CreditNotice.due_at <= now))}
    day_start = local(now).replace(hour=0, minute=0, second=0, microsecond=0)
    graded_today = {row["employer"] for row in await CreditStanding.select(CreditStanding.employer).where(
        CreditStanding.computed_at >= day_start)}
    everyone = {row["user"] for row in await Employer.select(Employer.user)}
    return sorted(due | (everyone - graded_today))


async def grade_employers() -> int:
    """The nightly pass (run hourly; each employer is regraded once a market day, a due fall within the hour):
    how many employers it regraded."""
    ids = await employers_to_regrade(clock.now())
    for employer_id in ids:
        await regrade(employer_id)
    return len(ids)


