"""Barring an employer from posting (列入失信名单) and lifting it: the one state change the back office and the
credit grade (grade D) both make, on `employers.barred`."""

from __future__ import annotations

from market.accounts.tables import Role, User
from market.core.database import lock_rows_for_update, write_transaction
from market.core.errors import Conflict, Invalid, NotFound
from market.core.events import record
from market.employers.events import EmployerBarred, EmployerUnbarred
from market.employers.services import ensure_employer
from market.employers.tables import Employer

__all__ = ["SOURCES", "is_barred", "set_barred"]

SOURCES = frozenset({"admin", "credit"})
"""Who bars: the back office's admin, or the credit grade."""


async def is_barred(employer_id: int) -> bool:
    """Whether the employer is barred from posting now."""
    return await Employer.exists().where((Employer.user == employer_id) & Employer.barred.eq(True))


async def set_barred(employer_id: int, barred: bool, *, reason: str, source: str,
                     actor_id: int | None = None) -> None:
    """Bar (`barred` True) or unbar the employer, recording `EmployerBarred`/`EmployerUnbarred`; inside the caller's
    transaction when there is one. 404 `employer_not_found` for no such employer, 400 on `reason` when blank, 409
    `employer_already_barred` / `employer_not_barred` when it is so already (nothing changes)."""
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    reason = reason.strip()
    if not reason:
        raise Invalid.field("reason", "blank")
    if not await User.exists().where((User.id == employer_id) & (User.role == Role.employer)):
        raise NotFound("employer_not_found")
    await ensure_employer(employer_id)
    async with write_transaction():
        rows = await lock_rows_for_update(Employer, Employer.user == employer_id, columns=[Employer.barred])
        if bool(rows[0]["barred"]) == barred:
            raise Conflict("employer_already_barred" if barred else "employer_not_barred", [])
        await Employer.update({Employer.barred: barred}).where(Employer.user == employer_id)
        event = EmployerBarred if barred else EmployerUnbarred
        record(event(employer_id=employer_id, reason=reason, source=source, actor_id=actor_id))
