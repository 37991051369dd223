"""Writing a case (inside the caller's write transaction): lock it, change its state, escalate it, tell others.

Every change appends its trail event here, so the trail and the row never disagree.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from market.cases import trail
from market.cases.events import CaseEscalated
from market.cases.tables import CaseEvent, Claimant, WageCase
from market.cases.views import case_link, load_case
from market.core import clock
from market.core.database import lock_rows_for_update
from market.core.events import record
from market.settings import get_settings

__all__ = ["change_state", "escalate", "facts", "lock", "repeat_employer"]


async def lock(case_id: int) -> dict[str, Any]:
    """The case row, locked until the transaction ends (PostgreSQL; SQLite's write lock already serialises)."""
    await lock_rows_for_update(WageCase, WageCase.id == case_id)
    return await load_case(case_id)


async def facts(row: dict[str, Any]) -> dict[str, Any]:
    """The fields every case event carries, from a (fresh) case row."""
    claimants = await Claimant.select(Claimant.worker).where(Claimant.case == row["id"])
    return {"case_id": row["id"], "employer_id": row["employer"], "station_id": row["station"],
            "owner_id": row["owner"], "claimant_ids": tuple(dict.fromkeys(c["worker"] for c in claimants)),
            "link": case_link(row["id"]), "occurrence": await CaseEvent.count().where(CaseEvent.case == row["id"])}


async def change_state(row: dict[str, Any], to: str, actor_id: int | None, reason: str,
                       columns: dict[Any, Any] | None = None, **details: Any) -> dict[str, Any]:
    """Move the case to `to` now, with `columns` changed too; the trail says from where, to where and why."""
    now = clock.now()
    await WageCase.update({WageCase.status: to, WageCase.state_since: now, **(columns or {})}).where(
        WageCase.id == row["id"])
    await trail.append(row["id"], "state", actor_id, {"from": row["status"], "to": to, "reason": reason, **details},
                       at=now)
    return await load_case(row["id"])


async def escalate(row: dict[str, Any], actor_id: int | None, reason: str, note: str = "") -> dict[str, Any]:
    """Up one level, from the station to the labour bureau (nothing when it is there already)."""
    if row["level"] == "supervisor":
        return row
    await WageCase.update({WageCase.level: "supervisor"}).where(WageCase.id == row["id"])
    await trail.append(row["id"], "escalated", actor_id, {"from": "station", "to": "supervisor", "reason": reason,
                                                          "note": note})
    row = await load_case(row["id"])
    record(CaseEscalated(**await facts(row), reason=reason))
    return row


async def repeat_employer(row: dict[str, Any]) -> bool:
    """Whether the employer has had `case_repeat_count` cases (this one included) opened within the window."""
    settings = get_settings()
    since = clock.now() - timedelta(days=settings.case_repeat_window_days)
    opened = await WageCase.count().where((WageCase.employer == row["employer"]) & (WageCase.opened_at >= since))
    return opened >= settings.case_repeat_count
