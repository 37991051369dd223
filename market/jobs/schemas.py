"""Job bodies: posting a job and reading one."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from market.core.schemas import Id, Location, LocationIn, Schema, SchemaIn
from market.core.text import LINES_PATTERN, NAME_PATTERN
from market.places.schemas import Navigation

__all__ = ["EmployerBrief", "EmployerPayRecord", "JobCreate", "JobOut", "Pay", "PayIn", "PublicEmployer", "PublicJob"]

MAX_PAY_FEN = 100_000_000
"""¥1,000,000: no single gig pays more; anything above is a typo."""

AwareDateTime = Annotated[datetime, msgspec.Meta(tz=True, description="ISO 8601 with a zone")]
SkillName = Annotated[str, msgspec.Meta(min_length=1, max_length=20, pattern=NAME_PATTERN)]


class PayIn(SchemaIn):
    """Pay: a whole, positive number of fen (分) per hour, day or piece."""

    amount_fen: Annotated[int, msgspec.Meta(ge=1, le=MAX_PAY_FEN)]
    unit: Literal["hour", "day", "piece"]


class Pay(Schema):
    """Pay: fen per unit."""

    amount_fen: int
    unit: str


class JobCreate(SchemaIn):
    """A new job posting. Staff posting for an employer who phoned in name them in `employer_id`."""

    title: Annotated[str, msgspec.Meta(min_length=2, max_length=60, pattern=NAME_PATTERN)]
    skills: Annotated[list[SkillName], msgspec.Meta(min_length=1, max_length=10)]
    location: LocationIn
    starts_at: AwareDateTime
    ends_at: AwareDateTime
    headcount: Annotated[int, msgspec.Meta(ge=1, le=500)]
    pay: PayIn
    description: Annotated[str, msgspec.Meta(max_length=2000, pattern=LINES_PATTERN)] = ""
    pay_due_hours: Annotated[int, msgspec.Meta(ge=0, le=720)] = 24
    employer_id: Id | None = None


class EmployerBrief(Schema):
    """Who posted a job, and how much to trust them."""

    id: int
    name: str
    credit_grade: str
    credit_warning: bool = False
    """信用预警: the employer is graded C or D (docs/credit.md); the screens mark the posting."""


class EmployerPayRecord(Schema):
    """How the employer paid over the last `window_months`: `deals` (completed orders), the share paid by the
    pay-by time among those whose time has come, how many paid late and how many are overdue unpaid. Only from
    `min_deals` deals; below that `new` is true and every figure null (新用工方，记录尚少)."""

    window_months: int
    min_deals: int
    new: bool
    deals: int | None = None
    paid_on_time_percent: int | None = None
    """None when no deal's pay-by time has come yet."""
    paid_late: int | None = None
    unpaid_overdue: int | None = None


class JobOut(Schema):
    """A job as anyone signed in sees it; `distance_km` from the point asked about, when known.

    `status` is `open`, `full` (every place taken; `open` again when a cancel frees one) or `cancelled`.
    On a worker's radar (and on `GET /api/jobs/{id}` for a worker whose trades fit) each job also says why it is
    suggested: `score`, `matched_skills` (`[required, held,
    similarity]`) and `breakdown` (components in 0..1); elsewhere these are null.
    """

    id: int
    employer: EmployerBrief
    title: str
    description: str
    skills: list[str]
    location: Location
    starts_at: datetime
    ends_at: datetime
    headcount: int
    filled: int
    pay: Pay
    pay_due_hours: int
    status: str
    created_at: datetime
    distance_km: float | None = None
    score: float | None = None
    matched_skills: list[tuple[str, str, float]] | None = None
    breakdown: dict[str, float] | None = None
    navigation: Navigation | None = None
    """On `GET /api/jobs/{id}` only: links that open the phone's map app at the place (null in lists)."""
    employer_record: EmployerPayRecord | None = None
    """On `GET /api/jobs/{id}` only: the employer's pay record (null in lists, so the radar stays one query)."""


class PublicEmployer(Schema):
    """Who posted a shared job, as a stranger may see them: a firm by its name, a household by a surname."""

    name: str
    credit_grade: str
    credit_warning: bool = False
    """信用预警: the employer is graded C or D (docs/credit.md)."""


class PublicJob(Schema):
    """A job as a signed-out visitor of a shared link sees it: no phone, no exact street number, no position.

    `area` is the job's address up to its first number (the street, not the house, building or room); a worker
    who accepts sees the whole address. Phone numbers typed into the title or description show masked, and the
    house number left out of `area` shows as "…" where they repeat it.
    """

    id: int
    employer: PublicEmployer
    title: str
    description: str
    skills: list[str]
    area: str
    starts_at: datetime
    ends_at: datetime
    headcount: int
    filled: int
    pay: Pay
    pay_due_hours: int
    status: str
