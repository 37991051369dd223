"""The back office bars an employer from posting, or lifts the bar, with a reason: the same state (and the same
service, `market.employers.barring`) as the credit grade's D."""

from __future__ import annotations

from market.backoffice import log
from market.backoffice.schemas import BarOut
from market.core.database import write_transaction
from market.employers.barring import set_barred
from market.employers.tables import Employer

__all__ = ["bar"]


async def bar(employer_id: int, barred: bool, reason: str, admin_id: int) -> BarOut:
    """Bar or unbar; the reason goes to the admin log with the act (and to the event the credit grade hears)."""
    async with write_transaction():
        await set_barred(employer_id, barred, reason=reason, source="admin", actor_id=admin_id)
        await log.append("employer_barred" if barred else "employer_unbarred", admin_id, ("employer", employer_id),
                         {"reason": reason.strip()})
    row = await Employer.select(Employer.name, Employer.barred).where(Employer.user == employer_id).first()
    assert row is not None
    return BarOut(employer_id=employer_id, name=row["name"], barred=row["barred"])
