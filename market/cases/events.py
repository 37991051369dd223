"""What the cases package records for others to act on (notifications tell people; figures may read them later)."""

from __future__ import annotations

from dataclasses import dataclass

from market.core.events import DomainEvent

__all__ = ["CaseAssigned", "CaseChanged", "CaseClosed", "CaseDueSoon", "CaseEscalated", "CaseReopened",
           "ComplaintFiled", "EmployerReplied"]


@dataclass(frozen=True)
class CaseChanged(DomainEvent):
    """Any change to a wage case; the subclasses say which. `link` is the case screen's address; `occurrence` is the
    length of the case's trail when it happened (tells a second closure's notice from the first)."""

    case_id: int
    occurrence: int
    employer_id: int
    station_id: int | None
    owner_id: int | None
    claimant_ids: tuple[int, ...]
    link: str


@dataclass(frozen=True)
class ComplaintFiled(CaseChanged):
    """A complaint landed in the case (`joined`: an open case already held the employer and period)."""

    complaint_id: int = 0
    worker_id: int = 0
    amount_fen: int = 0
    joined: bool = False
    title: str = ""


@dataclass(frozen=True)
class CaseAssigned(CaseChanged):
    """The case has a (new) owner at a station."""


@dataclass(frozen=True)
class CaseDueSoon(CaseChanged):
    """The share of the state's time that warrants a reminder is used (`due_at` in ISO form)."""

    state: str = ""
    due_at: str = ""


@dataclass(frozen=True)
class CaseEscalated(CaseChanged):
    """The case went up to the labour bureau (`reason`: overdue, repeat_employer, staff, red_warning) or the bureau
    took it up (`supervision`: taken_up 提级督办, flagged 挂牌督办)."""

    reason: str = ""
    supervision: str = ""


@dataclass(frozen=True)
class CaseClosed(CaseChanged):
    """Closed with `outcome`; each claimant is asked whether it is really solved."""

    outcome: str = ""
    recovered_fen: int = 0


@dataclass(frozen=True)
class CaseReopened(CaseChanged):
    """Back to handling: a claimant answered 未解决 (`by_claimant`) or staff reopened it."""

    by_claimant: bool = False


@dataclass(frozen=True)
class EmployerReplied(CaseChanged):
    """The employer answered in writing (and perhaps paid `paid_fen`)."""

    paid_fen: int = 0
