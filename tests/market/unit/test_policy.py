"""The policy's rule, function by function: parties and staff see; others get 404 as if the thing did not exist;
a party doing the other side's act gets 403 naming whose act it is."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from market.accounts import policy
from market.accounts.policy import CaseFacts, JobFacts, OrderFacts, Reach
from market.core.errors import Forbidden, MarketError, NotFound


@dataclass(frozen=True)
class Person:
    id: int
    role: str


WORKER, OTHER_WORKER = Person(1, "worker"), Person(2, "worker")
EMPLOYER, OTHER_EMPLOYER = Person(3, "employer"), Person(4, "employer")
STAFF, ADMIN = Person(5, "staff"), Person(6, "admin")
STRANGER_ROLE = Person(7, "supervisor")  # a role the order rules do not know (issue 14 adds it): sees no order
ORDER = OrderFacts(worker_id=WORKER.id, employer_id=EMPLOYER.id)


def answer(call, *args, **kwargs) -> tuple[int, str] | str:
    """What the call decides: the standing, or (status, code) of the refusal."""
    try:
        return call(*args, **kwargs)
    except MarketError as refusal:
        return refusal.status_code, refusal.code


@pytest.mark.parametrize(("caller", "expected"), [
    (WORKER, "worker"), (EMPLOYER, "employer"), (STAFF, "staff"), (ADMIN, "staff"),
    (OTHER_WORKER, (404, "order_not_found")), (OTHER_EMPLOYER, (404, "order_not_found")),
    (STRANGER_ROLE, (404, "order_not_found")),
])
def test_an_order_is_seen_by_its_parties_and_staff_only(caller, expected):
    assert answer(policy.see_order, caller, ORDER) == expected


def test_ids_count_only_with_the_matching_role():
    # an employer whose id happens to be the order's worker id is not its worker
    assert policy.order_standing(Person(WORKER.id, "employer"), ORDER) is None


@pytest.mark.parametrize(("by", "staff", "caller", "expected"), [
    ({"worker"}, True, WORKER, "worker"),
    ({"worker"}, True, STAFF, "staff"),
    ({"worker"}, True, EMPLOYER, (403, "order_act_worker")),
    ({"employer"}, True, WORKER, (403, "order_act_employer")),
    ({"employer"}, True, ADMIN, "staff"),
    ({"worker"}, False, STAFF, (403, "order_act_worker_self")),
    ({"worker"}, False, EMPLOYER, (403, "order_act_worker_self")),
    (set(), True, WORKER, (403, "order_act_staff")),
    (set(), True, STAFF, "staff"),
    ({"worker", "employer"}, True, EMPLOYER, "employer"),
    # someone who may not see the order learns nothing more from an act: the same 404 whatever the act
    ({"employer"}, True, OTHER_EMPLOYER, (404, "order_not_found")),
    ({"worker"}, False, OTHER_WORKER, (404, "order_not_found")),
    (set(), True, OTHER_WORKER, (404, "order_not_found")),
])
def test_an_act_on_an_order(by, staff, caller, expected):
    assert answer(policy.act_on_order, caller, ORDER, frozenset(by), staff=staff) == expected


def test_a_contract_follows_its_order_with_its_own_not_found_code():
    assert policy.see_contract(WORKER, ORDER) == "worker"
    assert answer(policy.see_contract, OTHER_EMPLOYER, ORDER) == (404, "contract_not_found")


@pytest.mark.parametrize(("caller", "expected"), [
    (WORKER, Reach(worker_id=WORKER.id)), (EMPLOYER, Reach(employer_id=EMPLOYER.id)),
    (STAFF, Reach(everything=True)), (ADMIN, Reach(everything=True)), (STRANGER_ROLE, Reach()),
])
def test_what_order_lists_show(caller, expected):
    assert policy.order_reach(caller) == expected


@pytest.mark.parametrize(("caller", "expected"), [
    (EMPLOYER, "employer"), (STAFF, "staff"), (ADMIN, "staff"),
    (OTHER_EMPLOYER, (403, "not_your_job")), (WORKER, (403, "not_your_job")),
])
def test_a_job_is_managed_by_its_employer_and_staff_and_refused_openly_to_others(caller, expected):
    assert answer(policy.manage_job, caller, JobFacts(employer_id=EMPLOYER.id)) == expected


def test_personal_data_is_unmasked_for_its_owner_and_staff():
    assert policy.sees_personal_data(WORKER, WORKER.id)
    assert policy.sees_personal_data(STAFF, WORKER.id)
    assert policy.sees_personal_data(ADMIN, WORKER.id)
    assert not policy.sees_personal_data(OTHER_WORKER, WORKER.id)
    assert not policy.sees_personal_data(EMPLOYER, WORKER.id)


@pytest.mark.parametrize(("caller", "consent", "expected"), [
    (WORKER, False, "self"), (STAFF, True, "staff"), (STAFF, False, (403, "not_a_walk_in")),
    (ADMIN, False, (403, "not_a_walk_in")), (OTHER_WORKER, True, (404, "user_not_found")),
    (EMPLOYER, True, (404, "user_not_found")),
])
def test_editing_a_worker_profile(caller, consent, expected):
    assert answer(policy.edit_profile, caller, WORKER.id, consent_held=consent) == expected


def test_only_staff_holding_consent_act_for_a_worker():
    policy.act_for_worker(STAFF, consent_held=True)
    with pytest.raises(Forbidden) as refused:
        policy.act_for_worker(EMPLOYER, consent_held=True)
    assert refused.value.code == "not_a_walk_in"


def test_a_staff_route_lets_admins_through_too():
    assert policy.allowed_roles(["staff"]) == {"staff", "admin"}
    assert policy.allowed_roles(["worker", "staff"]) == {"worker", "staff", "admin"}
    assert policy.allowed_roles(["employer"]) == {"employer"}


def test_admins_reach_every_station_and_staff_only_theirs():
    assert policy.reaches_all_stations(ADMIN)
    assert not policy.reaches_all_stations(STAFF)


# Cases (issue 12) ---------------------------------------------------------------------------------------------

CASE = CaseFacts(claimant_ids=frozenset({WORKER.id, 10}), employer_id=EMPLOYER.id, station_id=100)
MY_STATION, OTHER_STATION = [100], [200]


@pytest.mark.parametrize(("caller", "stations", "expected"), [
    (WORKER, [], "worker"), (Person(10, "worker"), [], "worker"), (EMPLOYER, [], "employer"),
    (STAFF, MY_STATION, "staff"), (ADMIN, [], "staff"),
    (OTHER_WORKER, [], (404, "case_not_found")), (OTHER_EMPLOYER, [], (404, "case_not_found")),
    (STAFF, OTHER_STATION, (404, "case_not_found")), (STAFF, [], (404, "case_not_found")),
    (STRANGER_ROLE, [], "supervisor"),  # the labour bureau sees every case (OVERSIGHT_ROLES)
])
def test_a_case_is_seen_by_its_claimants_employer_and_handling_station(caller, stations, expected):
    assert answer(policy.see_case, caller, CASE, stations) == expected


def test_a_case_with_no_station_yet_is_seen_by_admins_not_by_staff():
    unassigned = CaseFacts(claimant_ids=frozenset({WORKER.id}), employer_id=EMPLOYER.id, station_id=None)
    assert answer(policy.see_case, STAFF, unassigned, MY_STATION) == (404, "case_not_found")
    assert policy.see_case(ADMIN, unassigned) == "staff"


@pytest.mark.parametrize(("caller", "stations", "act", "expected"), [
    (STAFF, MY_STATION, "assign", "staff"), (STAFF, MY_STATION, "close", "staff"),
    (WORKER, [], "close", (403, "case_staff_act")), (EMPLOYER, [], "letters", (403, "case_staff_act")),
    (EMPLOYER, [], "reply", "employer"), (STAFF, MY_STATION, "reply", (403, "case_employer_act")),
    (WORKER, [], "reply", (403, "case_employer_act")),
    (WORKER, [], "follow_up", "worker"), (STAFF, MY_STATION, "follow_up", "staff"),
    (EMPLOYER, [], "follow_up", (403, "case_claimant_act")),
    (STAFF, OTHER_STATION, "close", (404, "case_not_found")),
    (OTHER_EMPLOYER, [], "reply", (404, "case_not_found")),
    (STRANGER_ROLE, [], "supervise", "supervisor"), (STAFF, MY_STATION, "supervise", (403, "case_supervisor_act")),
    (ADMIN, [], "supervise", (403, "case_supervisor_act")), (STRANGER_ROLE, [], "close", (403, "case_staff_act")),
])
def test_acts_on_a_case(caller, stations, act, expected):
    assert answer(policy.act_on_case, caller, CASE, act, stations) == expected


def test_the_supervisor_slots_in_through_oversight_roles(monkeypatch):
    """Issue 14 adds the role to `OVERSIGHT_ROLES`: the supervisor then sees every case and may escalate, but
    closes none, replies for no employer, and sees no order."""
    monkeypatch.setattr(policy, "OVERSIGHT_ROLES", frozenset({"supervisor"}))
    supervisor = Person(50, "supervisor")
    assert policy.see_case(supervisor, CASE) == "supervisor"
    assert policy.act_on_case(supervisor, CASE, "escalate") == "supervisor"
    assert answer(policy.act_on_case, supervisor, CASE, "close") == (403, "case_staff_act")
    assert answer(policy.act_on_case, supervisor, CASE, "reply") == (403, "case_employer_act")
    assert policy.case_reach(supervisor) == Reach(everything=True)
    assert answer(policy.see_order, supervisor, ORDER) == (404, "order_not_found")


@pytest.mark.parametrize(("caller", "stations", "expected"), [
    (WORKER, [], Reach(worker_id=WORKER.id)), (EMPLOYER, [], Reach(employer_id=EMPLOYER.id)),
    (STAFF, MY_STATION, Reach(station_ids=frozenset(MY_STATION))), (ADMIN, [], Reach(everything=True)),
    (STRANGER_ROLE, [], Reach(everything=True)),
])
def test_what_case_lists_show(caller, stations, expected):
    assert policy.case_reach(caller, stations) == expected


def test_every_refusal_code_has_words_in_both_languages():
    from market.core.messages import MESSAGES

    codes = {"order_not_found", "contract_not_found", "case_not_found", "user_not_found", "not_your_job",
             "not_a_walk_in", "order_act_worker", "order_act_employer", "order_act_worker_self", "order_act_staff",
             "case_staff_act", "case_employer_act", "case_claimant_act"}
    assert all(code in MESSAGES and all(MESSAGES[code]) for code in codes)


def test_refusals_are_the_projects_error_types():
    with pytest.raises(NotFound):
        policy.see_order(OTHER_WORKER, ORDER)
    with pytest.raises(Forbidden):
        policy.act_on_order(WORKER, ORDER, frozenset({"employer"}))


# Training courses (issue 14) -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("caller", "wanted", "own", "expected"), [
    (STAFF, None, 10, 10),  # staff list under their own station
    (STAFF, 10, 10, 10),
    (STAFF, 11, 10, (403, "course_other_station")),
    (STAFF, None, None, (403, "course_no_station")),
    (ADMIN, 11, None, 11),  # admins list under any station
    (ADMIN, None, None, None),  # or none: a city-wide course
])
def test_the_station_a_course_is_listed_under(caller, wanted, own, expected):
    assert answer(policy.course_station, caller, wanted, own) == expected


@pytest.mark.parametrize(("caller", "course_station", "own", "expected"), [
    (STAFF, 10, 10, "staff"),
    (STAFF, 10, 11, (403, "course_other_station")),  # advertised: another station's staff see it, 403 not 404
    (STAFF, None, 10, (403, "course_other_station")),  # a city-wide course is the back office's
    (ADMIN, 10, None, "staff"),
    (ADMIN, None, None, "staff"),
    (WORKER, 10, None, (403, "course_other_station")),
])
def test_who_may_edit_a_course(caller, course_station, own, expected):
    assert answer(policy.edit_course, caller, course_station, own) == expected
