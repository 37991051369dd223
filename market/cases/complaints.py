"""Filing a wage complaint about an order, from any channel, into one queue: a new case or an open one it joins.

Joining: complaints about the same employer whose orders' pay-by times fall in the same calendar month (the pay
period, on the market's clocks) go into that employer's open case for the month (received, assigned or handling),
one claimant each; otherwise a new case opens at the station that took the complaint (staff filing it) or the
station nearest the site. An employer with `case_repeat_count` cases in the window goes to the bureau at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.cases import attachments, records, trail
from market.cases.events import ComplaintFiled
from market.cases.schemas import AttachmentIn, ComplaintIn, ComplaintResult
from market.cases.tables import Claimant, WageCase
from market.cases.views import OPEN, case_number, case_outs, claimants_of, complaint_out, load_case
from market.core import clock
from market.core.database import lock_rows_for_update, write_transaction
from market.core.errors import Conflict, Invalid
from market.core.events import record
from market.core.geo import distance_km
from market.core.zone import local, short_local
from market.orders import idempotency
from market.orders.events import PaymentDisputed
from market.orders.tables import Order, OrderStatus
from market.orders.views import load_order_for, order_facts
from market.stations.behalf import record_act, require_standing_consent
from market.stations.services import station_of_staff
from market.stations.tables import Station

__all__ = ["PIECE_CAP_FEN", "Filing", "file_complaint", "file_into_case", "order_row", "store_attachments"]

PIECE_CAP_FEN = 10_000_000
"""Piece-rate pay is settled by the count when paying, so its order cannot bound a claim: ¥100,000 does."""
_WORKER_CHANNELS = ("app", "qr")
_STAFF_CHANNELS = ("station", "hotline_12333", "hotline_12345")


@dataclass(frozen=True)
class Filing:
    """One complaint to put into a case: about which order, what is claimed, through which channel, by whom."""

    kind: str
    amount_fen: int
    note: str
    channel: str
    filed_by: int | None
    station_id: int | None = None
    files: tuple[dict[str, Any], ...] = ()


async def order_row(order_id: int) -> dict[str, Any]:
    """The facts of an order a complaint needs (its job's title, site and employer, its worker's name)."""
    row = await Order.select(
        *Order.all_columns(), Order.job.title.as_alias("title"), Order.job.lat.as_alias("lat"),
        Order.job.lon.as_alias("lon"), Order.job.employer.as_alias("employer_id"),
        Order.job.pay_unit.as_alias("pay_unit"), Order.worker.name.as_alias("worker_name"),
    ).where(Order.id == order_id).first()
    assert row is not None
    return row


def _most_owed(order: dict[str, Any], kind: str) -> int:
    if order["pay_unit"] == "piece":
        return PIECE_CAP_FEN
    paid = order["paid_amount_fen"] or 0
    return order["agreed_pay_fen"] - paid if kind == "underpaid" and paid else order["agreed_pay_fen"]


def _check_claim(order: dict[str, Any], data: ComplaintIn) -> None:
    """Refuse what the order cannot support: not due yet, never worked, confirmed paid, or an impossible amount."""
    if data.kind == "other":  # any time, any state; an amount, if named, still within what the order could owe
        if data.amount_fen > _most_owed(order, "unpaid"):
            raise Invalid.field("amount_fen", "too_large", max=_most_owed(order, "unpaid"))
        return
    if clock.now() < order["pay_due_at"]:
        raise Conflict("complaint_not_due", due=short_local(order["pay_due_at"]),
                       due_at=order["pay_due_at"].isoformat())
    if order["status"] in (OrderStatus.cancelled, OrderStatus.no_show):
        raise Conflict("complaint_not_worked")
    if data.kind == "unpaid" and order["status"] == OrderStatus.confirmed:
        raise Conflict("complaint_confirmed_paid")
    if data.amount_fen < 1:
        raise Invalid.field("amount_fen", "too_small", min=1)
    most = _most_owed(order, data.kind)
    if data.amount_fen > most:
        raise Invalid.field("amount_fen", "too_large", max=most)


def _channel(viewer: CurrentUser, data: ComplaintIn) -> str:
    allowed = _WORKER_CHANNELS if viewer.role == "worker" else _STAFF_CHANNELS
    if data.channel is None:
        if viewer.role == "worker":
            return "app"
        raise Invalid.field("channel", "required")
    if data.channel not in allowed:
        raise Invalid.field("channel", "not_one_of", choices=", ".join(allowed))
    return data.channel


def store_attachments(items: list[AttachmentIn]) -> tuple[dict[str, Any], ...]:
    """Check every attachment (400 naming the bad one) before anything is written, then store them."""
    decoded = [attachments.decode(f"attachments.{index}.content_base64", item.content_base64)
               for index, item in enumerate(items)]
    return tuple(attachments.store(content, media_type, item.name).details()
                 for (content, media_type), item in zip(decoded, items, strict=True))


async def _nearest_station(lat: float, lon: float) -> int | None:
    stations = await Station.select(Station.id, Station.lat, Station.lon).where(Station.closed_at.is_null())
    if not stations:
        return None
    return min(stations, key=lambda s: distance_km(lat, lon, s["lat"], s["lon"]))["id"]


async def file_into_case(order: dict[str, Any], filing: Filing) -> tuple[dict[str, Any], int, bool]:
    """Put the complaint into the employer's open case for the period, or a new one (inside a write transaction,
    the employer's row locked so two complaints cannot open two cases): the case row, the complaint's id and
    whether it joined."""
    await lock_rows_for_update(User, User.id == order["employer_id"])
    period = local(order["pay_due_at"]).strftime("%Y-%m")
    now = clock.now()
    case = await WageCase.select().where(
        (WageCase.employer == order["employer_id"]) & (WageCase.period == period)
        & WageCase.status.is_in(list(OPEN))).order_by(WageCase.id).first()
    joined = case is not None
    if case is not None:
        case = await records.lock(case["id"])  # its trail grows by one link: no other act at the same time
    else:
        station = filing.station_id or await _nearest_station(order["lat"], order["lon"])
        created = WageCase(employer=order["employer_id"], period=period, station=station, opened_at=now,
                           state_since=now, source="warning" if filing.channel == "warning" else "complaint")
        await created.save()
        case = await load_case(created.id)
    claimant = Claimant(case=case["id"], order=order["id"], worker=order["worker"], kind=filing.kind,
                        amount_fen=filing.amount_fen, note=filing.note, channel=filing.channel,
                        filed_by=filing.filed_by, filed_at=now)
    await claimant.save()
    await trail.append(case["id"], "joined" if joined else "filed", filing.filed_by, {
        "complaint_id": claimant.id, "order_id": order["id"], "worker_id": order["worker"],
        "worker_name": order["worker_name"], "kind": filing.kind, "amount_fen": filing.amount_fen,
        "channel": filing.channel, "note": filing.note, "files": list(filing.files)}, at=now)
    if not joined and await records.repeat_employer(case):
        case = await records.escalate(case, None, "repeat_employer")
    record(ComplaintFiled(**await records.facts(case), complaint_id=claimant.id, worker_id=order["worker"],
                          amount_fen=filing.amount_fen, joined=joined, title=order["title"]))
    return case, int(claimant.id), joined


async def _already_filed(order_id: int) -> None:
    """One complaint per order while its case is not archived."""
    found = await Claimant.select(Claimant.case).where(
        (Claimant.order == order_id) & (Claimant.case.status != "archived")).first()  # type: ignore[union-attr]
    if found is not None:
        raise Conflict("complaint_already_filed", number=case_number(await load_case(found["case"])))


async def file_complaint(order_id: int, viewer: CurrentUser, data: ComplaintIn, key: str | None) -> ComplaintResult:
    """A complaint by the order's worker, or by staff for a walk-in (the station's standing consent) or a hotline
    caller; a retry with the same Idempotency-Key gets the first answer."""
    seen = await load_order_for(order_id, viewer)
    standing = policy.act_on_order(viewer, order_facts(seen), {"worker"})
    channel = _channel(viewer, data)
    consent = await require_standing_consent(seen["worker"], viewer) if channel == "station" else None
    digest = idempotency.fingerprint("complaint", order_id, data.kind, data.amount_fen, data.note, channel)
    files = store_attachments(data.attachments)
    async with write_transaction():
        await lock_rows_for_update(Order, Order.id == order_id)
        stored = await idempotency.recall(viewer.id, key, digest) if key else None
        if stored is not None:
            complaint_id = int(stored["complaint_id"])
        else:
            order = await order_row(order_id)
            _check_claim(order, data)
            await _already_filed(order_id)
            station = await station_of_staff(viewer.id) if standing == "staff" else None
            case, complaint_id, _ = await file_into_case(order, Filing(
                data.kind, data.amount_fen, data.note.strip(), channel, viewer.id, station, files))
            behalf = order["worker"] if standing == "staff" else None
            if consent is not None:
                await record_act(order["worker"], viewer, "complaint", consent_id=consent, order_id=order_id)
            if data.kind != "other":
                record(PaymentDisputed(
                    order_id=order_id, job_id=order["job"], worker_id=order["worker"],
                    employer_id=order["employer_id"], title=order["title"], starts_at=order["starts_at"],
                    worker_name=order["worker_name"], actor_id=viewer.id, on_behalf_of=behalf, kind=data.kind,
                    amount_fen=data.amount_fen, complaint_id=complaint_id))
            if key:
                await idempotency.remember(viewer.id, key, digest, 201, {"complaint_id": complaint_id,
                                                                         "case_id": case["id"]})
    complaint = next(c for c in await claimants_of([await _case_of(complaint_id)]) if c["id"] == complaint_id)
    case_row = await load_case(complaint["case"])
    return ComplaintResult(complaint=complaint_out(complaint), case=(await case_outs([case_row], viewer))[0])


async def _case_of(complaint_id: int) -> int:
    row = await Claimant.select(Claimant.case).where(Claimant.id == complaint_id).first()
    assert row is not None
    return int(row["case"])
