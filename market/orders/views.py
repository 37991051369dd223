"""Reading orders: who may see which, and the API shape of an order row."""

from __future__ import annotations

import asyncio
from functools import cache
from typing import Any, Literal

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.core.database import batched_reads
from market.core.errors import NotFound
from market.core.geo import distance_km
from market.core.identity import mask_mobile
from market.core.schemas import Page
from market.employers.tables import Employer
from market.orders.contract_refs import contract_refs
from market.orders.schemas import ContractRef, NoShowOut, OrderJob, OrderOut, OrderParty
from market.orders.tables import NoShow, Order
from market.places.navigation import navigation
from market.workers.tables import WorkerProfile

__all__ = ["get_order", "list_orders", "load_order_for", "order_facts", "order_out"]


@cache
def _columns() -> tuple[Any, ...]:
    # Built once: resolving the joined columns costs Piccolo about a millisecond each time.
    return (
        *Order.all_columns(),
        Order.job.title.as_alias("job_title"), Order.job.address.as_alias("job_address"),
        Order.job.lat.as_alias("job_lat"), Order.job.lon.as_alias("job_lon"),
        Order.job.pay_amount_fen.as_alias("job_pay_amount_fen"), Order.job.pay_unit.as_alias("job_pay_unit"),
        Order.job.employer.as_alias("employer_id"), Order.job.employer.phone.as_alias("employer_phone"),  # type: ignore[union-attr]
        Order.worker.name.as_alias("worker_name"), Order.worker.phone.as_alias("worker_phone"),
    )


def _select():
    return Order.select(*_columns())


def _visible_to(viewer: CurrentUser):
    """The list filter for what `policy.order_reach` lets the viewer see (None: every order)."""
    reach = policy.order_reach(viewer)
    if reach.everything:
        return None
    if reach.worker_id is not None:
        return Order.worker == reach.worker_id
    if reach.employer_id is not None:
        return Order.job.employer == reach.employer_id
    return Order.id.is_null()  # no orders at all


def order_facts(row: dict[str, Any]) -> policy.OrderFacts:
    """What the policy needs to know about an order row from `_select()`."""
    return policy.OrderFacts(worker_id=row["worker"], employer_id=row["employer_id"])


async def _employer_names(employer_ids: list[int]) -> dict[int, str]:
    if not employer_ids:
        return {}
    rows = await Employer.select(Employer.user, Employer.name).where(Employer.user.is_in(employer_ids))
    return {r["user"]: r["name"] for r in rows}


async def _homes(worker_ids: list[int]) -> dict[int, tuple[float, float]]:
    """Where the workers live (those who said), for the distance to their orders' sites."""
    if not worker_ids:
        return {}
    rows = await WorkerProfile.select(WorkerProfile.user, WorkerProfile.lat, WorkerProfile.lon).where(
        WorkerProfile.user.is_in(worker_ids))
    return {r["user"]: (r["lat"], r["lon"]) for r in rows if r["lat"] is not None}


async def _no_shows(rows: list[dict[str, Any]]) -> dict[int, NoShowOut]:
    """The no-shows recorded on these orders (accepted ones too: an objection upheld returns them to accepted)."""
    ids = [row["id"] for row in rows if row["status"] in ("accepted", "no_show")]
    if not ids:
        return {}
    employers = {row["id"]: row["employer_id"] for row in rows}
    return {r["order"]: NoShowOut(
        recorded_at=r["recorded_at"], recorded_by_staff=r["recorded_by"] != employers[r["order"]], note=r["note"],
        objection_due_at=r["objection_due_at"], objected_at=r["objected_at"], objection_note=r["objection_note"],
        decided_at=r["decided_at"], upheld=r["upheld"], decision_note=r["decision_note"],
    ) for r in await NoShow.select().where(NoShow.order.is_in(ids))}


def _phone(row: dict[str, Any], standing: policy.Standing | None, whose: Literal["worker", "employer"]) -> str:
    phone = row[f"{whose}_phone"]
    return phone if standing is not None and policy.sees_phone(standing, whose, row["status"]) else mask_mobile(phone)


