"""The API shapes of pools, invitations and alert settings."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from market.core.schemas import Id, Schema, SchemaIn

__all__ = ["AlertPreferences", "AlertPreferencesUpdate", "InvitationCreate", "InvitationOut", "LastJob",
           "PoolMemberCreate", "PoolMemberOut", "QuietHours"]

Clock = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", examples=["22:00"],
                                    description="a time of day on the market's clocks, HH:MM")]
Channel = Literal["sms", "app"]


class LastJob(Schema):
    """The last job a pool member did for the employer."""

    job_id: int
    title: str
    starts_at: datetime
    status: str


class PoolMemberOut(Schema):
    """A worker in the employer's pool: `phone` in full only while a live order between them makes it visible."""

    worker_id: int
    name: str
    trades: list[str]
    phone: str
    last_job: LastJob | None
    jobs_together: int
    added_at: datetime


class PoolMemberCreate(SchemaIn):
    """Add a worker who completed a job for you."""

    worker_id: Id


class InvitationCreate(SchemaIn):
    """Invite a pool member or one of the job's candidates."""

    worker_id: Id


class InvitationOut(Schema):
    """An invitation to a job, as its employer and its worker see it; `accepted` once the worker took the job."""

    id: int
    job_id: int
    worker_id: int
    employer_name: str
    title: str
    address: str
    starts_at: datetime
    pay_amount_fen: int
    pay_unit: str
    source: str
    invited_at: datetime
    accepted: bool
    job_open: bool
    """The job still takes people (open, not full, not started)."""


class QuietHours(SchemaIn):
    """No alerts from `from` to `to` (market time; may run over midnight)."""

    from_: Clock = msgspec.field(name="from")
    to: Clock


class AlertPreferences(Schema):
    """A worker's job alert settings (alerts are off until they opt in)."""

    enabled: bool
    channels: list[Channel]
    quiet_hours: dict[str, str] | None
    daily_cap: int
    sent_today: int


class AlertPreferencesUpdate(SchemaIn):
    """Change some of the alert settings; `quiet_hours: null` removes them."""

    enabled: bool | msgspec.UnsetType = msgspec.UNSET
    channels: Annotated[list[Channel], msgspec.Meta(max_length=2)] | msgspec.UnsetType = msgspec.UNSET
    quiet_hours: QuietHours | msgspec.UnsetType | None = msgspec.UNSET
    daily_cap: Annotated[int, msgspec.Meta(ge=1, le=50)] | msgspec.UnsetType = msgspec.UNSET
