"""What a gig contract says and who agreed to it: terms, parties and consent records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

__all__ = [
    "Consent",
    "ConsentMethod",
    "ContractTerms",
    "Language",
    "Party",
    "PartyRole",
    "Pay",
    "PayMethod",
    "PayUnit",
    "ServiceRules",
    "Station",
]

_FULL_ID = re.compile(r"\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
_FULL_PHONE = re.compile(r"\+?(86)?1\d{10}")
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_MAX_SIGNATURE_IMAGE = 512 * 1024


class PartyRole(StrEnum):
    """Who signs: the worker, the employer, or the platform that seals."""

    WORKER = "worker"
    EMPLOYER = "employer"
    PLATFORM = "platform"


class Language(StrEnum):
    """The language a contract is rendered in."""

    ZH_CN = "zh-CN"
    EN = "en"


class PayUnit(StrEnum):
    """What one pay amount buys: an hour, a day or a piece of work."""

    HOUR = "hour"
    DAY = "day"
    PIECE = "piece"


class PayMethod(StrEnum):
    """How the employer pays the worker."""

    BANK_TRANSFER = "bank_transfer"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    CASH = "cash"


class ConsentMethod(StrEnum):
    """How a party agreed to the contract, recorded in the signature block and the audit trail."""

    APP_ACCEPT = "app_accept"
    """The worker accepted the order in the app, signed in as themself."""
    STAFF_SMS_CODE = "staff_sms_code"
    """Station staff accepted for a walk-in, confirmed by a one-time code sent to the worker's phone."""
    STAFF_HANDWRITTEN = "staff_handwritten"
    """Station staff accepted for a walk-in, who signed by hand on the station screen (image embedded)."""
    STANDING_AUTHORISATION = "standing_authorisation"
    """The employer authorised signing for every accepted order when posting the job."""


