"""Contracts as stored: the sealed PDF and its hash, the hash-chained audit trail, and the parties' signing keys."""

from piccolo.columns import JSON, Bytea, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.jobs.tables import Job
from market.orders.tables import Order
from market.stations.tables import Station


class Contract(Table, tablename="contracts"):
    """One order's signed contract; `verify_token` is the unguessable part of the public verification URL."""

    id: Serial
    order = ForeignKey(Order, unique=True, on_delete=OnDelete.restrict)
    number = Varchar(length=40, unique=True)
    verify_token = Varchar(length=40, unique=True)
    status = Varchar(length=10, default="issued", index=True)
    sha256 = Varchar(length=64, index=True)
    pdf = Bytea()
    language = Varchar(length=5, default="zh-CN")
    audit_head_at_sealing = Varchar(length=64)
    issued_at = Timestamptz(default=TimestamptzNow())
    cancelled_at = Timestamptz(null=True, default=None)


class ContractEvent(Table, tablename="contract_events"):
    """One link of a contract's audit chain, stored exactly as the contracts library hashed it."""

    id: Serial
    contract = ForeignKey(Contract, index=True, on_delete=OnDelete.restrict)
    seq = Integer()
    kind = Varchar(length=24)
    record = JSON()


class SigningCredential(Table, tablename="signing_credentials"):
    """A party's certificate and private key (PKCS#8, encrypted with a key only the platform derives)."""

    id: Serial
    user = ForeignKey(User, unique=True, on_delete=OnDelete.restrict)
    role = Varchar(length=10)
    cert_pem = Text()
    key_pem = Text(secret=True)
    created_at = Timestamptz(default=TimestamptzNow())


class StandingAuthorisation(Table, tablename="standing_authorisations"):
    """The employer's authorisation, recorded when posting a job, to sign each order of that job on acceptance."""

    id: Serial
    job = ForeignKey(Job, unique=True, on_delete=OnDelete.restrict)
    employer = ForeignKey(User, on_delete=OnDelete.restrict)
    actor = ForeignKey(User, on_delete=OnDelete.restrict)
    channel = Varchar(length=20)
    at = Timestamptz(default=TimestamptzNow())


class ConsentEvidence(Table, tablename="consent_evidence"):
    """How a walk-in agreed when staff accepted for them: the handwritten signature image or the verified code."""

    id: Serial
    order = ForeignKey(Order, unique=True, on_delete=OnDelete.restrict)
    signature_png = Bytea(null=True, default=None)
    code_sent_to = Varchar(length=20, default="")
    verified_at = Timestamptz(default=TimestamptzNow())


class ConsentCode(Table, tablename="consent_codes"):
    """A one-time code sent to a walk-in's phone so they agree to one act at the station; stored as a keyed hash.

    `purpose` is `accept` (a job), `confirm_payment` (the order of that job) or `station` (standing consent, no job).
    """

    id: Serial
    worker = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    job = ForeignKey(Job, null=True, default=None, on_delete=OnDelete.restrict)
    purpose = Varchar(length=20, default="accept")
    staff = ForeignKey(User, on_delete=OnDelete.restrict)
    code_hash = Varchar(length=64)
    expires_at = Timestamptz()
    attempts = Integer(default=0)
    used_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())


class WalkInConsent(Table, tablename="walk_in_consents"):
    """A worker's standing consent that one station's staff act for them: given when the station registered them
    (`how` = registered) or by a code texted to their phone and read out there (`how` = sms_code).

    `station` is null for staff who belong to no station; such a consent holds for that staff member alone.
    """

    id: Serial
    worker = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    station = ForeignKey(Station, null=True, default=None, on_delete=OnDelete.restrict)
    staff = ForeignKey(User, on_delete=OnDelete.restrict)
    how = Varchar(length=20)
    evidence = Varchar(length=120, default="")
    at = Timestamptz(default=TimestamptzNow())


class OnBehalfAct(Table, tablename="on_behalf_acts"):
    """Append-only: one act staff did for a worker (accept, profile edit, payment confirmed) and what showed consent.

    `evidence` names the act's own proof (`consent_code:<id>`, `signature:sha256:<hex>`); `consent` the standing
    consent the station relied on.
    """

    id: Serial
    worker = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    staff = ForeignKey(User, on_delete=OnDelete.restrict)
    station = ForeignKey(Station, null=True, default=None, on_delete=OnDelete.restrict)
    act = Varchar(length=24)
    order = ForeignKey(Order, null=True, default=None, on_delete=OnDelete.restrict)
    fields = Varchar(length=200, default="")
    evidence = Varchar(length=120, default="")
    consent = ForeignKey(WalkInConsent, null=True, default=None, on_delete=OnDelete.restrict)
    at = Timestamptz(default=TimestamptzNow())


class ContractVerification(Table, tablename="contract_verifications"):
    """Anonymous verifications of one contract on one day, counted (the trail gets one event per contract per day)."""

    id: Serial
    contract = ForeignKey(Contract, index=True, on_delete=OnDelete.restrict)
    day = Varchar(length=10)
    key = Varchar(length=60, unique=True)
    valid_count = Integer(default=0)
    invalid_count = Integer(default=0)
