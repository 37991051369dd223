"""What the pay-by watch records: a wage warning raised to a level (blue, yellow, red) or closed."""

from __future__ import annotations

from dataclasses import dataclass

from market.core.events import DomainEvent

__all__ = ["WarningClosed", "WarningRaised", "WarningWidened"]


@dataclass(frozen=True)
class WarningRaised(DomainEvent):
    """A warning about one employer's unpaid wages reached `level` (`blue` | `yellow` | `red`) from
    `previous_level` ("" when new). `reason` says why (`pay_by_passed`, `working_days`, `worker_says_unpaid`,
    `several_workers`, `amount_threshold`). At red the supervisor is told and the cases package opens a case."""

    warning_id: int
    employer_id: int
    level: str
    previous_level: str
    reason: str
    order_ids: tuple[int, ...]
    worker_ids: tuple[int, ...]
    amount_fen: int


@dataclass(frozen=True)
class WarningClosed(DomainEvent):
    """Every order of the warning is paid and confirmed (or otherwise settled): the warning is off the board."""

    warning_id: int
    employer_id: int
    level: str


@dataclass(frozen=True)
class WarningWidened(DomainEvent):
    """More unpaid orders of the same employer, at sites the same station serves, joined an open warning without
    changing its level (`order_ids`/`worker_ids` are the ones that joined; `level` is the warning's)."""

    warning_id: int
    employer_id: int
    level: str
    order_ids: tuple[int, ...]
    worker_ids: tuple[int, ...]
    amount_fen: int