def _require_aware(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def _require_masked(name: str, value: str) -> None:
    compact = value.replace(" ", "").replace("-", "")
    if _FULL_ID.fullmatch(compact) or _FULL_PHONE.fullmatch(compact):
        raise ValueError(f"{name} looks unmasked; the library only accepts masked values")


@dataclass(frozen=True, slots=True)
class Party:
    """One side of the contract, with identity numbers and phone already masked by the service.

    What lets the parties reach and identify each other may be given in full: `phone` (the parties' copy carries
    each other's number) and, for an employer, `credit_code` (a unified social credit code is public). Where they
    are given the contract shows them instead of the masked values; a resident ID stays masked always.
    """

    role: PartyRole
    name: str
    id_number_masked: str
    phone_masked: str
    address: str = ""
    contact_name: str = ""
    phone: str = ""
    credit_code: str = ""

    @property
    def phone_shown(self) -> str:
        """The phone as the contract prints it: in full when given, else masked."""
        return self.phone or self.phone_masked

    @property
    def id_shown(self) -> str:
        """The identity number as printed: an employer's credit code in full when given, else the masked one."""
        return self.credit_code or self.id_number_masked

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("party name is empty")
        _require_masked("id_number_masked", self.id_number_masked)
        _require_masked("phone_masked", self.phone_masked)


@dataclass(frozen=True, slots=True)
class Station:
    """The gig station that mediates disputes about this order."""

    name: str
    address: str
    phone: str


@dataclass(frozen=True, slots=True)
class Pay:
    """The agreed pay: an amount in fen per unit, and optionally the expected total in fen."""

    amount_fen: int
    unit: PayUnit
    estimated_total_fen: int | None = None

    def __post_init__(self) -> None:
        if self.amount_fen <= 0:
            raise ValueError("amount_fen must be positive")
        if self.estimated_total_fen is not None and self.estimated_total_fen < self.amount_fen:
            raise ValueError("estimated_total_fen is smaller than one unit of pay")


@dataclass(frozen=True, slots=True)
class ServiceRules:
    """The platform's rules that the contract states, as the service enforces them (handed over from its settings)."""

    worker_cancel_notice_hours: int = 12
    """The worker cancels free of record until this many hours before the start."""
    employer_cancel_notice_hours: int = 24
    """The employer cancels free of record until this many hours before the start."""
    check_in_fence_m: int = 500
    """A check-in counts only within this many metres of the place of work."""
    check_in_opens_minutes: int = 60
    """Check-in opens this many minutes before the start."""
    no_show_grace_minutes: int = 60
    """The employer may record a no-show this many minutes after the start, if the worker has not checked in."""
    no_show_objection_hours: int = 72
    """The worker may object to a recorded no-show within this many hours."""

    def __post_init__(self) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")


@dataclass(frozen=True, slots=True)
class ContractTerms:
    """Everything the contract document states, in the form the service hands it over."""

    number: str
    worker: Party
    employer: Party
    job_title: str
    duties: str
    place: str
    starts_at: datetime
    ends_at: datetime
    pay: Pay
    pay_due_at: datetime
    pay_method: PayMethod
    station: Station
    verify_url: str
    issued_at: datetime
    time_zone: str = "Asia/Shanghai"
    language: Language = Language.ZH_CN
    platform_name: str = "零工市场服务平台"
    safety_notes: str = ""
    rules: ServiceRules = field(default_factory=ServiceRules)
    late_cancel_compensation_fen: int = 0

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{2,39}", self.number):
            raise ValueError("contract number must be 3-40 letters, digits or hyphens")
        if self.worker.role is not PartyRole.WORKER or self.employer.role is not PartyRole.EMPLOYER:
            raise ValueError("worker and employer parties have the wrong roles")
        for name in ("starts_at", "ends_at", "pay_due_at", "issued_at"):
            _require_aware(name, getattr(self, name))
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        if self.pay_due_at < self.ends_at:
            raise ValueError("pay_due_at must not be before the work ends")
        if not self.verify_url.startswith(("https://", "http://")):
            raise ValueError("verify_url must be an http(s) URL")
        ZoneInfo(self.time_zone)  # raises for an unknown zone

    @property
    def zone(self) -> ZoneInfo:
        """The market's time zone, in which the document shows every time."""
        return ZoneInfo(self.time_zone)

    @property
    def pay_due_hours(self) -> float:
        """How many hours after the end of the work the pay is due."""
        return (self.pay_due_at - self.ends_at).total_seconds() / 3600


@dataclass(frozen=True, slots=True)
class Consent:
    """A party's recorded act of agreeing: who, when, how, through which channel, assisted by whom."""

    role: PartyRole
    method: ConsentMethod
    at: datetime
    channel: str
    staff_name: str = ""
    signature_png: bytes | None = field(default=None, repr=False)
    evidence: str = ""
    actor: str = ""
    """Who acted, in the service's words (e.g. "user:812" or "staff:17 for user:812"); goes to the audit trail."""

    def __post_init__(self) -> None:
        _require_aware("at", self.at)
        assisted = self.method in (ConsentMethod.STAFF_SMS_CODE, ConsentMethod.STAFF_HANDWRITTEN)
        if assisted and not self.staff_name.strip():
            raise ValueError("staff-assisted consent needs the staff member's name")
        if self.method is ConsentMethod.STAFF_HANDWRITTEN:
            png = self.signature_png or b""
            if not png.startswith(_PNG_MAGIC) or len(png) > _MAX_SIGNATURE_IMAGE:
                raise ValueError("handwritten consent needs a PNG signature image under 512 KiB")
        elif self.signature_png is not None:
            raise ValueError("a signature image belongs only to handwritten consent")
        if self.method is ConsentMethod.STANDING_AUTHORISATION and self.role is not PartyRole.EMPLOYER:
            raise ValueError("standing authorisation is the employer's consent method")
        if self.role is PartyRole.PLATFORM:
            raise ValueError("the platform seals; it does not consent")
