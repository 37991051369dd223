"""The back office bars an employer from posting, or lifts the bar, with a reason: the same state (and the same
service, `market.employers.barring`) as the credit grade's D."""

from __future__ import annotations

from market.backoffice import log
from market.backoffice.schemas import BarOut
from market.core.database import write_transaction
from market.core.errors import Conflict
from market.employers.barring import set_barred
from market.employers.tables import Employer

__all__ = ["bar"]


async def _refuse_lifting_a_credit_bar(employer_id: int) -> None:
    """409 `employer_barred_by_credit` while the employer is graded D (失信): the bar is the grade's, and only a
    supervisor's grade review lifts it (with the grade), so the grade page and the bar never disagree."""
    if await Employer.exists().where((Employer.user == employer_id) & (Employer.credit_grade == "D")):
        raise Conflict("employer_barred_by_credit", employer_id=employer_id)


async def bar(employer_id: int, barred: bool, reason: str, admin_id: int) -> BarOut:
    """Bar or unbar; the reason goes to the admin log with the act (and to the event the credit grade hears).
    Unbarring an employer graded D is refused (a grade review lifts it: docs/credit.md)."""
    async with write_transaction():
        if not barred:
            await _refuse_lifting_a_credit_bar(employer_id)
        await set_barred(employer_id, barred, reason=reason, source="admin", actor_id=admin_id)
        await log.append("employer_barred" if barred else "employer_unbarred", admin_id, ("employer", employer_id),
                         {"reason": reason.strip()})
    row = await Employer.select(Employer.name, Employer.barred).where(Employer.user == employer_id).first()
    assert row is not None
    return BarOut(employer_id=employer_id, name=row["name"], barred=row["barred"])
