"""Complaints and the clerks' handling, through the case services the API calls: the worker complains, the bureau
assigns the case to a station's clerk after a delay, the clerk calls the employer (who may pay up) and closes the
case with an outcome."""

from __future__ import annotations

from typing import Any

from market.accounts.auth import CurrentUser
from market.cases.tables import CaseStatus, Claimant, WageCase
from market.core.errors import MarketError
from market.demo.case_service import RealCaseService
from market.orders.tables import Order, OrderStatus
from market.simulation.context import Sim
from market.simulation.market_acts import pay

__all__ = ["install"]

_CASES = RealCaseService()


async def _complain(sim: Sim, facts: dict[str, Any]) -> None:
    """The worker files a complaint from the app; a new case is scheduled for handling."""
    worker = facts["worker"]
    try:
        result = await _CASES.file_complaint(facts["order_id"], worker.user, kind=facts["kind"],
                                             amount_fen=facts["amount_fen"], note="工资没结清", channel="app")
    except MarketError as exc:
        sim.refused[exc.code] += 1
        return
    _take_up(sim, result["case"]["id"])


def _take_up(sim: Sim, case_id: int) -> None:
    """Schedule a case's handling once (a complaint may join a case already scheduled)."""
    if case_id in sim.cases_seen:
        return
    sim.cases_seen.add(case_id)
    sim.later(sim.between(sim.behaviour.assign_delay), lambda: _assign(sim, case_id))


async def _cases_without_complaints(sim: Sim, facts: dict[str, Any]) -> None:
    """At the end of each day the bureau takes up the cases nobody complained into (a red warning opens one)."""
    for row in await WageCase.select(WageCase.id).where(WageCase.status == CaseStatus.received).order_by(
            WageCase.id):
        _take_up(sim, row["id"])


def _clerk_for(sim: Sim, station_id: int | None) -> CurrentUser:
    clerks = sim.city.clerks
    return clerks.get(station_id or 0) or clerks[min(clerks)]


async def _assign(sim: Sim, case_id: int) -> None:
    """The bureau (the supervisor) hands the case to the clerk of its station."""
    row = await WageCase.select(WageCase.station).where(WageCase.id == case_id).first()
    assert row is not None
    clerk = _clerk_for(sim, row["station"])
    try:
        await _CASES.assign_case(case_id, sim.city.supervisor, owner_id=clerk.id)
    except MarketError as exc:
        sim.refused[exc.code] += 1
        return
    sim.later(sim.between(sim.behaviour.note_delay), lambda: _call_employer(sim, case_id, clerk))


async def _owed_orders(case_id: int) -> list[dict[str, Any]]:
    ids = [r["order"] for r in await Claimant.select(Claimant.order).where(Claimant.case == case_id)]
    return list(await Order.select(Order.id, Order.worker, Order.job.employer.as_alias("employer"), Order.status,
                                   Order.agreed_pay_fen).where(Order.id.is_in(ids or [0])).order_by(Order.id))


async def _call_employer(sim: Sim, case_id: int, clerk: CurrentUser) -> None:
    """The clerk notes the call; the employer pays what is still unpaid with a chance by its honesty."""
    try:
        await _CASES.add_note(case_id, clerk, note="已电话联系用工方，督促支付工资")
    except MarketError as exc:
        sim.refused[exc.code] += 1
        return
    b = sim.behaviour
    orders = await _owed_orders(case_id)
    paid_up = False
    if orders:
        employer = sim.employers_by_id[orders[0]["employer"]]
        if sim.rng.random() < b.pays_when_pressed_base + b.pays_when_pressed_per_honesty * employer.honesty:
            for order in orders:
                if order["status"] == OrderStatus.completed:
                    await pay(sim, order["id"], sim.workers_by_id[order["worker"]], employer, order["agreed_pay_fen"])
            paid_up = True
    sim.later(sim.between(b.close_delay), lambda: _close(sim, case_id, clerk, paid_up))


async def _close(sim: Sim, case_id: int, clerk: CurrentUser, paid_up: bool) -> None:
    """Close: recovered in full when the employer paid up (short pay made good off the platform), else referred."""
    orders = await _owed_orders(case_id)
    claimed = sum(r["amount_fen"] for r in await Claimant.select(Claimant.amount_fen).where(Claimant.case == case_id))
    outcome, recovered = ("recovered_full", claimed) if paid_up else ("referred", 0)
    try:
        await _CASES.close_case(case_id, clerk, outcome=outcome, recovered_fen=recovered,
                                note="已追回" if paid_up else "移交劳动保障监察")
    except MarketError as exc:
        sim.refused[exc.code] += 1
        return
    await sim.fire("case_closed", case_id=case_id, outcome=outcome, orders=[o["id"] for o in orders])


def install(sim: Sim) -> None:
    """Plug the complaint in at `wages_owed`, and the bureau's daily look for cases opened without one."""
    sim.on("wages_owed", _complain)
    sim.on("day_end", _cases_without_complaints)
