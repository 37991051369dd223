"""The change table: one row per write that matching must hear about, read by every app process's poller."""

from enum import StrEnum

from piccolo.columns import BigInt, BigSerial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class ChangeKind(StrEnum):
    """What changed: a worker (profile, record), a job (posted, cancelled), an order (both its worker and job), or
    an employer (name, grade) or an account (sessions, active, name, phone): read caches only."""

    worker = "worker"
    job = "job"
    order = "order"
    employer = "employer"
    account = "account"


class MatchingChange(Table, tablename="matching_changes"):
    """`(seq, kind, entity_id, at)`: the entity's *current* row is read when the change is applied."""

    seq = BigSerial(primary_key=True)
    kind = Varchar(length=10, choices=ChangeKind)
    entity_id = BigInt()
    at = Timestamptz(default=TimestamptzNow())
