"""What happens to an order, as facts its subscribers (notifications, matching, contracts, and later wage
warnings, cases, reputation and figures) need; recorded by the orders package inside its write transactions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from market.core.events import DomainEvent

__all__ = ["AcceptedRows", "NoShowDecided", "NoShowObjected", "NoShowRecorded", "OrderAccepted", "OrderCancelled",
           "OrderChanged", "OrderCheckedIn", "OrderCompleted", "PaymentConfirmed", "PaymentDisputed", "PaymentMarked"]


@dataclass(frozen=True)
class AcceptedRows:
    """The order row just written and its job's row as the accepting transaction read it (saves reading both)."""

    order: dict[str, Any]
    job: dict[str, Any]


@dataclass(frozen=True)
class OrderChanged(DomainEvent):
    """Any change to an order; the subclasses say which. `actor_id` did it (staff acting for `on_behalf_of`)."""

    order_id: int
    job_id: int
    worker_id: int
    employer_id: int
    title: str
    starts_at: datetime
    worker_name: str
    actor_id: int
    on_behalf_of: int | None = None

    def about(self) -> dict[str, Any]:
        """What a notice about the order needs to say which order it is."""
        return {"order_id": self.order_id, "title": self.title, "starts_at": self.starts_at.isoformat(),
                "worker_id": self.worker_id, "worker_name": self.worker_name}


@dataclass(frozen=True)
class OrderAccepted(OrderChanged):
    """A worker took a place; `job_full` when it was the last one. `rows` are the order and job rows the contract is
    drafted from (read in the accept transaction, so drafting need not read them again)."""

    address: str = ""
    job_full: bool = False
    rows: AcceptedRows | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class OrderCheckedIn(OrderChanged):
    """The worker arrived at the site."""


@dataclass(frozen=True)
class OrderCompleted(OrderChanged):
    """The employer confirmed the work was done."""


@dataclass(frozen=True)
class PaymentMarked(OrderChanged):
    """The employer recorded paying `amount_fen` (a different amount than agreed carries a note)."""

    amount_fen: int = 0
    agreed_fen: int = 0
    note: str = ""


@dataclass(frozen=True)
class PaymentConfirmed(OrderChanged):
    """The worker confirmed the money arrived: the order is closed."""


@dataclass(frozen=True)
class OrderCancelled(OrderChanged):
    """Cancelled before the start by `side` (worker or employer); `late` inside the free-cancel window."""

    side: str = ""
    late: bool = False
    reason: str = ""


@dataclass(frozen=True)
class NoShowRecorded(OrderChanged):
    """The worker never came; they may object until `objection_due_at`. `by_staff` when staff recorded it."""

    objection_due_at: datetime | None = None
    by_staff: bool = False


@dataclass(frozen=True)
class NoShowObjected(OrderChanged):
    """The worker objected to a recorded no-show; staff near the site decide."""

    note: str = ""
    site: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class NoShowDecided(OrderChanged):
    """Staff decided the objection: `upheld` removes the no-show (the order is accepted again)."""

    upheld: bool = False
    note: str = ""


@dataclass(frozen=True)
class PaymentDisputed(OrderChanged):
    """The worker (or staff for them) says the pay did not come (`unpaid`) or was short (`underpaid`): a complaint
    was filed about the order (`complaint_id`, kept by the cases package). `amount_fen` is what they say is owed."""

    kind: str = "unpaid"
    amount_fen: int = 0
    complaint_id: int = 0
