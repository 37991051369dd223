"""Who gets which answer from every route of the app: anonymous, each role, and, for routes about a particular
order, job, contract, profile or message, another party of the same role (another worker, another employer, staff
of another station).

The table (`ROUTES`) is checked against the routes `create_app()` registers, so a new route without an entry fails.
The rule it follows (`market.accounts.policy`, docs/api.md "Who may see what"): 401 without a login; 403
`role_required` for a route not meant for the role; 404 for a thing the caller may not see, as if it did not exist;
403 naming whose act it is when the caller sees the thing but the act is not theirs; then the thing's own state.

One world is built per module and nothing here changes an answer another entry relies on: allowed callers are
sent where a later check (the order's state, the clock, the body) answers deterministically, so the entries run in
any order.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import pytest
import pytest_asyncio

from market.accounts.tables import Role
from tests.market.api.course_helpers import course_body, listed
from tests.market.conftest import _TEMPLATE, ON_POSTGRES, Market, _empty_postgres

Answer = tuple[int, str | None]
"""The status and the error `code` (None for a success)."""

OK: Answer = (200, None)
CREATED: Answer = (201, None)
LOGIN: Answer = (401, "not_authenticated")
ROLE: Answer = (403, "role_required")
INVALID: Answer = (400, "validation_failed")

ROLES = tuple(str(role) for role in Role)
"""Every role there is: a new one is tried on every route and needs its answers here."""
CALLERS = ("anonymous", *ROLES)
OTHERS = ("other_worker", "other_employer", "other_staff")
SITE = {"lat": 24.5116, "lon": 117.6443}


@dataclass(frozen=True)
class Route:
    """One route's expected answers, by caller, and the request that asks it."""

    url: str
    answers: dict[str, Answer]
    body: Any = None
    """JSON to send, or a function of the world giving it (fresh phone numbers)."""
    content: bytes | None = None
    fresh: bool = False
    """Call as a new user of the role each time (logging out ends that user's sessions)."""

    def but(self, **answers: Answer) -> Route:
        """The same route with some callers' answers changed."""
        return replace(self, answers={**self.answers, **answers})


def public(url: str, answer: Answer = OK, **request: Any) -> Route:
    """Anyone, signed in or not, gets `answer`."""
    return Route(url, dict.fromkeys(CALLERS, answer), **request)


def signed_in(url: str, answer: Answer = OK, **request: Any) -> Route:
    """Every role gets `answer`, anonymous 401; on a route about one thing, the other parties get `answer` too."""
    answers = {"anonymous": LOGIN, **dict.fromkeys(ROLES, answer)}
    return Route(url, answers | (dict.fromkeys(OTHERS, answer) if "{" in url else {}), **request)


def only(url: str, allowed: dict[str, Answer], others: dict[str, Answer] | None = None, **request: Any) -> Route:
    """The roles in `allowed` get their answer, the other roles 403 `role_required`, anonymous 401."""
    answers = {"anonymous": LOGIN, **dict.fromkeys(ROLES, ROLE), **allowed}
    return Route(url, answers | (others or {}), **request)


def staff_only(url: str, answer: Answer = OK, other_staff: Answer | None = None, **request: Any) -> Route:
    """Staff and admins get `answer` (staff of another station `other_staff`, when given); the rest are refused."""
    others = {} if other_staff is None else {"other_staff": other_staff, "other_worker": ROLE, "other_employer": ROLE}
    return only(url, {"staff": answer, "admin": answer}, others, **request)


def of_order(url: str, worker: Answer, employer: Answer, staff: Answer, hidden: str = "order_not_found",
             **request: Any) -> Route:
    """A route about one order (or its contract): its worker, its employer and staff (of any station: orders are
    not station-scoped) get their answers; another worker or employer gets the 404 of a missing one."""
    missing: Answer = (404, hidden)
    answers = {"anonymous": LOGIN, "worker": worker, "employer": employer, "staff": staff, "admin": staff,
               "other_staff": staff, "other_worker": missing, "other_employer": missing,
               "supervisor": missing}  # the bureau sees an order through its case (issue 12), not as a party
    return Route(url, answers, **request)


def of_case(url: str, allowed: dict[str, Answer], **request: Any) -> Route:
    """A route about one case: the roles in `allowed` get their answer (admins as staff unless named); another
    worker, employer or station's staff of an allowed role gets the 404 of a missing case; other roles 403."""
    allowed = {"admin": allowed["staff"], **allowed} if "staff" in allowed else allowed
    answers = {"anonymous": LOGIN, **dict.fromkeys(ROLES, ROLE), **allowed}
    missing: Answer = (404, "case_not_found")
    answers |= {f"other_{role}": missing if role in allowed else ROLE for role in ("worker", "employer", "staff")}
    return Route(url, answers, **request)


