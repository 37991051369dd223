"""People acting on a grade: a supervisor's review (override, or back to the rules) with a written reason, and the
employer's written answer to a notice of a fall."""

from __future__ import annotations

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import lock_rows_for_update, write_transaction
from market.core.errors import Conflict, Invalid, NotFound
from market.core.zone import local
from market.credit.grading import change_grade, compute, pending_notice, reasons_json, regrade, settle_notice
from market.credit.schemas import GradeResponseCreate, GradeReviewCreate
from market.credit.tables import CreditNotice, CreditStanding, NoticeState
from market.employers.services import ensure_employer
from market.employers.tables import Employer

__all__ = ["answer_notice", "review_grade"]


async def _check_employer(employer_id: int) -> None:
    if not await User.exists().where((User.id == employer_id) & (User.role == Role.employer)):
        raise NotFound("employer_not_found")


async def review_grade(employer_id: int, data: GradeReviewCreate, supervisor: CurrentUser) -> None:
    """Set the grade over the rules (recorded with the reason; a pending fall is overruled), or hand the employer
    back to the rules (`grade` null) and regrade them at once."""
    policy.see_grade(supervisor, employer_id)
    await _check_employer(employer_id)
    if data.lift_on is not None and data.grade != "D":
        raise Invalid.field("lift_on", "unknown_field")
    if data.lift_on is not None and data.lift_on <= local(clock.now()).date():
        raise Invalid.field("lift_on", "credit_lift_on_past")
    reason = data.reason.strip()
    if len(reason) < 5:
        raise Invalid.field("reason", "too_short", min=5)
    async with write_transaction():
        await ensure_employer(employer_id)
        await lock_rows_for_update(Employer, Employer.user == employer_id)
        reasons = reasons_json(await compute(employer_id))
        notice = await pending_notice(employer_id)
        if notice is not None:
            await settle_notice(notice["id"], NoticeState.overruled)
        await CreditStanding.update({
            CreditStanding.override_grade: data.grade, CreditStanding.override_reason: reason if data.grade else "",
            CreditStanding.override_by: supervisor.id if data.grade else None,
            CreditStanding.override_at: clock.now() if data.grade else None}).where(
            CreditStanding.employer == employer_id)
        employer = await Employer.select(Employer.credit_grade).where(Employer.user == employer_id).first()
        assert employer is not None
        grade = data.grade or employer["credit_grade"]
        await change_grade(employer_id, grade, reasons, by=supervisor.id, note=reason)
        if data.grade == "D" and data.lift_on is not None:
            await CreditStanding.update({CreditStanding.lift_on: data.lift_on}).where(
                CreditStanding.employer == employer_id)
        if data.grade is None:
            await CreditStanding.update({CreditStanding.lift_on: None}).where(
                (CreditStanding.employer == employer_id) & (CreditStanding.barred_since.is_null()))
            await regrade(employer_id)


async def answer_notice(employer_id: int, data: GradeResponseCreate, employer: CurrentUser) -> None:
    """The employer's written answer to their pending notice (replaces an earlier answer while it is pending)."""
    policy.see_grade(employer, employer_id)
    async with write_transaction():
        notice = await pending_notice(employer_id)
        if notice is None:
            raise Conflict("credit_no_notice")
        await CreditNotice.update({CreditNotice.response: data.text.strip(),
                                   CreditNotice.responded_at: clock.now()}).where(CreditNotice.id == notice["id"])
