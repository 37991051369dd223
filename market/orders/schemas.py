"""Order bodies: accepting, checking in, paying, cancelling, and reading orders."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from market.core.schemas import Id, Latitude, Longitude, Schema, SchemaIn
from market.core.text import LINE_PATTERN, LINES_PATTERN

__all__ = [
    "AcceptIn", "AcceptResult", "CancelIn", "CheckInIn", "ContractRef", "OrderJob", "OrderOut", "OrderParty",
    "PaidIn", "StaffActIn",
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


class OrderParty(Schema):
    """One side of an order."""

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


class ContractRef(Schema):
    """Where to find the order's signed contract."""

    id: int
    number: str
    sha256: str
    pdf_url: str
    verify_url: str


class OrderOut(Schema):
    """An order and where it is in its life; `cancel_late` marks a cancel inside the free-cancel window."""

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
    contract: ContractRef | None = None


class AcceptResult(Schema):
    """The new order and its contract (None while the contract is still being issued)."""

    order: OrderOut
    contract: ContractRef | None
