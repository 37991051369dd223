"""The background job functions: the same code under arq workers and the in-process runner.

Each takes only the job context, works from the database, and is idempotent: running it twice, or by two
workers at once, has the effect of running it once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from market.alerts.sending import send_due_alerts
from market.cases.scan import scan_cases as scan_case_clocks
from market.contracts.issuing import recover_contracts as recover
from market.courses.suggesting import run_suggestions
from market.credit.grading import grade_employers as regrade_employers
from market.notifications.dispatch import dispatch_due
from market.notifications.reminders import scan_due_notices
from market.ranking.changes import prune_changes
from market.wages.watch import scan_wages as watch_wages

__all__ = ["JOBS", "dispatch_outbox", "grade_employers", "prune_matching_changes", "recover_contracts", "scan_cases",
           "scan_notices", "scan_wages", "send_job_alerts", "suggest_courses"]


async def dispatch_outbox(ctx: dict[str, Any]) -> int:
    """Deliver every due SMS and webhook delivery."""
    return await dispatch_due()


async def scan_notices(ctx: dict[str, Any]) -> int:
    """Announce the shift reminders and missing check-ins that are due."""
    return await scan_due_notices()


async def recover_contracts(ctx: dict[str, Any]) -> int:
    """Issue contracts left pending or failed (signing runs in a worker thread)."""
    return await recover()


async def prune_matching_changes(ctx: dict[str, Any]) -> int:
    """Delete matching change rows every process has long read (older than an hour)."""
    return await prune_changes()


async def scan_cases(ctx: dict[str, Any]) -> int:
    """Remind case owners, mark overdue cases and escalate them, hand unanswered follow-ups to staff."""
    return await scan_case_clocks()


async def scan_wages(ctx: dict[str, Any]) -> int:
    """Open, raise and close the wage warnings the orders and the clock now call for (idempotent, one lock)."""
    return await watch_wages()


async def send_job_alerts(ctx: dict[str, Any]) -> int:
    """Run the job alert tiers that are due and send the alerts due (quiet hours, daily caps; idempotent); the
    tiers rank in the process's live matching state when the context holds one (`ctx["matching"]`)."""
    return await send_due_alerts(ctx.get("matching"))


async def grade_employers(ctx: dict[str, Any]) -> int:
    """Regrade each employer once a market day, and let falls whose notice period has ended take effect."""
    return await regrade_employers()


async def suggest_courses(ctx: dict[str, Any]) -> int:
    """Record the last ended week's 求人倍率 (once), plan and send course suggestions (once a month at most each)."""
    return await run_suggestions()


JOBS: dict[str, Callable[[dict[str, Any]], Awaitable[int]]] = {
    "dispatch_outbox": dispatch_outbox, "scan_notices": scan_notices, "recover_contracts": recover_contracts,
    "prune_matching_changes": prune_matching_changes, "scan_cases": scan_cases, "scan_wages": scan_wages,
    "send_job_alerts": send_job_alerts, "grade_employers": grade_employers, "suggest_courses": suggest_courses}