def _register(world: World) -> dict[str, Any]:
    return {"phone": world.market.next_phone(), "password": Market.password, "name": "新用户", "role": "worker"}


ORDER_ACT_WORKER: Answer = (403, "order_act_worker")
ORDER_ACT_EMPLOYER: Answer = (403, "order_act_employer")
TOO_EARLY_TO_CHECK_IN: Answer = (409, "check_in_too_early")
NOT_NOW: Answer = (409, "illegal_transition")
NOT_YOUR_JOB: Answer = (403, "not_your_job")
CLOSED_JOB: Answer = (409, "job_not_open")

_NOT_ADMIN: dict[str, Answer] = {"other_staff": ROLE, "other_employer": ROLE, "other_worker": ROLE}

ROUTES: dict[tuple[str, str], Route] = {
    # service, docs and the front end: public
    ("GET", "/api/health"): public("/api/health"),
    ("GET", "/api/docs"): public("/api/docs"),
    ("GET", "/api/docs/{path:str}"): public("/api/docs/swagger", (404, None)),  # no such page: Litestar's HTML 404
    ("GET", "/api/docs/redoc"): public("/api/docs/redoc"),
    ("GET", "/api/docs/openapi.json"): public("/api/docs/openapi.json"),
    ("GET", "/api/docs/oauth2-redirect.html"): public("/api/docs/oauth2-redirect.html"),
    ("GET", "/api/docs/assets/{version}/{file_path:path}"): public("{assets}/favicon.png"),
    ("HEAD", "/api/docs/assets/{version}/{file_path:path}"): public("{assets}/favicon.png"),
    ("GET", "/"): public("/"),
    ("HEAD", "/"): public("/"),
    ("GET", "/{file_path:path}"): public("/js/app.js"),
    ("HEAD", "/{file_path:path}"): public("/js/app.js"),
    # accounts
    ("POST", "/api/auth/register"): public("/api/auth/register", CREATED, body=_register),
    ("POST", "/api/auth/login"): public("/api/auth/login", body=lambda w: {"phone": w.worker_phone,
                                                                           "password": Market.password}),
    ("POST", "/api/auth/logout"): signed_in("/api/auth/logout", fresh=True),
    ("POST", "/api/auth/sms-code"): public("/api/auth/sms-code", (202, None),
                                           body=lambda w: {"phone": w.market.next_phone(), "purpose": "login"}),
    ("POST", "/api/auth/reset-password"): public("/api/auth/reset-password", (401, "sms_code_expired"), body=lambda w: {
        "phone": w.market.next_phone(), "code": "123456", "password": "new-passw0rd"}),  # no code was sent
    ("GET", "/api/auth/me"): signed_in("/api/auth/me"),
    # worker profiles and walk-ins
    ("GET", "/api/workers/me"): only("/api/workers/me", {"worker": OK}),
    ("PUT", "/api/workers/me"): only("/api/workers/me", {"worker": OK}, body={"max_distance_km": 5}),
    ("GET", "/api/workers"): staff_only("/api/workers", (400, "worker_search_moved")),
    ("POST", "/api/workers/search"): staff_only("/api/workers/search", OK, OK,
                                                body=lambda w: {"phone": w.worker_phone}),
    ("GET", "/api/workers/{worker_id:int}"): staff_only("/api/workers/{worker}", OK, OK),
    # staff change a walk-in's profile only where their station holds the worker's consent
    ("PUT", "/api/workers/{worker_id:int}"): staff_only("/api/workers/{walk_in}", OK, (403, "not_a_walk_in"),
                                                        body={"max_distance_km": 5}).but(admin=(403, "not_a_walk_in")),
    ("GET", "/api/workers/{worker_id:int}/on-behalf-acts"): staff_only("/api/workers/{walk_in}/on-behalf-acts", OK, OK),
    ("POST", "/api/walk-ins"): staff_only("/api/walk-ins", CREATED, CREATED,
                                          body=lambda w: {"phone": w.market.next_phone(), "name": "李大姐"}),
    ("POST", "/api/walk-ins/{worker_id:int}/consent-codes"): staff_only("/api/walk-ins/{worker}/consent-codes",
                                                                        CREATED, CREATED, body={}),
    ("POST", "/api/walk-ins/{worker_id:int}/consent"): staff_only("/api/walk-ins/{worker}/consent", INVALID, INVALID,
                                                                  body={"consent_code": "000000"}),
    ("GET", "/api/identity-conflicts"): staff_only("/api/identity-conflicts"),
    # the counter: find workers by name or ID number; rank jobs for a walk-in where the station holds consent
    ("POST", "/api/workers/lookup"): staff_only("/api/workers/lookup", OK, OK, body={"name": "李"}),
    ("GET", "/api/workers/{worker_id:int}/jobs"): staff_only(
        "/api/workers/{walk_in}/jobs", OK, (403, "not_a_walk_in")).but(admin=(403, "not_a_walk_in")),
    # employers
    ("GET", "/api/employers/me"): only("/api/employers/me", {"employer": OK}),
    ("PUT", "/api/employers/me"): only("/api/employers/me", {"employer": OK}, body={"contact_name": "张经理"}),
    ("PUT", "/api/employers/me/webhook"): only("/api/employers/me/webhook", {"employer": OK}, body={"url": None}),
    ("GET", "/api/employers/{employer_id:int}"): staff_only("/api/employers/{employer}", OK, OK),
    # stations and trades: public
    ("GET", "/api/stations"): public("/api/stations"),
    ("GET", "/api/trades/suggest"): public("/api/trades/suggest?q=电"),
    ("GET", "/api/places"): public("/api/places?q=市场"),
    # jobs: advertised to everyone signed in; managed by their employer and staff (another employer: 403)
    ("POST", "/api/jobs"): only("/api/jobs", {"employer": CREATED, "staff": CREATED, "admin": CREATED},
                                body=lambda w: Market.job_body(employer_id=w.ids["employer"])
                                if w.role in ("staff", "admin") else Market.job_body()),
    ("GET", "/api/jobs"): signed_in("/api/jobs"),
    ("GET", "/api/jobs/{job_id:int}"): signed_in("/api/jobs/{job}"),
    ("GET", "/api/jobs/{job_id:int}/public"): public("/api/jobs/{job}/public").but(**dict.fromkeys(OTHERS, OK)),
    ("GET", "/api/jobs/{job_id:int}/candidates"): only(
        "/api/jobs/{job}/candidates", {"employer": OK, "staff": OK, "admin": OK},
        {"other_employer": NOT_YOUR_JOB, "other_staff": OK, "other_worker": ROLE}),
    ("POST", "/api/jobs/{job_id:int}/cancel"): only(
        "/api/jobs/{closed_job}/cancel", {"employer": CLOSED_JOB, "staff": CLOSED_JOB, "admin": CLOSED_JOB},
        {"other_employer": NOT_YOUR_JOB, "other_staff": CLOSED_JOB, "other_worker": ROLE}),
    ("POST", "/api/jobs/{job_id:int}/accept"): only(
        "/api/jobs/{closed_job}/accept", {"worker": CLOSED_JOB, "staff": INVALID, "admin": INVALID},
        {"other_worker": CLOSED_JOB, "other_staff": INVALID, "other_employer": ROLE}),
    # orders: their parties and staff; anyone else 404 whatever the act
    ("GET", "/api/orders"): signed_in("/api/orders"),
    ("GET", "/api/orders/{order_id:int}"): of_order("/api/orders/{order}", OK, OK, OK),
    ("POST", "/api/orders/{order_id:int}/check-in"): of_order(
        "/api/orders/{order}/check-in", TOO_EARLY_TO_CHECK_IN, ORDER_ACT_WORKER, TOO_EARLY_TO_CHECK_IN, body=SITE),
    ("POST", "/api/orders/{order_id:int}/complete"): of_order(
        "/api/orders/{order}/complete", ORDER_ACT_EMPLOYER, (409, "complete_before_start"),
        (409, "complete_before_start")),
    ("POST", "/api/orders/{order_id:int}/paid"): of_order(
        "/api/orders/{order}/paid", ORDER_ACT_EMPLOYER, NOT_NOW, NOT_NOW, body={"amount_fen": 25000}),
    # staff confirming for a worker must bring the worker's consent (400 names the field)
    ("POST", "/api/orders/{order_id:int}/confirm-payment"): of_order(
        "/api/orders/{order}/confirm-payment", NOT_NOW, ORDER_ACT_WORKER, INVALID),
    # on an order that has started; staff must say for whom they cancel
    ("POST", "/api/orders/{order_id:int}/cancel"): of_order(
        "/api/orders/{started_order}/cancel", NOT_NOW, NOT_NOW, INVALID),
    ("POST", "/api/orders/{order_id:int}/no-show"): of_order(
        "/api/orders/{order}/no-show", ORDER_ACT_EMPLOYER, (409, "no_show_too_early"), (409, "no_show_too_early")),
    ("POST", "/api/orders/{order_id:int}/no-show/objection"): of_order(
        "/api/orders/{order}/no-show/objection", NOT_NOW, (403, "order_act_worker_self"),
        (403, "order_act_worker_self"), body={"note": "我到了"}),
    ("POST", "/api/orders/{order_id:int}/no-show/objection/decision"): of_order(
        "/api/orders/{order}/no-show/objection/decision", (403, "order_act_staff"), (403, "order_act_staff"),
        NOT_NOW, body={"upheld": True}),
    # contracts: the order's parties and staff; verification and the root certificate are public
    ("GET", "/api/contracts"): signed_in("/api/contracts"),
    ("GET", "/api/contracts/{contract_id:int}"): of_order("/api/contracts/{contract}", OK, OK, OK,
                                                          "contract_not_found"),
    ("GET", "/api/contracts/{contract_id:int}/pdf"): of_order("/api/contracts/{contract}/pdf", OK, OK, OK,
                                                              "contract_not_found"),
    ("GET", "/api/contracts/{contract_id:int}/qr.svg"): of_order("/api/contracts/{contract}/qr.svg", OK, OK, OK,
                                                                 "contract_not_found"),
    ("GET", "/api/contracts/{contract_id:int}/audit"): of_order("/api/contracts/{contract}/audit", OK, OK, OK,
                                                                "contract_not_found"),
    ("GET", "/api/contracts/root-certificate"): public("/api/contracts/root-certificate"),
    ("POST", "/api/contracts/verify"): public("/api/contracts/verify", INVALID, content=b"not a pdf"),
    ("GET", "/verify/{token:str}"): public("/verify/{verify_token}"),
    # notifications: one's own; someone else's message is 404 to everyone but its recipient
    ("GET", "/api/notifications"): signed_in("/api/notifications"),
    ("POST", "/api/notifications/read-all"): signed_in("/api/notifications/read-all"),
    ("POST", "/api/notifications/{notification_id:int}/read"): signed_in(
        "/api/notifications/{notification}/read", (404, "not_found")).but(worker=OK),
    ("GET", "/api/deliveries/failed"): staff_only("/api/deliveries/failed"),
    ("GET", "/api/deliveries/sms"): staff_only("/api/deliveries/sms"),
    # wage complaints and cases (issue 12): the world's order is already in a case
    ("POST", "/api/orders/{order_id:int}/complaints"): only(
        "/api/orders/{order}/complaints", {"worker": (409, "complaint_already_filed"), "staff": INVALID,
                                           "admin": INVALID},
        {"other_worker": (404, "order_not_found"), "other_staff": INVALID, "other_employer": ROLE},
        body={"kind": "other"}),
    ("GET", "/api/cases"): signed_in("/api/cases"),
    ("GET", "/api/cases/figures"): only("/api/cases/figures", {"staff": OK, "admin": OK, "supervisor": OK}),
    ("GET", "/api/cases/{case_id:int}"): of_case(
        "/api/cases/{case}", {"worker": OK, "employer": OK, "staff": OK, "supervisor": OK}),
    ("GET", "/api/cases/{case_id:int}/files/{sha256:str}"): of_case(
        "/api/cases/{case}/files/" + "0" * 64, dict.fromkeys(("worker", "employer", "staff", "supervisor"),
                                                            (404, "attachment_not_found"))),
    ("POST", "/api/cases/{case_id:int}/assign"): of_case(
        "/api/cases/{case}/assign", {"staff": INVALID, "supervisor": INVALID},
        body=lambda w: {"owner_id": w.ids["worker"]}),
    ("POST", "/api/cases/{case_id:int}/notes"): of_case(
        "/api/cases/{case}/notes", {"staff": OK, "supervisor": OK}, body={"text": "已电话联系"}),
    ("POST", "/api/cases/{case_id:int}/letters"): of_case(
        "/api/cases/{case}/letters", {"staff": OK, "supervisor": OK}, body={"kind": "reminder"}),
    ("POST", "/api/cases/{case_id:int}/close"): of_case(
        "/api/cases/{case}/close", {"staff": INVALID}, body={"outcome": "recovered_partial"}),
    ("POST", "/api/cases/{case_id:int}/reopen"): of_case(
        "/api/cases/{case}/reopen", {"staff": (409, "case_not_closed"), "supervisor": (409, "case_not_closed")},
        body={"note": "重新办理"}),
    ("POST", "/api/cases/{case_id:int}/escalate"): of_case(
        "/api/cases/{case}/escalate", {"staff": (403, "case_supervisor_act"), "supervisor": OK},
        body={"action": "take_up"}),
    ("POST", "/api/cases/{case_id:int}/reply"): of_case(
        "/api/cases/{case}/reply", {"employer": INVALID},
        body={"text": "已付款", "payments": [{"order_id": 999999, "amount_fen": 1}]}),
    ("POST", "/api/cases/{case_id:int}/follow-up"): of_case(
        "/api/cases/{case}/follow-up", {"worker": (409, "case_not_in_follow_up"),
                                        "staff": (409, "case_not_in_follow_up")}, body={"resolved": True}),
    # wage warnings (issue 12): staff (their stations', tested in test_warning_board), the bureau, the employer
    ("GET", "/api/warnings"): only("/api/warnings", {"employer": OK, "staff": OK, "admin": OK, "supervisor": OK},
                                   {"other_staff": OK, "other_employer": OK, "other_worker": ROLE}),
    # the market's figures (issue 14): the bureau and admins; station staff are refused (docs/figures.md)
    ("GET", "/api/stats"): only("/api/stats", {"admin": OK, "supervisor": OK}),
    ("GET", "/api/stats/trades"): only("/api/stats/trades", {"admin": OK, "supervisor": OK}),
    # credit grades (issue 13): the employer themself, staff and the bureau read; the bureau reviews; the employer
    # answers a notice (there is none: 409); the D list for the bureau and admins
    ("GET", "/api/employers/{employer_id:int}/grade"): only(
        "/api/employers/{employer}/grade", {"employer": OK, "staff": OK, "admin": OK, "supervisor": OK},
        {"other_employer": (404, "employer_not_found"), "other_staff": OK, "other_worker": ROLE}),
    ("POST", "/api/employers/{employer_id:int}/grade/review"): only(
        "/api/employers/{employer}/grade/review", {"supervisor": INVALID},
        {"other_employer": ROLE, "other_staff": ROLE, "other_worker": ROLE}, body={"grade": "E", "reason": "复核意见"}),
    ("POST", "/api/employers/{employer_id:int}/grade/response"): only(
        "/api/employers/{employer}/grade/response", {"employer": (409, "credit_no_notice")},
        {"other_employer": (404, "employer_not_found"), "other_staff": ROLE, "other_worker": ROLE},
        body={"text": "我们已经付清工钱"}),
    ("GET", "/api/credit/barred"): only("/api/credit/barred", {"supervisor": OK, "admin": OK}),
    # the back office's working-day corrections: admins only (the day removed never had one: 404)
    ("GET", "/api/admin/workdays"): only("/api/admin/workdays", {"admin": OK}),
    ("POST", "/api/admin/workdays"): only("/api/admin/workdays", {"admin": CREATED},
                                          body={"day": "2030-01-02", "is_working_day": False, "note": "测试"}),
    ("DELETE", "/api/admin/workdays/{day:date}"): only(
        "/api/admin/workdays/2030-01-03", {"admin": (404, "workday_override_not_found")},
        {"other_staff": ROLE, "other_employer": ROLE, "other_worker": ROLE}),
    # ratings and reputation (issue 13): the order's two parties rate (staff never for them); the staff decide
    # objections; a reputation is read by its person, the other party of an order between them, staff, the bureau
    ("GET", "/api/orders/{order_id:int}/rating"): of_order("/api/orders/{order}/rating", OK, OK, ROLE).but(
        supervisor=ROLE),
    ("POST", "/api/orders/{order_id:int}/rating"): of_order(
        "/api/orders/{order}/rating", (409, "rating_not_completed"), (409, "rating_not_completed"), ROLE,
        body={"stars": 5}).but(supervisor=ROLE),
    ("POST", "/api/orders/{order_id:int}/rating/objection"): of_order(
        "/api/orders/{order}/rating/objection", (404, "rating_not_found"), (404, "rating_not_found"), ROLE,
        body={"reason": "不公平"}).but(supervisor=ROLE),
    ("GET", "/api/rating-objections"): staff_only("/api/rating-objections"),
    ("POST", "/api/rating-objections/{objection_id:int}/decision"): staff_only(
        "/api/rating-objections/99999/decision", (404, "rating_objection_not_found"),
        (404, "rating_objection_not_found"), body={"upheld": True}),
    ("GET", "/api/workers/{worker_id:int}/reputation"): Route("/api/workers/{worker}/reputation", {
        "anonymous": LOGIN, **dict.fromkeys(ROLES, OK), "other_staff": OK,
        "other_worker": (404, "user_not_found"), "other_employer": (404, "user_not_found")}),
    ("GET", "/api/employers/{employer_id:int}/reputation"): Route("/api/employers/{employer}/reputation", {
        "anonymous": LOGIN, **dict.fromkeys(ROLES, OK), "other_staff": OK,
        "other_worker": (404, "user_not_found"), "other_employer": (404, "user_not_found")}),
    # issue 14: the back office (admins only; the admin log for the bureau's supervisors too). Entries change
    # nothing another relies on: reads, creations of new things, and acts refused by the thing's state or the body.
    ("POST", "/api/auth/password"): signed_in("/api/auth/password", INVALID, body={
        "current_password": "not-the-password-1", "password": "new-passw0rd-2"}),
    ("GET", "/api/admin/stations"): only("/api/admin/stations", {"admin": OK}),
    ("POST", "/api/admin/stations"): only("/api/admin/stations", {"admin": CREATED}, body={
        "name": "测试驿站", "location": {**SITE, "address": "漳州市芗城区胜利西路128号"}}),
    ("GET", "/api/admin/stations/{station_id:int}"): only(
        "/api/admin/stations/999999", {"admin": (404, "station_not_found")}, _NOT_ADMIN),
    ("PATCH", "/api/admin/stations/{station_id:int}"): only(
        "/api/admin/stations/999999", {"admin": (404, "station_not_found")}, _NOT_ADMIN, body={"hours": "8-18"}),
    ("GET", "/api/admin/users"): only("/api/admin/users", {"admin": OK}),
    ("POST", "/api/admin/users"): only("/api/admin/users", {"admin": CREATED}, body=lambda w: {
        "phone": w.market.next_phone(), "name": "新驿站员", "role": "staff"}),
    ("GET", "/api/admin/users/{user_id:int}"): only("/api/admin/users/{worker}", {"admin": OK}, _NOT_ADMIN),
    ("PATCH", "/api/admin/users/{user_id:int}"): only("/api/admin/users/{worker}", {"admin": INVALID}, _NOT_ADMIN,
                                                      body={"station_id": None}),  # a worker has no station
    ("POST", "/api/admin/users/{user_id:int}/deactivate"): only(
        "/api/admin/users/{worker}/deactivate", {"admin": INVALID}, _NOT_ADMIN, body={"reason": ""}),
    ("POST", "/api/admin/users/{user_id:int}/reactivate"): only(
        "/api/admin/users/{worker}/reactivate", {"admin": (409, "account_already_active")}, _NOT_ADMIN,
        body={"reason": "误操作"}),
    ("POST", "/api/admin/users/{user_id:int}/reset-password"): only(
        "/api/admin/users/{worker}/reset-password", {"admin": (409, "reset_by_sms_code")}, _NOT_ADMIN),
    ("POST", "/api/admin/employers/{employer_id:int}/bar"): only(
        "/api/admin/employers/{employer}/bar", {"admin": INVALID}, _NOT_ADMIN, body={}),
    ("POST", "/api/admin/employers/{employer_id:int}/unbar"): only(
        "/api/admin/employers/{employer}/unbar", {"admin": (409, "employer_not_barred")}, _NOT_ADMIN,
        body={"reason": "核实无误"}),
    ("GET", "/api/admin/trades"): only("/api/admin/trades", {"admin": OK}),
    ("POST", "/api/admin/trades"): only("/api/admin/trades", {"admin": (409, "trade_name_taken")},
                                        body={"kind": "synonym", "trade": "welder", "name": "焊工"}),
    ("GET", "/api/admin/log"): only("/api/admin/log", {"admin": OK, "supervisor": OK}),
    # exports (issue 14): the bureau and admins only (masking by reader: tests/market/exports)
    ("GET", "/api/exports"): only("/api/exports", {"supervisor": OK, "admin": OK}),
    ("GET", "/api/exports/log"): only("/api/exports/log", {"supervisor": OK, "admin": OK}),
    ("GET", "/api/exports/{name:str}"): only(
        "/api/exports/orders.csv", {"supervisor": OK, "admin": OK},
        {"other_staff": ROLE, "other_employer": ROLE, "other_worker": ROLE}),
    # issue 13: the employer's pool (their own only), invitations to the employer's jobs, the worker's alerts
    ("GET", "/api/employers/me/pool"): only("/api/employers/me/pool", {"employer": OK}),
    ("POST", "/api/employers/me/pool"): only(
        "/api/employers/me/pool", {"employer": (409, "alerts_pool_not_worked_together")},
        body=lambda w: {"worker_id": w.ids["worker"]}),  # their order together is accepted, not completed
    ("DELETE", "/api/employers/me/pool/{worker_id:int}"): only(
        "/api/employers/me/pool/{worker}", {"employer": (404, "alerts_pool_member_not_found")},
        {"other_employer": (404, "alerts_pool_member_not_found"), "other_worker": ROLE, "other_staff": ROLE}),
    ("POST", "/api/jobs/{job_id:int}/invitations"): only(
        "/api/jobs/{closed_job}/invitations", {"employer": CLOSED_JOB},
        {"other_employer": NOT_YOUR_JOB, "other_worker": ROLE, "other_staff": ROLE},
        body=lambda w: {"worker_id": w.ids["worker"]}),
    ("GET", "/api/workers/me/invitations"): only("/api/workers/me/invitations", {"worker": OK}),
    ("GET", "/api/workers/me/alerts"): only("/api/workers/me/alerts", {"worker": OK}),
    ("PUT", "/api/workers/me/alerts"): only("/api/workers/me/alerts", {"worker": OK}, body={"daily_cap": 5}),
    # issue 14: training courses (read by everyone signed in; listed and edited by their station's staff, admins)
    ("GET", "/api/courses"): signed_in("/api/courses"),
    ("GET", "/api/courses/{course_id:int}"): signed_in("/api/courses/{course}"),
    ("POST", "/api/courses"): staff_only("/api/courses", CREATED, body=lambda _: course_body()),
    ("PATCH", "/api/courses/{course_id:int}"): staff_only("/api/courses/{course}", OK,
                                                          other_staff=(403, "course_other_station"),
                                                          body={"seats": 25}),
    ("GET", "/api/workers/me/suggestions"): only("/api/workers/me/suggestions", {"worker": OK}),
    ("PUT", "/api/workers/me/suggestions"): only("/api/workers/me/suggestions", {"worker": OK},
                                                 body={"enabled": True}),
}


