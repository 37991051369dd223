"""Employer bodies: who is posting the work."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from market.core.schemas import Location, LocationIn, Name, Schema, SchemaIn
from market.core.text import LINE_PATTERN, NAME_PATTERN

__all__ = ["EmployerOut", "EmployerUpdate", "WebhookIn", "WebhookOut"]


EmployerName = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=NAME_PATTERN)]
CreditCodeText = Annotated[str, msgspec.Meta(max_length=30, pattern=LINE_PATTERN)]
Address = Annotated[str, msgspec.Meta(min_length=2, max_length=200, pattern=NAME_PATTERN)]


class EmployerUpdate(SchemaIn):
    """Changes to the employer's details; fields left out stay as they are."""

    name: EmployerName | msgspec.UnsetType = msgspec.UNSET
    credit_code: CreditCodeText | msgspec.UnsetType | None = msgspec.UNSET
    contact_name: Name | msgspec.UnsetType = msgspec.UNSET
    address: Address | msgspec.UnsetType = msgspec.UNSET
    location: LocationIn | msgspec.UnsetType | None = msgspec.UNSET


class EmployerOut(Schema):
    """An employer; `credit_code` is masked except to the employer and staff; `credit_grade` is the market's."""

    id: int
    phone: str
    name: str
    credit_code: str | None
    contact_name: str
    address: str
    location: Location | None
    credit_grade: str
    barred: bool
    updated_at: datetime


class WebhookIn(SchemaIn):
    """Where to POST the employer's events (https; null to stop)."""

    url: Annotated[str, msgspec.Meta(max_length=300, pattern=LINE_PATTERN)] | None


class WebhookOut(Schema):
    """The webhook and the secret that signs it: `X-Linggong-Signature: sha256=HMAC(secret, timestamp + "." + body)`.

    The secret is shown only in this answer; setting the webhook again makes a new one.
    """

    url: str
    secret: str
