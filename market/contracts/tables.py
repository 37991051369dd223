"""Contracts as stored: the sealed PDF and its hash, the hash-chained audit trail, and the parties' signing keys."""

from piccolo.columns import JSON, Bytea, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from market.accounts.tables import User
from market.jobs.tables import Job
from market.orders.tables import Order


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


class ContractVerification(Table, tablename="contract_verifications"):
    """Anonymous verifications of one contract on one day, counted (the trail gets one event per contract per day)."""

    id: Serial
    contract = ForeignKey(Contract, index=True, on_delete=OnDelete.restrict)
    day = Varchar(length=10)
    key = Varchar(length=60, unique=True)
    valid_count = Integer(default=0)
    invalid_count = Integer(default=0)
