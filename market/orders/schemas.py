"""Order bodies: accepting, checking in, paying, cancelling, and reading orders."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from market.core.schemas import Id, Latitude, Longitude, Schema, SchemaIn
from market.core.text import LINE_PATTERN, LINES_PATTERN
from market.places.schemas import Navigation

__all__ = [
    "AcceptIn", "AcceptResult", "CancelIn", "CheckInIn", "ConfirmPaymentIn", "ContractRef", "NoShowDecisionIn",
    "NoShowObjectionIn", "NoShowOut", "OrderJob", "OrderOut", "OrderParty", "PaidIn", "StaffActIn",
]

Note = Annotated[str, msgspec.Meta(max_length=200, pattern=LINES_PATTERN)]


class AcceptIn(SchemaIn):
    """Staff accepting for a walk-in name the worker and how the worker agreed: the code texted to their phone
    (`POST /api/walk-ins/{worker_id}/consent-codes`) or their signature drawn on the station screen (PNG, base64)."""

    worker_id: Id | None = None
    consent: Literal["app", "staff_sms_code", "staff_signature"] = "app"
    consent_code: Annotated[str, msgspec.Meta(max_length=10, pattern=LINE_PATTERN)] | None = None
    signature_png: Annotated[str, msgspec.Meta(max_length=700_000)] | None = None


class CheckInIn(SchemaIn):
    """Where the worker is when checking in (the phone's position)."""

    lat: Latitude
    lon: Longitude


class PaidIn(SchemaIn):
    """What the employer paid, in fen, and an optional note (method, reason for a different amount)."""

    amount_fen: Annotated[int, msgspec.Meta(ge=0, le=100_000_000)]
    note: Note = ""


class CancelIn(SchemaIn):
    """Why the order is cancelled; staff say for whom they act."""

    reason: Note = ""
    on_behalf_of: Literal["worker", "employer"] | None = None


class StaffActIn(SchemaIn):
    """An optional note on an act."""

    note: Note = ""


class NoShowObjectionIn(SchemaIn):
    """The worker's side of a recorded no-show: what happened (required)."""

    note: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class NoShowDecisionIn(SchemaIn):
    """Staff's decision on a worker's objection: `upheld` removes the no-show; the note says why."""

    upheld: bool
    note: Note = ""


class NoShowOut(Schema):
    """A recorded no-show, the worker's objection and staff's decision (null until each happens)."""

    recorded_at: datetime
    recorded_by_staff: bool
    note: str
    objection_due_at: datetime
    objected_at: datetime | None
    objection_note: str
    decided_at: datetime | None
    upheld: bool | None
    decision_note: str


class ConfirmPaymentIn(SchemaIn):
    """An optional note; staff confirming for a worker add the worker's consent, as when accepting: the code
    texted to their phone (`POST /api/walk-ins/{worker_id}/consent-codes` with `order_id`) or a drawn signature."""

    note: Note = ""
    consent: Literal["staff_sms_code", "staff_signature"] | None = None
    consent_code: Annotated[str, msgspec.Meta(max_length=10)] | None = None
    signature_png: Annotated[str, msgspec.Meta(max_length=700_000)] | None = None


class OrderParty(Schema):
    """One side of an order; `phone` in full for that side, staff, and the other side while the order is live
    (`market.accounts.policy.sees_phone`), otherwise masked (138****5678)."""

    id: int
    name: str
    phone: str


class OrderJob(Schema):
    """The job an order is for, as agreed."""

    id: int
    title: str
    address: str
    lat: float
    lon: float
    pay_amount_fen: int
    pay_unit: str
    distance_km: float | None = None
    """From the worker's home to the site, when the worker has said where they live."""
    navigation: Navigation | None = None
    """Links that open the phone's map app at the site."""


class ContractRef(Schema):
    """Where to find the order's signed contract."""

    id: int
    number: str
    sha256: str
    pdf_url: str
    verify_url: str


class OrderOut(Schema):
    """An order and where it is in its life; `cancel_late` marks a cancel inside the free-cancel window, `no_show`
    the no-show recorded on it (also after an objection upheld it and the order went back to `accepted`).

    `contract_status` is `pending`, `retrying` (next try at `contract_next_attempt_at`), `issued` or `failed`
    (given up after `contract_attempts`); `contract_error` is why the last attempt failed, shown to staff only.
    """

    id: int
    status: str
    job: OrderJob
    worker: OrderParty
    employer: OrderParty
    starts_at: datetime
    ends_at: datetime
    pay_due_at: datetime
    agreed_pay_fen: int
    accepted_at: datetime
    accepted_by_staff: bool
    consent_method: str
    checked_in_at: datetime | None
    check_in_distance_m: int | None
    completed_at: datetime | None
    paid_at: datetime | None
    paid_amount_fen: int | None
    payment_note: str
    payment_confirmed_at: datetime | None
    cancelled_at: datetime | None
    cancelled_by_role: str
    cancel_late: bool
    cancel_reason: str
    contract_status: str
    contract_attempts: int
    contract_next_attempt_at: datetime | None
    contract_error: str | None
    contract: ContractRef | None = None
    no_show: NoShowOut | None = None


class AcceptResult(Schema):
    """The new order and its contract (None while the contract is still being issued)."""

    order: OrderOut
    contract: ContractRef | None
