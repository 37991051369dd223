"""What a job pays for one worker, as agreed when the order is accepted."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

__all__ = ["agreed_pay_fen", "pay_due_at"]


def agreed_pay_fen(amount_fen: int, unit: str, starts_at: datetime, ends_at: datetime) -> int:
    """The pay owed for the whole job: per hour x hours (rounded up to the half hour), per day x started 24-hour
    periods (a night shift across midnight is one day), or per piece x 1 (the final count is stated when paying)."""
    if unit == "hour":
        half_hours = math.ceil((ends_at - starts_at) / timedelta(minutes=30))
        return amount_fen * half_hours // 2
    if unit == "day":
        return amount_fen * max(1, math.ceil((ends_at - starts_at) / timedelta(hours=24)))
    return amount_fen


def pay_due_at(ends_at: datetime, pay_due_hours: int) -> datetime:
    """The time by which the worker must have been paid."""
    return ends_at + timedelta(hours=pay_due_hours)
