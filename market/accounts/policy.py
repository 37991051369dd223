"""Who may see and act on an order, a job, a contract, a profile or a case: one rule, over facts the caller loads.

The rule (also in docs/api.md, "Who may see what"), checked in this order:

1. No valid login: 401 `not_authenticated` (the auth middleware and the guards).
2. A route not meant for the caller's role at all: 403 `role_required`, decided from the role alone before anything
   is looked up, so it says nothing about any particular thing.
3. A thing the caller may not see: 404 with the thing's `*_not_found` code, exactly the answer an id that does not
   exist gets, so nobody can probe for other people's data. "May not see" means: not one of its parties, not staff
   who reach it, or another party of the same role (another worker, another employer, staff of another station
   where staff are station-scoped). Put simply: an act answers 404 exactly when reading the thing would.
4. A thing the caller may see, but an act that is not theirs: 403 with a code saying whose act it is
   (`order_act_employer`, `not_your_job`, `not_a_walk_in`, `case_staff_act`, …).
5. Only then the thing's state (409) and the request's values (400).

Jobs are advertised (every signed-in caller reads them), so an employer managing another's job gets 403, not 404.

Functions here do no I/O: callers load the facts (an order's worker and employer, a case's claimants and station,
the caller's stations) and pass them in; each function returns the caller's standing or raises `NotFound` /
`Forbidden`, so the error shape stays the one of `market.core.errors`.

Roles: staff and admins act for others and see every order (`STAFF_ROLES`); admins reach every station's records
(`ALL_STATIONS_ROLES`); the labour bureau's supervisor is in `OVERSIGHT_ROLES`, which gives the
`supervisor` standing: every case, and the case acts listed for it in `CASE_ACTS`, nothing else.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from market.accounts.tables import Role
from market.core.errors import Forbidden, NotFound

__all__ = [
    "ALL_STATIONS_ROLES", "BUREAU_ROLES", "CASE_ACTS", "EXPORT_ROLES", "LIVE_ORDER_STATUSES", "OVERSIGHT_ROLES",
    "STAFF_ROLES", "Caller", "CaseFacts", "JobFacts", "OrderFacts", "Reach", "Standing", "act_for_worker",
    "act_on_case", "act_on_order", "allowed_roles", "case_reach", "case_standing", "course_station", "edit_course",
    "edit_profile", "export_unmasks", "is_staff", "manage_job", "order_reach", "order_standing", "rate_order",
    "reaches_all_stations", "see_case", "see_contract", "see_grade", "see_order", "see_reputation",
    "sees_personal_data", "sees_phone", "warning_reach"]

STAFF_ROLES: frozenset[str] = frozenset({Role.staff, Role.admin})
"""Act for others at the counter, see every order, contract and profile, and personal data unmasked."""
ALL_STATIONS_ROLES: frozenset[str] = frozenset({Role.admin})
"""Staff roles whose reach is every station (station-scoped records: on-behalf acts, cases); staff reach their own."""
OVERSIGHT_ROLES: frozenset[str] = frozenset({Role.supervisor})
"""Roles that oversee without acting at a counter: they see every case (the labour bureau's supervisor)."""
BUREAU_ROLES: frozenset[str] = frozenset({Role.supervisor, Role.admin})
"""Read the market's figures (`/api/stats…`, the console): the bureau and its back office; station staff do not."""

Standing = Literal["worker", "employer", "staff", "supervisor", "self"]
"""What the caller is to a thing: one of its parties, staff who reach it, the bureau, or (a profile) its owner."""


class Caller(Protocol):
    """Who asks: any object with the user's id and role (`CurrentUser` is one)."""

    @property
    def id(self) -> int:
        """The user's id."""
        ...

    @property
    def role(self) -> str:
        """The user's role (`market.accounts.tables.Role`)."""
        ...


@dataclass(frozen=True)
class OrderFacts:
    """Who an order (and its contract) belongs to: the worker on it and the employer of its job."""

    worker_id: int
    employer_id: int


@dataclass(frozen=True)
class JobFacts:
    """Whose job it is."""

    employer_id: int


@dataclass(frozen=True)
class CaseFacts:
    """Who a wage case concerns (issue 12): its claimants, the employer complained about, the station handling it."""

    claimant_ids: frozenset[int]
    employer_id: int
    station_id: int | None


@dataclass(frozen=True)
class Reach:
    """Which rows of a list the caller sees: all of them, or those naming them as worker, employer, or a station of
    theirs. Nothing set: no rows."""

    everything: bool = False
    worker_id: int | None = None
    employer_id: int | None = None
    station_ids: frozenset[int] = frozenset()


def is_staff(caller: Caller) -> bool:
    """Station staff or an admin: they act for others and see personal data unmasked."""
    return caller.role in STAFF_ROLES


def allowed_roles(roles: Iterable[str]) -> frozenset[str]:
    """The roles a route meant for `roles` lets through: a route for staff is for admins too."""
    wanted = frozenset(roles)
    return wanted | (STAFF_ROLES if Role.staff in wanted else frozenset())


def reaches_all_stations(caller: Caller) -> bool:
    """Whether the caller reads every station's records (admins), not only their own station's."""
    return caller.role in ALL_STATIONS_ROLES


def _decide(standing: Standing | None, allowed: Collection[str], missing: str, refused: str) -> Standing:
    """The one rule: not theirs to see is 404 `missing`; seen but not theirs to do is 403 `refused`."""
    if standing is None:
        raise NotFound(missing)
    if standing not in allowed:
        raise Forbidden(refused)
    return standing


# Orders and contracts -------------------------------------------------------------------------------------------

def order_standing(caller: Caller, order: OrderFacts) -> Standing | None:
    """The order's worker, its employer, staff (every order), or None: not the caller's to see."""
    if caller.role == Role.worker and caller.id == order.worker_id:
        return "worker"
    if caller.role == Role.employer and caller.id == order.employer_id:
        return "employer"
    if is_staff(caller):
        return "staff"
    return None


def see_order(caller: Caller, order: OrderFacts) -> Standing:
    """The caller's standing on the order; 404 `order_not_found` for anyone else."""
    return _decide(order_standing(caller, order), ("worker", "employer", "staff"), "order_not_found", "")


def _order_act_code(by: frozenset[str], staff: bool) -> str:
    if not by:
        return "order_act_staff"
    if by == {"worker"}:
        return "order_act_worker" if staff else "order_act_worker_self"
    if by == {"employer"}:
        return "order_act_employer"
    return "forbidden"


def act_on_order(caller: Caller, order: OrderFacts, by: Collection[str], *, staff: bool = True) -> Standing:
    """May the caller do an act that is the business of the parties `by` (and of staff for them, when `staff`)?

    Their standing; 404 `order_not_found` when the order is not theirs to see; 403 `order_act_*` naming whose act
    it is otherwise (`by` empty: staff only).
    """
    allowed = set(by) | ({"staff"} if staff else set())
    return _decide(order_standing(caller, order), allowed, "order_not_found", _order_act_code(frozenset(by), staff))


def order_reach(caller: Caller) -> Reach:
    """The orders (and contracts) a caller's lists show: a worker's own, an employer's jobs', every one for staff."""
    if is_staff(caller):
        return Reach(everything=True)
    if caller.role == Role.worker:
        return Reach(worker_id=caller.id)
    if caller.role == Role.employer:
        return Reach(employer_id=caller.id)
    return Reach()


LIVE_ORDER_STATUSES: frozenset[str] = frozenset({"accepted", "checked_in", "completed", "paid"})
"""While an order is in one of these, its two parties may need to call each other (to find the site, say they are
late, settle the pay)."""


def sees_phone(standing: Standing, whose: Literal["worker", "employer"], order_status: str) -> bool:
    """A party's phone number in full on an order: for that party, for staff (they call both sides at the counter
    and in a dispute), and for the other party while the order is live; masked (138****5678) otherwise."""
    if standing in (whose, "staff"):
        return True
    return standing in ("worker", "employer") and order_status in LIVE_ORDER_STATUSES


def see_contract(caller: Caller, order: OrderFacts) -> Standing:
    """A contract is seen by its order's parties and staff; 404 `contract_not_found` for anyone else."""
    return _decide(order_standing(caller, order), ("worker", "employer", "staff"), "contract_not_found", "")


# Jobs -----------------------------------------------------------------------------------------------------------

def manage_job(caller: Caller, job: JobFacts) -> Standing:
    """Cancel the job or see its candidates: its employer, or staff. A job is advertised (everyone signed in reads
    it), so anyone else gets 403 `not_your_job`, not 404."""
    if caller.role == Role.employer and caller.id == job.employer_id:
        return "employer"
    if is_staff(caller):
        return "staff"
    raise Forbidden("not_your_job")


# Profiles and staff acting for a worker -------------------------------------------------------------------------

def sees_personal_data(caller: Caller, owner_id: int) -> bool:
    """ID numbers and credit codes in full: for their owner and staff; masked for everyone else."""
    return caller.id == owner_id or is_staff(caller)


def act_for_worker(caller: Caller, *, consent_held: bool) -> None:
    """Staff act for a worker only with the standing consent their station holds (a walk-in it registered, or one
    who agreed by a texted code): 403 `not_a_walk_in` otherwise."""
    if not (is_staff(caller) and consent_held):
        raise Forbidden("not_a_walk_in")


def edit_profile(caller: Caller, owner_id: int, *, consent_held: bool) -> Standing:
    """Change a worker's profile: the worker (`self`), or staff with the station's consent (403 `not_a_walk_in`);
    anyone else gets 404 `user_not_found`."""
    if caller.id == owner_id:
        return "self"
    if not is_staff(caller):
        raise NotFound("user_not_found")
    act_for_worker(caller, consent_held=consent_held)
    return "staff"


# Cases (issue 12: market/cases) ---------------------------------------------------------------------------------

CASE_ACTS: dict[str, frozenset[Standing]] = {
    "see": frozenset({"worker", "employer", "staff", "supervisor"}),
    "assign": frozenset({"staff", "supervisor"}),
    "notes": frozenset({"staff", "supervisor"}),
    "letters": frozenset({"staff", "supervisor"}),
    "close": frozenset({"staff"}),
    "reopen": frozenset({"staff", "supervisor"}),
    "escalate": frozenset({"staff", "supervisor"}),
    "reply": frozenset({"employer"}),
    "follow_up": frozenset({"worker", "staff"}),
    "supervise": frozenset({"supervisor"}),
}
"""Who may do each act on a case (the 404/403 rule stays `see_case`/`act_on_case`). `supervise`: the bureau takes
a case up (提级督办) or flags it (挂牌督办); `escalate` (up one level) is staff's and the bureau's."""

_CASE_REFUSALS = {"reply": "case_employer_act", "follow_up": "case_claimant_act", "supervise": "case_supervisor_act"}


def case_standing(caller: Caller, case: CaseFacts, stations: Collection[int]) -> Standing | None:
    """A claimant (`worker`), the employer, staff of the handling station (admins: every station), the bureau
    (`supervisor`: every case), or None. `stations` are the caller's own stations, loaded by the caller."""
    if caller.role == Role.worker and caller.id in case.claimant_ids:
        return "worker"
    if caller.role == Role.employer and caller.id == case.employer_id:
        return "employer"
    if is_staff(caller) and (reaches_all_stations(caller) or (
            case.station_id is not None and case.station_id in stations)):
        return "staff"
    if caller.role in OVERSIGHT_ROLES:
        return "supervisor"
    return None


def see_case(caller: Caller, case: CaseFacts, stations: Collection[int] = ()) -> Standing:
    """The caller's standing on the case; 404 `case_not_found` for another worker, another employer, staff of
    another station, or anyone else."""
    return act_on_case(caller, case, "see", stations)


def act_on_case(caller: Caller, case: CaseFacts, act: str, stations: Collection[int] = ()) -> Standing:
    """May the caller do `act` (a key of `CASE_ACTS`) on the case? 404 as for `see_case`; 403 naming whose act it
    is (`case_staff_act`, `case_employer_act`, `case_claimant_act`)."""
    refused = _CASE_REFUSALS.get(act, "case_staff_act")
    return _decide(case_standing(caller, case, stations), CASE_ACTS[act], "case_not_found", refused)


def case_reach(caller: Caller, stations: Collection[int] = ()) -> Reach:
    """The cases a caller's list shows: a claimant's, an employer's, their stations' for staff, all for admins and
    the bureau."""
    if reaches_all_stations(caller) or caller.role in OVERSIGHT_ROLES:
        return Reach(everything=True)
    if is_staff(caller):
        return Reach(station_ids=frozenset(stations))
    if caller.role == Role.worker:
        return Reach(worker_id=caller.id)
    if caller.role == Role.employer:
        return Reach(employer_id=caller.id)
    return Reach()


# Wage warnings (issue 12) ----------------------------------------------------------------------------------------

def warning_reach(caller: Caller, stations: Collection[int] = ()) -> Reach:
    """The wage warnings a caller's board shows: the warnings of their stations for staff, every one for admins and
    the bureau, the warnings about them for an employer; nothing for anyone else."""
    if reaches_all_stations(caller) or caller.role in OVERSIGHT_ROLES:
        return Reach(everything=True)
    if is_staff(caller):
        return Reach(station_ids=frozenset(stations))
    if caller.role == Role.employer:
        return Reach(employer_id=caller.id)
    return Reach()


# Ratings and reputation (issue 13: market/reputation) ------------------------------------------------------------

__all__ += ["rate_order", "see_reputation"]


def rate_order(caller: Caller, order: OrderFacts) -> Standing:
    """Rate the other party of an order, or object to their rating: the order's worker or employer only (their own
    word, never staff's for them): 404 `order_not_found` when the order is not the caller's to see, 403
    `rating_parties_only` for staff."""
    return _decide(order_standing(caller, order), ("worker", "employer"), "order_not_found", "rating_parties_only")


def see_reputation(caller: Caller, owner_id: int, *, dealt_with: bool) -> Standing:
    """A worker's or employer's reputation: themself (`self`), the other party of any order between them, staff,
    the bureau; 404 `user_not_found` for anyone else (as if there were no such person)."""
    if caller.id == owner_id:
        return "self"
    if is_staff(caller):
        return "staff"
    if caller.role in OVERSIGHT_ROLES:
        return "supervisor"
    if dealt_with and caller.role in (Role.worker, Role.employer):
        return "worker" if caller.role == Role.worker else "employer"
    raise NotFound("user_not_found")


# Credit grades (issue 13) --------------------------------------------------------------------------------------


def see_grade(caller: Caller, employer_id: int) -> Standing:
    """An employer's credit grade: the employer themself, staff, the bureau; another employer (or an id that is
    not an employer) 404 `employer_not_found`."""
    if caller.role == Role.employer:
        if caller.id == employer_id:
            return "self"
        raise NotFound("employer_not_found")
    if is_staff(caller):
        return "staff"
    if caller.role in OVERSIGHT_ROLES:
        return "supervisor"
    raise NotFound("employer_not_found")


# Exports (issue 14) -----------------------------------------------------------------------------------------------

EXPORT_ROLES: frozenset[str] = frozenset({Role.supervisor, Role.admin})
"""Who takes the bureau's exports (CSV of every raw list and figure): the labour bureau and the back office."""

_EXPORT_UNMASKED: dict[str, frozenset[str]] = {Role.admin: frozenset({"name"})}
"""Personal data an export shows in full, by role (docs/exports.md): admins see people's names (the back office
deactivates and corrects accounts by them); phones are masked for every reader, as no report needs them; ID
numbers and credit codes are always masked. A file leaves the system, so it shows less than a screen does."""


def export_unmasks(caller: Caller) -> frozenset[str]:
    """The kinds of personal data (`name`, `phone`, `id_number`) an export shows this reader in full; the rest is
    masked (张*, 138****5678, 3502**********1234)."""
    return _EXPORT_UNMASKED.get(caller.role, frozenset())


# Training courses (issue 14: market/courses): read by everyone signed in, listed and edited by staff and admins ---

__all__ += ["course_station", "edit_course"]


def course_station(caller: Caller, wanted: int | None, own: int | None) -> int | None:
    """The station a new course is listed under: an admin's choice (any station, or none); staff list for their own
    station only (`wanted` left out means theirs): another station 403 `course_other_station`, no station of their
    own 403 `course_no_station`."""
    if reaches_all_stations(caller):
        return wanted
    if own is None:
        raise Forbidden("course_no_station")
    if wanted is not None and wanted != own:
        raise Forbidden("course_other_station")
    return own


def edit_course(caller: Caller, course_station_id: int | None, own: int | None) -> Standing:
    """Change a course: admins any, staff of the station it is listed under; a course is advertised (everyone
    signed in reads it), so other staff get 403 `course_other_station`, not 404."""
    if reaches_all_stations(caller) or (is_staff(caller) and own is not None and own == course_station_id):
        return "staff"
    raise Forbidden("course_other_station")
