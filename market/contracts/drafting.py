"""Drafting a contract from an order: its terms, the parties (ID numbers masked; phones and an employer's credit
code in full, so the parties can reach and identify each other), the consents, the mediating station."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from contracts import Consent, ConsentMethod, ContractTerms, Party, PartyRole, Pay, PayMethod, PayUnit, Station
from market.accounts.tables import User
from market.contracts.credentials import name_on_contracts
from market.contracts.tables import StandingAuthorisation
from market.core.geo import distance_km
from market.core.identity import mask_mobile
from market.core.zone import local
from market.employers.services import credit_code_in_full
from market.employers.tables import Employer
from market.jobs.tables import Job
from market.orders.events import AcceptedRows
from market.orders.rules import service_rules
from market.orders.tables import Order
from market.settings import get_settings
from market.stations.tables import Station as StationRow
from market.stations.walk_in_tables import ConsentEvidence
from market.workers.tables import WorkerProfile

__all__ = ["Draft", "contract_number", "draft_for_order"]

_FALLBACK_STATION = Station(name="当地人社部门劳动保障监察机构", address="劳动保障监察投诉", phone="12333")
_CONSENTS = {"app": ConsentMethod.APP_ACCEPT, "staff_sms_code": ConsentMethod.STAFF_SMS_CODE,
             "staff_signature": ConsentMethod.STAFF_HANDWRITTEN}


@dataclass(frozen=True)
class Draft:
    """What issuing needs: the terms, both consents, and who signs."""

    terms: ContractTerms
    consents: list[Consent]
    worker_id: int
    worker_name: str
    employer_id: int
    employer_name: str


def contract_number(order_id: int, accepted_at: Any) -> str:
    """The contract's number: LG, the acceptance date in the market's zone, the order id."""
    return f"LG{local(accepted_at):%Y%m%d}-{order_id:07d}"


async def _nearest_station(lat: float, lon: float) -> Station:
    rows = await StationRow.select(StationRow.name, StationRow.address, StationRow.phone, StationRow.lat,
                                   StationRow.lon)
    if not rows:
        return _FALLBACK_STATION
    best = min(rows, key=lambda r: distance_km(lat, lon, r["lat"], r["lon"]))
    return Station(name=best["name"], address=best["address"], phone=best["phone"] or "12333")


async def _parties(order: dict[str, Any], job: dict[str, Any]) -> tuple[Party, Party]:
    worker_user, profile, employer_user, employer = await asyncio.gather(
        User.select(User.name, User.phone).where(User.id == order["worker"]).first(),
        WorkerProfile.select(WorkerProfile.real_name, WorkerProfile.id_number_masked, WorkerProfile.address).where(
            WorkerProfile.user == order["worker"]).first(),
        User.select(User.name, User.phone).where(User.id == job["employer"]).first(),
        Employer.select(Employer.name, Employer.credit_code_masked, Employer.credit_code_encrypted, Employer.address,
                        Employer.contact_name).where(
            Employer.user == job["employer"]).first())
    assert worker_user is not None
    assert employer_user is not None
    profile, employer = profile or {}, employer or {}
    worker = Party(role=PartyRole.WORKER, name=name_on_contracts(profile.get("real_name"), worker_user["name"]),
                   id_number_masked=profile.get("id_number_masked") or "未登记",
                   phone_masked=mask_mobile(worker_user["phone"]), address=profile.get("address", ""),
                   phone=worker_user["phone"])
    employer_party = Party(role=PartyRole.EMPLOYER, name=name_on_contracts(employer.get("name"), employer_user["name"]),
                           id_number_masked=employer.get("credit_code_masked") or "个人用工（无统一社会信用代码）",
                           phone_masked=mask_mobile(employer_user["phone"]), address=employer.get("address", ""),
                           contact_name=employer.get("contact_name", ""), phone=employer_user["phone"],
                           credit_code=credit_code_in_full(employer.get("credit_code_encrypted")))
    return worker, employer_party


async def _worker_consent(order: dict[str, Any]) -> Consent:
    method = _CONSENTS[order["consent_method"]]
    if method is ConsentMethod.APP_ACCEPT:
        return Consent(role=PartyRole.WORKER, method=method, at=order["accepted_at"], channel="app",
                       actor=f"user:{order['worker']}")
    staff = await User.select(User.name).where(User.id == order["accepted_by"]).first()
    evidence = await ConsentEvidence.select().where(ConsentEvidence.order == order["id"]).first() or {}
    return Consent(
        role=PartyRole.WORKER, method=method, at=order["accepted_at"], channel="station",
        staff_name=staff["name"] if staff else "驿站工作人员",
        signature_png=evidence.get("signature_png") if method is ConsentMethod.STAFF_HANDWRITTEN else None,
        evidence=f"code sent to {evidence.get('code_sent_to', '')}" if method is ConsentMethod.STAFF_SMS_CODE else "",
        actor=f"staff:{order['accepted_by']} for user:{order['worker']}")


async def _employer_consent(job: dict[str, Any]) -> Consent:
    authorisation = await StandingAuthorisation.select().where(StandingAuthorisation.job == job["id"]).first()
    at = authorisation["at"] if authorisation else job["created_at"]
    actor = authorisation["actor"] if authorisation else job["posted_by"]
    return Consent(role=PartyRole.EMPLOYER, method=ConsentMethod.STANDING_AUTHORISATION, at=at,
                   channel=authorisation["channel"] if authorisation else "app",
                   actor=f"user:{actor}" if actor == job["employer"] else f"staff:{actor} for user:{job['employer']}")


async def _order_and_job(order_id: int) -> AcceptedRows:
    order = await Order.select().where(Order.id == order_id).first()
    assert order is not None
    job = await Job.select().where(Job.id == order["job"]).output(load_json=True).first()
    assert job is not None
    return AcceptedRows(order=order, job=job)


async def draft_for_order(order_id: int, verify_url: str, issued_at: Any, accepted: AcceptedRows | None = None
                          ) -> Draft:
    """Everything needed to issue the order's contract, read from the database (but for `accepted`, if given)."""
    accepted = accepted or await _order_and_job(order_id)
    order, job = accepted.order, accepted.job
    number = contract_number(order_id, order["accepted_at"])
    (worker, employer), station, worker_consent, employer_consent = await asyncio.gather(
        _parties(order, job), _nearest_station(job["lat"], job["lon"]), _worker_consent(order), _employer_consent(job))
    settings = get_settings()
    terms = ContractTerms(
        number=number, worker=worker, employer=employer, job_title=job["title"],
        duties=job["description"] or job["title"], place=job["address"], starts_at=order["starts_at"],
        ends_at=order["ends_at"],
        pay=Pay(amount_fen=job["pay_amount_fen"], unit=PayUnit(job["pay_unit"]),
                estimated_total_fen=order["agreed_pay_fen"] if order["agreed_pay_fen"] >= job["pay_amount_fen"]
                else None),
        pay_due_at=order["pay_due_at"], pay_method=PayMethod.BANK_TRANSFER,
        station=station, verify_url=verify_url, issued_at=issued_at,
        time_zone=settings.timezone, rules=service_rules(),
    )
    consents = [worker_consent, employer_consent]
    return Draft(terms=terms, consents=consents, worker_id=order["worker"], worker_name=worker.name,
                 employer_id=job["employer"], employer_name=employer.name)
