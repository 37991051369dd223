"""The API shapes of complaints, cases, their trail and the closure figures."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from market.core.schemas import Id, Schema, SchemaIn
from market.core.text import LINE_PATTERN, LINES_PATTERN

__all__ = [
    "AssignIn", "AttachmentIn", "CaseDetail", "CaseOut", "CaseParty", "CloseIn", "ComplaintIn", "ComplaintOut",
    "ComplaintResult", "DeadlineOut", "EscalateIn", "FigureRow", "Figures", "FileOut", "FollowUpIn", "FollowUpOut",
    "LetterIn", "NoteIn", "PaymentIn", "RecoveredIn", "ReopenIn", "ReplyIn", "TrailEntry",
]

Note = Annotated[str, msgspec.Meta(max_length=1000, pattern=LINES_PATTERN)]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=2000, pattern=LINES_PATTERN)]
Fen = Annotated[int, msgspec.Meta(ge=0, le=100_000_000)]
Channel = Literal["app", "qr", "station", "hotline_12333", "hotline_12345"]
Kind = Literal["unpaid", "underpaid", "other"]
OutcomeName = Literal["recovered_full", "recovered_partial", "unfounded", "referred", "withdrawn"]


class AttachmentIn(SchemaIn):
    """A photo (JPEG, PNG, WebP) or PDF, base64-encoded; its type is read from its bytes, not its name."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=LINE_PATTERN)]
    content_base64: Annotated[str, msgspec.Meta(max_length=1_500_000)]


Attachments = Annotated[list[AttachmentIn], msgspec.Meta(max_length=3)]


class ComplaintIn(SchemaIn):
    """A wage complaint about one order. `amount_fen` is what is owed (required for unpaid and underpaid).
    `channel`: a worker files from the `app` (or the contract's `qr` page); staff say `station` (a walk-in, with
    the station's standing consent) or the hotline the worker called (`hotline_12333`, `hotline_12345`)."""

    kind: Kind
    amount_fen: Fen = 0
    note: Note = ""
    channel: Channel | None = None
    attachments: Attachments = []


class AssignIn(SchemaIn):
    """Hand the case to a staff member (交办); the case goes to their station."""

    owner_id: Id
    note: Note = ""


class NoteIn(SchemaIn):
    """A note on the case file (a call made, a visit, mediation), with photos or PDFs."""

    text: Text
    attachments: Attachments = []


class LetterIn(SchemaIn):
    """Issue a reminder letter (提醒函) or a supervision letter (督办函) from the case."""

    kind: Literal["reminder", "supervision"]
    note: Note = ""


class RecoveredIn(SchemaIn):
    """What one claimant got back, as staff found it (money paid outside the platform)."""

    complaint_id: Id
    amount_fen: Fen


class CloseIn(SchemaIn):
    """Close the case (办结) with its outcome; `recovered` sets claimants' recovered amounts where staff know
    better than the payments recorded (recovered_full without it: each claimant got what they claimed)."""

    outcome: OutcomeName
    note: Note = ""
    recovered: Annotated[list[RecoveredIn], msgspec.Meta(max_length=200)] = []


class ReopenIn(SchemaIn):
    """Why the case goes back to handling."""

    note: Text


class EscalateIn(SchemaIn):
    """`escalate`: up one level, from the station to the labour bureau (staff, supervisor). The bureau may also
    `take_up` the case (提级督办) or `flag` it for supervision (挂牌督办)."""

    action: Literal["escalate", "take_up", "flag"] = "escalate"
    note: Note = ""


class PaymentIn(SchemaIn):
    """Money the employer paid on one of the case's orders."""

    order_id: Id
    amount_fen: Annotated[int, msgspec.Meta(ge=1, le=100_000_000)]


class ReplyIn(SchemaIn):
    """The employer's written answer, with what they paid (each payment is recorded on its order)."""

    text: Text
    payments: Annotated[list[PaymentIn], msgspec.Meta(max_length=200)] = []
    attachments: Attachments = []


class FollowUpIn(SchemaIn):
    """已解决 (`resolved: true`) or 未解决 (false, which reopens the case). A claimant answers for their own
    complaints; staff recording a phone follow-up name the complaint."""

    resolved: bool
    note: Note = ""
    complaint_id: Id | None = None


class CaseParty(Schema):
    """Someone a case names."""

    id: int
    name: str


class FollowUpOut(Schema):
    """A claimant's answer after closure: by the `claimant` in the app or by `staff` on the phone."""

    resolved: bool
    note: str
    by: str
    at: datetime


class ComplaintOut(Schema):
    """One claimant's complaint in a case: their order, amount, what came back and their follow-up answer."""

    id: int
    case_id: int
    order_id: int
    order_title: str
    pay_due_at: datetime
    worker: CaseParty
    kind: str
    amount_fen: int
    recovered_fen: int
    note: str
    channel: str
    filed_at: datetime
    filed_by_staff: bool
    follow_up: FollowUpOut | None


class DeadlineOut(Schema):
    """The clock of the state the case is in, in working days."""

    state: str
    since: datetime
    remind_at: datetime
    due_at: datetime
    working_days: int
    overdue: bool


class CaseOut(Schema):
    """A case in a list: where it is (`status`), what came of it (`outcome`), who handles it and its clock.
    A worker sees only their own complaints in `claimants` (`claimant_count` counts all)."""

    id: int
    number: str
    status: str
    outcome: str
    outcome_note: str
    employer: CaseParty
    station: CaseParty | None
    owner: CaseParty | None
    level: str
    supervision: str
    source: str
    warning_id: int | None
    period: str
    opened_at: datetime
    state_since: datetime
    closed_at: datetime | None
    reopened: bool
    overdue: bool
    deadline: DeadlineOut | None
    claimed_fen: int
    recovered_fen: int
    claimant_count: int
    claimants: list[ComplaintOut]
    link: str


class FileOut(Schema):
    """An attachment or letter kept with the case; `url` downloads it."""

    sha256: str
    media_type: str
    size: int
    name: str
    url: str


class TrailEntry(Schema):
    """One event of the case's trail, as hash-chained (`details` may be left out for another claimant's events)."""

    seq: int
    kind: str
    actor: CaseParty | None
    actor_role: str
    at: datetime
    details: dict[str, Any]
    hash: str


class CaseDetail(CaseOut):
    """One case with its whole trail, whether that chain is intact, and its files."""

    trail: list[TrailEntry] = []
    trail_intact: bool = True
    files: list[FileOut] = []


class ComplaintResult(Schema):
    """A filed complaint and the case it landed in (a new one, or one it joined)."""

    complaint: ComplaintOut
    case: CaseOut


class FigureRow(Schema):
    """Closure figures of one station or employer."""

    id: int | None
    name: str
    received: int
    closed: int
    closed_on_time: int
    recovered_fen: int


class Figures(Schema):
    """Closure figures over the cases received in [`since`, `until`) (docs/wage-protection.md defines each)."""

    since: datetime | None
    until: datetime | None
    received: int
    closed: int
    closed_on_time: int
    on_time_rate: float | None
    closure_rate: float | None
    claimed_fen: int
    recovered_fen: int
    median_days_to_close: float | None
    resolved_confirmed_by_claimant: int
    reopened: int
    by_outcome: dict[str, int]
    by_station: list[FigureRow]
    by_employer: list[FigureRow]
