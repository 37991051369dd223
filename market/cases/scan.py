"""The clocks' scan (a background job): remind owners, mark overdue cases and escalate them, hand unanswered
follow-ups to staff. Idempotent: what it did is in the trail since the state began, and it never does it twice."""

from __future__ import annotations

from market.cases import clocks, records, trail
from market.cases.events import CaseDueSoon, CaseEscalated
from market.cases.tables import CaseStatus, WageCase
from market.core import clock
from market.core.database import write_transaction
from market.core.events import record
from market.core.workdays import Overrides

__all__ = ["scan_cases"]


async def _since_state_began(case_id: int) -> set[str]:
    """The kinds of trail events since the case's last change of state."""
    events = await trail.load(case_id)
    last_state = max((e.seq for e in events if e.kind == "state"), default=-1)
    return {e.kind for e in events if e.seq > last_state}


async def _scan_one(case_id: int, overrides: Overrides) -> int:
    async with write_transaction():
        row = await records.lock(case_id)
        found = clocks.deadline(row["status"], row["state_since"], overrides)
        now = clock.now()
        if found is None or now < found.remind_at:
            return 0
        done, seen = await _since_state_began(case_id), 0
        if row["status"] == CaseStatus.closed:  # the claimants' window: no reminder; past it staff phone them
            if not found.overdue(now):
                return 0
            row = await records.change_state(row, CaseStatus.follow_up, None, "no_answer_in_time")
            later = clocks.deadline(CaseStatus.follow_up, row["state_since"], overrides)
            record(CaseDueSoon(**await records.facts(row), state=CaseStatus.follow_up,
                               due_at=later.due_at.isoformat() if later else ""))
            return 1
        if "reminded" not in done:
            await trail.append(case_id, "reminded", None, {"state": row["status"], "due_at": found.due_at.isoformat()})
            record(CaseDueSoon(**await records.facts(row), state=row["status"], due_at=found.due_at.isoformat()))
            seen += 1
        if found.overdue(now) and "overdue" not in done:
            await trail.append(case_id, "overdue", None, {"state": row["status"], "due_at": found.due_at.isoformat()})
            if row["level"] == "station":
                await records.escalate(row, None, "overdue")
            else:  # at the bureau already: it hears that the case is late again
                record(CaseEscalated(**await records.facts(row), reason="overdue"))
            seen += 1
        return seen


async def scan_cases() -> int:
    """Scan every case with a running clock; how many reminders, overdue marks and hand-overs it made."""
    overrides = await clocks.calendar_overrides()
    now = clock.now()
    rows = await WageCase.select(WageCase.id, WageCase.status, WageCase.state_since).where(
        WageCase.status.is_in(list(clocks.CLOCKED)))
    total = 0
    for row in rows:
        found = clocks.deadline(row["status"], row["state_since"], overrides)
        if found is not None and now >= found.remind_at:
            total += await _scan_one(row["id"], overrides)
    return total