def order_out(row: dict[str, Any], employer_name: str, contract: ContractRef | None = None,
              no_show: NoShowOut | None = None, standing: policy.Standing | None = None,
              home: tuple[float, float] | None = None) -> OrderOut:
    """The API shape of a row from `_select()` for a viewer of `standing`: phones in full as `policy.sees_phone`
    says, why its contract failed only for staff; `home` is the worker's home, for the distance to the site."""
    retrying = row["contract_status"] == "retrying"
    staff = standing == "staff"
    away = round(distance_km(*home, row["job_lat"], row["job_lon"]), 2) if home else None
    return OrderOut(
        id=row["id"], status=row["status"],
        job=OrderJob(id=row["job"], title=row["job_title"], address=row["job_address"], lat=row["job_lat"],
                     lon=row["job_lon"], pay_amount_fen=row["job_pay_amount_fen"], pay_unit=row["job_pay_unit"],
                     distance_km=away, navigation=navigation(row["job_lat"], row["job_lon"], row["job_address"])),
        worker=OrderParty(id=row["worker"], name=row["worker_name"], phone=_phone(row, standing, "worker")),
        employer=OrderParty(id=row["employer_id"], name=employer_name, phone=_phone(row, standing, "employer")),
        starts_at=row["starts_at"], ends_at=row["ends_at"], pay_due_at=row["pay_due_at"],
        agreed_pay_fen=row["agreed_pay_fen"], accepted_at=row["accepted_at"],
        accepted_by_staff=row["accepted_by"] != row["worker"], consent_method=row["consent_method"],
        checked_in_at=row["checked_in_at"], check_in_distance_m=row["check_in_distance_m"],
        completed_at=row["completed_at"], paid_at=row["paid_at"], paid_amount_fen=row["paid_amount_fen"],
        payment_note=row["payment_note"], payment_confirmed_at=row["payment_confirmed_at"],
        cancelled_at=row["cancelled_at"], cancelled_by_role=row["cancelled_by_role"], cancel_late=row["cancel_late"],
        cancel_reason=row["cancel_reason"], contract_status=row["contract_status"],
        contract_attempts=row["contract_attempts"],
        contract_next_attempt_at=row["contract_next_attempt_at"] if retrying else None,
        contract_error=(row["contract_error"] or None) if staff else None, contract=contract,
        no_show=no_show,
    )


async def load_order_for(order_id: int, viewer: CurrentUser) -> dict[str, Any]:
    """The order row if `viewer` may see it (`policy.see_order`); otherwise NotFound, as if it did not exist."""
    row = await _select().where(Order.id == order_id).first()
    if row is None:
        raise NotFound("order_not_found")
    policy.see_order(viewer, order_facts(row))
    return row


async def get_order(order_id: int, viewer: CurrentUser, contract: ContractRef | None = None) -> OrderOut:
    """One order, for its parties and staff; `contract` is its contract when the caller already has it."""
    async with batched_reads():
        row = await load_order_for(order_id, viewer)
        if contract is not None:
            names, no_shows = await asyncio.gather(_employer_names([row["employer_id"]]), _no_shows([row]))
        else:
            names, contracts, no_shows = await asyncio.gather(
                _employer_names([row["employer_id"]]), contract_refs([order_id]), _no_shows([row]))
            contract = contracts.get(order_id)
        homes = await _homes([row["worker"]])
    return order_out(row, names.get(row["employer_id"], ""), contract, no_shows.get(order_id),
                     policy.order_standing(viewer, order_facts(row)), homes.get(row["worker"]))


async def list_orders(viewer: CurrentUser, status: str | None, job_id: int | None, worker_id: int | None,
                      limit: int, offset: int) -> Page[OrderOut]:
    """The viewer's orders (a worker's own, an employer's jobs', or any for staff), newest start first."""
    query = _select()
    count = Order.count()
    for condition in (_visible_to(viewer), Order.status == status if status else None,
                      Order.job == job_id if job_id else None, Order.worker == worker_id if worker_id else None):
        if condition is not None:
            query, count = query.where(condition), count.where(condition)
    rows = await query.order_by(Order.starts_at, ascending=False).order_by(Order.id, ascending=False).limit(
        limit).offset(offset)
    names = await _employer_names(list({r["employer_id"] for r in rows}))
    contracts = await contract_refs([r["id"] for r in rows])
    no_shows = await _no_shows(rows)
    homes = await _homes(list({r["worker"] for r in rows}))
    return Page(items=[order_out(r, names.get(r["employer_id"], ""), contracts.get(r["id"]), no_shows.get(r["id"]),
                                 policy.order_standing(viewer, order_facts(r)), homes.get(r["worker"]))
                       for r in rows],
                total=await count,
                limit=limit, offset=offset)
