"""Reading grades: one employer's grade with reasons, history and pending fall; the list of employers graded D."""

from __future__ import annotations

from typing import Any

from piccolo.query.functions.aggregate import Count

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core.errors import NotFound
from market.core.i18n import translate
from market.core.schemas import Page
from market.credit.grading import pending_notice
from market.credit.schemas import BarredEmployer, Grade, GradeChange, GradeNotice, GradeReason
from market.credit.tables import CreditGradeChange, CreditStanding
from market.employers.services import ensure_employer
from market.employers.tables import Employer
from market.jobs.tables import Job, JobStatus

__all__ = ["barred_employers", "grade_of", "reasons_in_words"]

_HISTORY = 50


def reasons_in_words(reasons: list[dict[str, Any]], language: str) -> list[GradeReason]:
    """Stored reasons with their words in `language`."""
    return [GradeReason(code=r["code"], text=translate(r["code"], language, **r.get("figures", {})),
                        order_ids=r.get("order_ids", []), case_ids=r.get("case_ids", []),
                        warning_ids=r.get("warning_ids", []), figures=r.get("figures", {}),
                        concern=bool(r.get("concern"))) for r in reasons]


async def _names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {row["id"]: row["name"] for row in await User.select(User.id, User.name).where(User.id.is_in(list(ids)))}


def _change(row: dict[str, Any], names: dict[int, str], language: str) -> GradeChange:
    return GradeChange(from_grade=row["from_grade"], grade=row["grade"],
                       reasons=reasons_in_words(row["reasons"], language), note=row["note"], by_id=row["by"],
                       by_name=names.get(row["by"], "") if row["by"] else "", at=row["at"])


async def grade_of(employer_id: int, viewer: CurrentUser, language: str) -> Grade:
    """The employer's grade as `viewer` may see it (the employer themself, staff, the bureau)."""
    policy.see_grade(viewer, employer_id)
    if not await User.exists().where((User.id == employer_id) & (User.role == Role.employer)):
        raise NotFound("employer_not_found")
    await ensure_employer(employer_id)
    employer = await Employer.select(Employer.name, Employer.credit_grade, Employer.barred).where(
        Employer.user == employer_id).first()
    assert employer is not None
    standing = await CreditStanding.select().where(CreditStanding.employer == employer_id).output(
        load_json=True).first()
    history = await CreditGradeChange.select().where(CreditGradeChange.employer == employer_id).order_by(
        CreditGradeChange.id, ascending=False).limit(_HISTORY).output(load_json=True)
    names = await _names({row["by"] for row in history if row["by"]})
    changes = [_change(row, names, language) for row in history]
    override = None
    if standing and standing["override_grade"] is not None:
        override = next((c for c in changes if c.by_id == standing["override_by"]), None)
    notice = await pending_notice(employer_id)
    pending = None if notice is None else GradeNotice(
        id=notice["id"], from_grade=notice["from_grade"], to_grade=notice["to_grade"],
        noticed_at=notice["noticed_at"], due_at=notice["due_at"], response=notice["response"],
        responded_at=notice["responded_at"], reasons=reasons_in_words(notice["reasons"], language))
    grade = employer["credit_grade"]
    return Grade(employer_id=employer_id, name=employer["name"], grade=grade,
                 grade_text=translate(f"credit_grade_{grade}", language), barred=employer["barred"],
                 lift_on=standing["lift_on"] if standing else None,
                 computed_grade=standing["computed_grade"] if standing else grade,
                 computed_at=standing["computed_at"] if standing else None,
                 reasons=reasons_in_words(standing["computed_reasons"] if standing else [], language),
                 override=override, pending=pending, history=changes)


async def barred_employers(language: str, limit: int, offset: int) -> Page[BarredEmployer]:
    """Employers graded D, longest barred first, with the reasons of the change that made them D."""
    where = Employer.credit_grade == "D"
    total = await Employer.count().where(where)
    rows = await Employer.select(Employer.user, Employer.name).where(where).order_by(Employer.user).offset(
        offset).limit(limit)
    ids = [row["user"] for row in rows]
    standings = {r["employer"]: r for r in await CreditStanding.select().where(
        CreditStanding.employer.is_in(ids or [0]))}
    changes: dict[int, dict[str, Any]] = {}
    for change in await CreditGradeChange.select().where(
            CreditGradeChange.employer.is_in(ids or [0]) & (CreditGradeChange.grade == "D")).order_by(
            CreditGradeChange.id).output(load_json=True):
        changes[change["employer"]] = change
    held = {r["employer"]: r["n"] for r in await Job.select(Job.employer, Count(Job.id, alias="n")).where(
        Job.employer.is_in(ids or [0]) & (Job.status == JobStatus.held)).group_by(Job.employer)}
    items = []
    for row in rows:
        standing, change = standings.get(row["user"], {}), changes.get(row["user"], {})
        items.append(BarredEmployer(employer_id=row["user"], name=row["name"],
                                    reasons=reasons_in_words(change.get("reasons", []), language),
                                    note=change.get("note", ""), since=standing.get("barred_since"),
                                    lift_on=standing.get("lift_on"), held_jobs=held.get(row["user"], 0)))
    items.sort(key=lambda item: (item.since is None, item.since))
    return Page(items=items, total=total, limit=limit, offset=offset)
