"""The tables of staff acting for walk-ins: standing consents, one-time consent codes, the evidence kept with an
accepted order, and the append-only record of every on-behalf act.

They sit with the stations (below workers, jobs and orders in the layers), so the order and job they point to are
lazy references. Their migrations stay in the contracts app, which has always held them.
"""

from piccolo.columns import Bytea, ForeignKey, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.columns.reference import LazyTableReference
from piccolo.table import Table

from market.accounts.tables import User
from market.stations.tables import Station

_ORDER = LazyTableReference(table_class_name="Order", module_path="market.orders.tables")
_JOB = LazyTableReference(table_class_name="Job", module_path="market.jobs.tables")


class ConsentEvidence(Table, tablename="consent_evidence"):
    """How a walk-in agreed when staff accepted for them: the handwritten signature image or the verified code."""

    id: Serial
    order: ForeignKey = ForeignKey(_ORDER, unique=True, on_delete=OnDelete.restrict)
    signature_png = Bytea(null=True, default=None)
    code_sent_to = Varchar(length=20, default="")
    verified_at = Timestamptz(default=TimestamptzNow())


class ConsentCode(Table, tablename="consent_codes"):
    """A one-time code sent to a walk-in's phone so they agree to one act at the station; stored as a keyed hash.

    `purpose` is `accept` (a job), `confirm_payment` (the order of that job) or `station` (standing consent, no job).
    """

    id: Serial
    worker = ForeignKey(User, index=True, on_delete=OnDelete.restrict)
    job: ForeignKey = ForeignKey(_JOB, null=True, default=None, on_delete=OnDelete.restrict)
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
    order: ForeignKey = ForeignKey(_ORDER, null=True, default=None, on_delete=OnDelete.restrict)
    fields = Varchar(length=200, default="")
    evidence = Varchar(length=120, default="")
    consent = ForeignKey(WalkInConsent, null=True, default=None, on_delete=OnDelete.restrict)
    at = Timestamptz(default=TimestamptzNow())