def _app_routes() -> set[tuple[str, str]]:
    """Every (method, path) the app answers, as Litestar names the path; OPTIONS is answered for every route."""
    from litestar.routes import HTTPRoute

    from market.api_docs import ASSETS_PATH
    from market.app import create_app

    found = set()
    for route in create_app().routes:
        if isinstance(route, HTTPRoute):
            for handler in route.route_handlers:
                path = route.path.replace(ASSETS_PATH.rsplit("/", 1)[1], "{version}") if route.path.startswith(
                    ASSETS_PATH) else route.path
                found |= {(method, path) for method in handler.http_methods if method != "OPTIONS"}
    return found


def test_every_route_of_the_app_has_an_entry():
    assert set(ROUTES) == _app_routes()


def test_every_entry_says_what_each_caller_gets():
    for key, route in ROUTES.items():
        assert set(CALLERS) <= set(route.answers), key
        about_one = "{" in route.url and not route.url.startswith(("/api/docs", "/verify", "{assets}"))
        if about_one:  # a route about a particular thing is tried by the other parties too
            assert set(OTHERS) <= set(route.answers), key


@dataclass
class World:
    """The people and things every entry is asked about."""

    client: Any
    market: Market
    headers: dict[str, dict[str, str]]
    ids: dict[str, Any]
    worker_phone: str
    role: str = ""
    """The role of the caller being tried (a staff member posting a job names the employer)."""


