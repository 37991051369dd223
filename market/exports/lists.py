"""The raw lists the bureau reports on: orders, jobs, contracts, wage warnings and wage cases (docs/exports.md).

Each is filtered by the day its row came to be (an order accepted, a job posted, a contract issued, a warning
raised, a case received); warnings and cases, which belong to a station, by station or district too.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from market.cases.tables import Claimant, WageCase
from market.contracts.tables import Contract
from market.exports.columns import Column
from market.exports.filters import Filters
from market.exports.paging import TableListing
from market.exports.registry import DAYS, Export, Rows, register
from market.jobs.tables import Job
from market.orders.tables import Order
from market.wages.board import employer_names
from market.wages.tables import WageWarning
from market.workers.tables import WorkerProfile

__all__ = ["CASES", "CONTRACTS", "JOBS", "ORDERS", "WARNINGS"]

AT_STATION = DAYS | {"district", "station_id"}


def _days(column: Any, filters: Filters) -> Any:
    condition = None
    if (since := filters.since()) is not None:
        condition = column >= since
    if (before := filters.before()) is not None:
        condition = column < before if condition is None else condition & (column < before)
    return condition


def _at_station(table: type[WageWarning] | type[WageCase], column: Any, filters: Filters) -> Any:
    condition = _days(column, filters)
    for narrowing in (table.station == filters.station_id if filters.station_id is not None else None,
                      table.station.district == filters.district if filters.district is not None else None):  # type: ignore[union-attr]
        if narrowing is not None:
            condition = narrowing if condition is None else condition & narrowing
    return condition


async def _employers(rows: Rows) -> None:
    names = await employer_names({row["employer_id"] for row in rows})
    for row in rows:
        row["employer"] = names.get(row["employer_id"], "")


async def _workers(rows: Rows) -> None:
    ids = ",".join(str(int(worker)) for worker in {row["worker_id"] for row in rows})  # integers only: safe inline
    # one IN list written out: Piccolo's is_in builds a query part per value, slower than the page's own query
    profiles = {p["user"]: p for p in await WorkerProfile.raw(
        f'SELECT "user", real_name, id_number_masked FROM worker_profiles WHERE "user" IN ({ids})')  # noqa: S608
    } if ids else {}
    for row in rows:
        profile = profiles.get(row["worker_id"], {})
        row["worker_name"] = profile.get("real_name") or row["worker_name"]
        row["worker_id_number"] = profile.get("id_number_masked", "")


async def _order_parties(rows: Rows) -> None:
    await _employers(rows)
    await _workers(rows)


async def _orders_where(filters: Filters) -> Any:
    return _days(Order.accepted_at, filters)


ORDERS = register(Export("orders", (
    Column("order_id", "number"), Column("job_id", "number"), Column("title"), Column("employer"),
    Column("worker_name", "name"), Column("worker_phone", "phone"), Column("worker_id_number", "id_number"),
    Column("status", "words", "order_status."), Column("starts_at", "time"), Column("ends_at", "time"),
    Column("accepted_at", "time"), Column("consent_method", "words", "exports.consent."),
    Column("agreed_pay_fen", "money"), Column("paid_amount_fen", "money"), Column("paid_at", "time"),
    Column("payment_confirmed_at", "time"), Column("cancelled_at", "time"),
    Column("cancelled_by_role", "words", "exports.role."), Column("cancel_late", "words", "exports.yes_no."),
    Column("contract_status", "words", "exports.contract_status."),
), TableListing(Order, (
    Order.id.as_alias("order_id"), Order.job.as_alias("job_id"), Order.job.title.as_alias("title"),  # type: ignore[attr-defined,union-attr]
    Order.job.employer.as_alias("employer_id"), Order.worker.as_alias("worker_id"),  # type: ignore[attr-defined,union-attr]
    Order.worker.name.as_alias("worker_name"), Order.worker.phone.as_alias("worker_phone"),  # type: ignore[attr-defined,union-attr]
    Order.status, Order.starts_at, Order.ends_at, Order.accepted_at, Order.consent_method, Order.agreed_pay_fen,
    Order.paid_amount_fen, Order.paid_at, Order.payment_confirmed_at, Order.cancelled_at, Order.cancelled_by_role,
    Order.cancel_late, Order.contract_status,
), _orders_where, _order_parties).snapshot))


async def _jobs_where(filters: Filters) -> Any:
    return _days(Job.created_at, filters)


async def _job_details(rows: Rows) -> None:
    await _employers(rows)
    for row in rows:
        skills = row["skills"]
        skills = json.loads(skills) if isinstance(skills, str) else skills or []
        row["skills"] = "、".join(str(skill) for skill in skills)


JOBS = register(Export("jobs", (
    Column("job_id", "number"), Column("title"), Column("employer"), Column("skills"), Column("address"),
    Column("starts_at", "time"), Column("ends_at", "time"), Column("headcount", "number"), Column("filled", "number"),
    Column("pay_amount_fen", "money"), Column("pay_unit", "words", "exports.pay_unit."),
    Column("pay_due_hours", "number"), Column("status", "words", "exports.job_status."),
    Column("created_at", "time"), Column("cancelled_at", "time"),
), TableListing(Job, (
    Job.id.as_alias("job_id"), Job.title, Job.employer.as_alias("employer_id"), Job.skills, Job.address,
    Job.starts_at, Job.ends_at, Job.headcount, Job.filled, Job.pay_amount_fen, Job.pay_unit, Job.pay_due_hours,
    Job.status, Job.created_at, Job.cancelled_at,
), _jobs_where, _job_details).snapshot))


async def _contracts_where(filters: Filters) -> Any:
    return _days(Contract.issued_at, filters)


CONTRACTS = register(Export("contracts", (
    Column("contract_id", "number"), Column("number"), Column("order_id", "number"), Column("title"),
    Column("employer"), Column("worker_name", "name"), Column("status", "words", "exports.contract_status."),
    Column("issued_at", "time"), Column("cancelled_at", "time"), Column("sha256"),
), TableListing(Contract, (
    Contract.id.as_alias("contract_id"), Contract.number, Contract.order.as_alias("order_id"),
    Contract.order.job.title.as_alias("title"),  # type: ignore[attr-defined,union-attr]
    Contract.order.job.employer.as_alias("employer_id"),  # type: ignore[attr-defined,union-attr]
    Contract.order.worker.as_alias("worker_id"), Contract.order.worker.name.as_alias("worker_name"),  # type: ignore[attr-defined,union-attr]
    Contract.status, Contract.issued_at, Contract.cancelled_at, Contract.sha256,
), _contracts_where, _order_parties).snapshot))


async def _warnings_where(filters: Filters) -> Any:
    announced = WageWarning.severity > 0  # a warning still being put together (no level yet) is on no board
    narrowed = _at_station(WageWarning, WageWarning.opened_at, filters)
    return announced if narrowed is None else announced & narrowed


WARNINGS = register(Export("warnings", (
    Column("warning_id", "number"), Column("level", "words", "exports.level."),
    Column("reason", "words", "exports.reason."), Column("employer"), Column("station"), Column("district"),
    Column("amount_fen", "money"), Column("worker_count", "number"), Column("oldest_due_at", "time"),
    Column("opened_at", "time"), Column("closed_at", "time"), Column("closed_how", "words", "exports.closed_how."),
), TableListing(WageWarning, (
    WageWarning.id.as_alias("warning_id"), WageWarning.level, WageWarning.reason,
    WageWarning.employer.as_alias("employer_id"), WageWarning.station.name.as_alias("station"),  # type: ignore[attr-defined,union-attr]
    WageWarning.station.district.as_alias("district"), WageWarning.amount_fen,  # type: ignore[attr-defined,union-attr]
    WageWarning.worker_count, WageWarning.oldest_due_at, WageWarning.opened_at, WageWarning.closed_at,
    WageWarning.closed_how,
), _warnings_where, _employers).snapshot, AT_STATION))


async def _cases_where(filters: Filters) -> Any:
    return _at_station(WageCase, WageCase.opened_at, filters)


async def _case_details(rows: Rows) -> None:
    await _employers(rows)
    sums: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for claim in await Claimant.select(Claimant.case, Claimant.amount_fen, Claimant.recovered_fen).where(
            Claimant.case.is_in([row["case_id"] for row in rows])):
        total = sums[claim["case"]]
        total[0] += 1
        total[1] += claim["amount_fen"]
        total[2] += claim["recovered_fen"]
    for row in rows:
        row["claimants"], row["claimed_fen"], row["recovered_fen"] = sums[row["case_id"]]


CASES = register(Export("cases", (
    Column("case_id", "number"), Column("period"), Column("employer"), Column("station"), Column("district"),
    Column("case_status", "words", "case_status."), Column("outcome", "words", "case_outcome."),
    Column("case_level", "words", "exports.case_level."), Column("supervision", "words", "exports.supervision."),
    Column("source", "words", "exports.source."), Column("claimants", "number"), Column("claimed_fen", "money"),
    Column("recovered_fen", "money"), Column("opened_at", "time"), Column("closed_at", "time"),
    Column("reopened", "words", "exports.yes_no."),
), TableListing(WageCase, (
    WageCase.id.as_alias("case_id"), WageCase.period, WageCase.employer.as_alias("employer_id"),
    WageCase.station.name.as_alias("station"), WageCase.station.district.as_alias("district"),  # type: ignore[attr-defined,union-attr]
    WageCase.status.as_alias("case_status"), WageCase.outcome, WageCase.level.as_alias("case_level"),
    WageCase.supervision, WageCase.source, WageCase.opened_at, WageCase.closed_at, WageCase.reopened,
), _cases_where, _case_details).snapshot, AT_STATION))

