"""The warning ladder as pure rules: which level (蓝/黄/红) a warning's facts reach, and why."""

from __future__ import annotations

from dataclasses import dataclass

from market.settings import Settings
from market.wages.tables import Level

__all__ = ["SEVERITY", "Facts", "Thresholds", "level_for"]

SEVERITY: dict[str, int] = {Level.blue: 1, Level.yellow: 2, Level.red: 3}
"""Each level's rank; a warning never goes down while it is open."""


@dataclass(frozen=True)
class Facts:
    """What a warning's unsettled orders come to."""

    working_days_overdue: int
    """Working days since the oldest order's pay-by time (`market.core.workdays.working_days_between`)."""
    workers: int
    amount_fen: int
    disputed: bool
    """A worker said the pay did not come or was short (没收到 / 工钱不对)."""


@dataclass(frozen=True)
class Thresholds:
    """The settings the ladder reads (`LINGGONG_WAGE_*`)."""

    yellow_working_days: int
    red_working_days: int
    red_workers: int
    red_amount_fen: int

    @classmethod
    def of(cls, settings: Settings) -> Thresholds:
        """The thresholds `settings` set."""
        return cls(settings.wage_yellow_working_days, settings.wage_red_working_days, settings.wage_red_workers,
                   settings.wage_red_amount_fen)


def level_for(facts: Facts, limits: Thresholds) -> tuple[Level, str]:
    """The highest level the facts reach and the first reason for it: red after `red_working_days`, for
    `red_workers` workers owed or `red_amount_fen` owed; yellow after `yellow_working_days` or when a worker
    disputes; blue as soon as the pay-by time has passed."""
    if facts.working_days_overdue >= limits.red_working_days:
        return Level.red, "working_days"
    if facts.workers >= limits.red_workers:
        return Level.red, "several_workers"
    if facts.amount_fen >= limits.red_amount_fen:
        return Level.red, "amount_threshold"
    if facts.disputed:
        return Level.yellow, "worker_says_unpaid"
    if facts.working_days_overdue >= limits.yellow_working_days:
        return Level.yellow, "working_days"
    return Level.blue, "pay_by_passed"
