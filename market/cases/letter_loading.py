"""The facts a case letter states, loaded from the case, its complaints, their orders and the issuing station."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from market.cases.letter_facts import Claimant, Issuer, LetterFacts, LetterKind, WorkDone
from market.cases.views import case_number
from market.contracts.tables import Contract
from market.core import clock
from market.core.personal_data import decrypt
from market.core.workdays import add_working_days
from market.core.zone import local
from market.employers.tables import Employer
from market.orders.tables import Order
from market.stations.tables import Station

__all__ = ["BUREAU", "PAY_WITHIN_WORKING_DAYS", "letter_facts"]

PAY_WITHIN_WORKING_DAYS = 3
"""A letter asks the employer to pay, or answer in writing, within this many working days."""
BUREAU = Issuer(name="人力资源和社会保障局（劳动保障监察）", address="", phone="12333")
"""The labour bureau as the issuer of a supervision letter (its hotline is the contact)."""


async def _employer(employer_id: int) -> tuple[str, str | None]:
    row = await Employer.select(Employer.name, Employer.credit_code_encrypted).where(
        Employer.user == employer_id).first()
    if row is None:
        return "", None
    code = decrypt(row["credit_code_encrypted"], context="employer.credit_code") if row[
        "credit_code_encrypted"] else None
    return row["name"], code


async def _work(order_ids: list[int]) -> dict[int, WorkDone]:
    orders = await Order.select(Order.id, Order.starts_at, Order.ends_at, Order.job.title.as_alias("title"),
                                Order.job.address.as_alias("address")).where(  # type: ignore[union-attr]
        Order.id.is_in(order_ids)) if order_ids else []
    numbers = {r["order"]: r["number"] for r in await Contract.select(Contract.order, Contract.number).where(
        Contract.order.is_in(order_ids))} if order_ids else {}
    return {o["id"]: WorkDone(title=o["title"], address=o["address"], first_day=local(o["starts_at"]).date(),
                              last_day=local(o["ends_at"]).date(), contract_number=numbers.get(o["id"]))
            for o in orders}


async def _issuer(kind: LetterKind, station_id: int | None) -> Issuer:
    if kind == "supervision" or station_id is None:
        return BUREAU
    row = await Station.select(Station.name, Station.address, Station.phone).where(Station.id == station_id).first()
    return Issuer(name=row["name"], address=row["address"], phone=row["phone"]) if row else BUREAU


async def letter_facts(row: dict[str, Any], claimants: list[dict[str, Any]], kind: LetterKind,
                       reminded_on: Any = None) -> LetterFacts:
    """What a `kind` letter about the case `row` says: each claimant's unpaid amount and work, who issues it, and
    the day to pay by (`PAY_WITHIN_WORKING_DAYS` working days from now)."""
    work = await _work([c["order"] for c in claimants])
    owed: dict[str, list[Any]] = defaultdict(lambda: [0, []])
    for claimant in claimants:
        entry = owed[claimant["worker_name"]]
        entry[0] += max(claimant["amount_fen"] - claimant["recovered_fen"], 0)
        if claimant["order"] in work:
            entry[1].append(work[claimant["order"]])
    name, code = await _employer(row["employer"])
    station_name = (await _issuer("reminder", row["station"])).name if row["station"] else ""
    now = clock.now()
    return LetterFacts(
        case_number=case_number(row), employer_name=name, employer_credit_code=code,
        claimants=tuple(Claimant(name=n, amount_fen=a, work=tuple(w)) for n, (a, w) in owed.items()),
        received_on=local(row["opened_at"]).date(), issued_on=local(now).date(),
        pay_by=local(add_working_days(now, PAY_WITHIN_WORKING_DAYS)).date(), issuer=await _issuer(kind, row["station"]),
        handling_station=station_name if kind == "supervision" else "", reminded_on=reminded_on)