@pytest.fixture(scope="module")
def fresh_database(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One database for the module's world (the suite's per-test reset would empty it underneath)."""
    from market.core import clock
    from market.core.database import current_engine

    clock.unfreeze()
    if ON_POSTGRES:
        asyncio.run(_empty_postgres())
    else:
        database = tmp_path_factory.mktemp("authorisation") / "test.sqlite3"
        shutil.copyfile(_TEMPLATE, database)  # type: ignore[arg-type]
        current_engine().path = str(database)  # type: ignore[attr-defined]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(fresh_database: None) -> AsyncIterator[World]:
    """Two of each party, staff at two stations, an admin; an order with its contract starting tomorrow, an order
    already started, a cancelled job, and a message for the worker."""
    import httpx

    from market.api_docs import ASSETS_PATH
    from market.app import create_app
    from market.cases.tables import WageCase
    from market.core import clock
    from market.core.database import current_engine
    from market.notifications.tables import OutboxMessage
    from market.orders.tables import Order

    engine = current_engine()
    if ON_POSTGRES:
        await engine.start_connection_pool(min_size=1, max_size=10)  # type: ignore[attr-defined]
    try:
        app = create_app()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            client.app = app  # type: ignore[attr-defined]
            market = Market(client)
            people = {role: await market.user(role) for role in ROLES if role != "staff"}
            people["other_worker"] = await market.user("worker")
            people["other_employer"] = await market.user("employer")
            people["staff"] = await market.station_staff()
            people["other_staff"] = await market.station_staff()
            walk_in = await market.walk_in(people["staff"])
            job = await market.job(people["employer"])
            accepted = (await market.accept(job["id"], people["worker"])).json()
            later = clock.now().replace(microsecond=0) + timedelta(days=3)
            started_job = await market.job(people["employer"], starts_at=later.isoformat(),
                                           ends_at=(later + timedelta(hours=8)).isoformat())
            started = (await market.accept(started_job["id"], people["worker"])).json()["order"]
            await Order.update({Order.starts_at: clock.now() - timedelta(hours=1),
                                Order.ends_at: clock.now() + timedelta(hours=7)}).where(Order.id == started["id"])
            closed_job = await market.job(people["employer"], headcount=1)
            cancelled = await client.post(f"/api/jobs/{closed_job['id']}/cancel",
                                          headers=people["employer"]["headers"])
            assert cancelled.status_code == 200, cancelled.text
            complaint = await client.post(f"/api/orders/{accepted['order']['id']}/complaints",
                                          headers=people["worker"]["headers"], json={"kind": "other"})
            assert complaint.status_code == 201, complaint.text
            case_id = complaint.json()["case"]["id"]
            await WageCase.update({WageCase.station: people["staff"]["station_id"]}).where(WageCase.id == case_id)
            course = await listed(client, people["staff"])
            message = await OutboxMessage.select(OutboxMessage.id).where(
                OutboxMessage.recipient == people["worker"]["id"]).first()
            contract = accepted["contract"]
            ids = {"worker": people["worker"]["id"], "employer": people["employer"]["id"], "walk_in": walk_in["id"],
                   "job": job["id"], "closed_job": closed_job["id"], "order": accepted["order"]["id"],
                   "started_order": started["id"], "contract": contract["id"],
                   "verify_token": contract["verify_url"].rstrip("/").rsplit("/", 1)[1],
                   "notification": message["id"], "assets": ASSETS_PATH, "case": case_id, "course": course["id"]}
            headers = {name: person["headers"] for name, person in people.items()} | {"anonymous": {}}
            yield World(client, market, headers, ids, people["worker"]["phone"])
    finally:
        if ON_POSTGRES:
            await engine.close_connection_pool()  # type: ignore[attr-defined]


def _cases() -> list[Any]:
    return [pytest.param(key, caller, id=f"{key[0]} {key[1]} as {caller}")
            for key, route in ROUTES.items() for caller in route.answers]


async def _headers_for(world: World, route: Route, caller: str) -> dict[str, str]:
    if route.fresh and caller != "anonymous":
        return (await world.market.user(caller.removeprefix("other_")))["headers"]
    return world.headers[caller]


@pytest.mark.asyncio(loop_scope="module")  # the module's world lives on the module's event loop
@pytest.mark.parametrize(("key", "caller"), _cases())
async def test_the_answer_for_each_caller(world: World, key: tuple[str, str], caller: str):
    route = ROUTES[key]
    world.role = caller.removeprefix("other_")
    body = route.body(world) if callable(route.body) else route.body
    world.client.cookies.clear()  # a login answered earlier set the session cookie: this caller is only themself
    response = await world.client.request(key[0], route.url.format(**world.ids),
                                          headers=await _headers_for(world, route, caller),
                                          json=body if route.content is None else None, content=route.content)
    error = response.status_code >= 400 and "json" in response.headers.get("content-type", "")
    code = response.json().get("code") if error else None
    assert (response.status_code, code) == route.answers[caller], response.text[:300]


@pytest.mark.asyncio(loop_scope="module")
async def test_the_role_refusal_names_the_roles_in_the_callers_language(world: World):
    world.client.cookies.clear()
    response = await world.client.post("/api/jobs", json=Market.job_body(),
                                       headers={**world.headers["worker"], "Accept-Language": "en"})
    assert response.json()["detail"] == "Only employers or station staff may do this"


@pytest.mark.asyncio(loop_scope="module")
async def test_a_forged_token_is_not_a_login(world: World):
    world.client.cookies.clear()
    response = await world.client.get("/api/auth/me", headers={"Authorization": "Bearer not.a.token"})
    assert (response.status_code, response.json()["code"]) == LOGIN


@pytest.mark.asyncio(loop_scope="module")
async def test_a_refusal_to_a_party_says_whose_act_it_is(world: World):
    world.client.cookies.clear()
    response = await world.client.post(f"/api/orders/{world.ids['order']}/complete",
                                       headers={**world.headers["worker"], "Accept-Language": "en"})
    assert response.json()["detail"] == "Only the order's employer may do this (or station staff for them)"
