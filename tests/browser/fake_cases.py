"""A small in-memory fake of the wage-case API (issue 12's names), played into a page with Playwright's routing, so
the case screens can be driven before the backend exists. It answers in the shapes the screens read (listed in
docs/frontend.md, "Waiting on the API"); everything else goes to the live server.

Letters are real: `POST /api/cases/{id}/letters` renders the PDF with `market.cases.letters.render_letter`.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from market.cases.letters import Claimant, Issuer, LetterFacts, render_letter

NOW = datetime.now(UTC).replace(microsecond=0)
STATION = {"id": 1, "name": "芗城区胜利零工驿站"}
OTHER_EMPLOYER = {"id": 8802, "name": "漳州市芗城区鑫盛达建筑劳务分包有限公司第三项目部"}


def iso(moment: datetime) -> str:
    """ISO 8601 as the API writes it."""
    return moment.isoformat()


def order(
    order_id: int,
    status: str,
    worker: dict[str, Any],
    employer: dict[str, Any],
    *,
    days_ago: float = 3,
    paid_fen: int | None = None,
    note: str = "",
    title: str = "小区外墙粉刷",
) -> dict[str, Any]:
    """An order in `GET /api/orders`' shape whose pay-by time passed `days_ago - 1` days ago (future if negative)."""
    starts = NOW - timedelta(days=days_ago)
    return {
        "id": order_id,
        "status": status,
        "job": {
            "id": order_id + 100,
            "title": title,
            "address": "芗城区胜利西路128号",
            "lat": 24.5116,
            "lon": 117.6443,
            "pay_amount_fen": 25000,
            "pay_unit": "day",
        },
        "worker": {**worker, "phone": "13800000001"},
        "employer": {**employer, "phone": "13800000002"},
        "starts_at": iso(starts),
        "ends_at": iso(starts + timedelta(hours=9)),
        "pay_due_at": iso(starts + timedelta(days=1)),
        "agreed_pay_fen": 25000,
        "accepted_at": iso(starts - timedelta(days=1)),
        "accepted_by_staff": False,
        "consent_method": "app",
        "checked_in_at": iso(starts),
        "check_in_distance_m": 20,
        "completed_at": iso(starts),
        "paid_at": iso(starts + timedelta(hours=10)) if paid_fen is not None else None,
        "paid_amount_fen": paid_fen,
        "payment_note": note,
        "payment_confirmed_at": None,
        "cancelled_at": None,
        "cancelled_by_role": "",
        "cancel_late": False,
        "cancel_reason": "",
        "contract_status": "issued",
        "contract_attempts": 1,
        "contract_next_attempt_at": None,
        "contract_error": None,
        "contract": None,
        "no_show": None,
    }


@dataclass
class FakeCases:
    """The cases, orders and what was posted; `install(page)` answers the page's calls from them."""

    worker: dict[str, Any]
    employer: dict[str, Any]
    staff: dict[str, Any]
    cases: dict[int, dict[str, Any]] = field(default_factory=dict)
    orders: dict[int, dict[str, Any]] = field(default_factory=dict)
    posted: list[tuple[str, Any]] = field(default_factory=list)
    letters: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        w, e = self.worker, self.employer
        for o in (
            order(905, "completed", w, e),
            order(906, "paid", w, e, paid_fen=20000, note="扣了饭钱和工具钱"),
            order(901, "completed", w, e, days_ago=6, title="仓库卸货"),
            order(907, "completed", w, e, days_ago=0.2, title="明天的活"),
        ):
            self.orders[o["id"]] = o
        staff = {"id": self.staff["id"], "role": "staff", "name": self.staff["name"]}
        other = {"id": 7001, "name": "王小明"}
        self.cases[101] = self._case(
            101,
            "handling",
            e,
            [self._claimant(w, 901, 25000), self._claimant(other, 911, 30000, channel="hotline_12333")],
            overdue=True,
            owner=None,
            days=5,
            trail=[
                self._entry(
                    5,
                    "filed",
                    {"id": w["id"], "role": "worker", "name": w["name"]},
                    complaint_kind="unpaid",
                    amount_fen=25000,
                ),
                self._entry(
                    4.9,
                    "joined",
                    {"id": 7001, "role": "worker", "name": "王小明"},
                    complaint_kind="unpaid",
                    amount_fen=30000,
                ),
                self._entry(4, "assigned", staff, owner={"id": 99, "name": "郑丽华"}),
                self._entry(3, "note", staff, note="已电话联系用工方陈志强，答应周五前付清。"),
                self._entry(2, "state", None, status="handling"),
                self._entry(1, "escalated", None),
            ],
        )
        self.cases[101]["escalated"] = True
        self.cases[102] = self._case(
            102,
            "closed",
            e,
            [self._claimant(w, 902, 18000)],
            outcome="recovered_full",
            recovered=18000,
            days=9,
            trail=[
                self._entry(
                    9,
                    "filed",
                    {"id": w["id"], "role": "worker", "name": w["name"]},
                    complaint_kind="underpaid",
                    amount_fen=18000,
                ),
                self._entry(
                    8, "reply", {"id": e["id"], "role": "employer", "name": e["name"]}, note="工期延误，已补付。"
                ),
                self._entry(7, "payment", {"id": e["id"], "role": "employer", "name": e["name"]}, amount_fen=18000),
                self._entry(6, "closed", staff, outcome="recovered_full", recovered_fen=18000, note="用工方已补付。"),
            ],
        )
        self.cases[103] = self._case(
            103,
            "received",
            OTHER_EMPLOYER,
            [self._claimant(other, 912, 120000)],
            days=0.5,
            trail=[self._entry(0.5, "filed", None, complaint_kind="unpaid", amount_fen=120000)],
        )
        self.cases[103]["supervision"] = "flagged"
        self.cases[103]["escalated"] = True

    # --- building answers ---------------------------------------------------------------------------------------

    @staticmethod
    def _claimant(
        worker: dict[str, Any], order_id: int, amount: int, kind: str = "unpaid", channel: str = "app"
    ) -> dict[str, Any]:
        return {
            "id": order_id * 10 + worker["id"] % 10,  # a complaint's id, as the server gives each one
            "worker": {"id": worker["id"], "name": worker["name"]},
            "order_id": order_id,
            "kind": kind,
            "amount_fen": amount,
            "note": "",
            "channel": channel,
            "follow_up": None,
        }

    @staticmethod
    def _entry(days: float, kind: str, actor: dict[str, Any] | None, **data: Any) -> dict[str, Any]:
        return {
            "at": iso(NOW - timedelta(days=days)),
            "kind": kind,
            "actor": actor,
            "note": data.pop("note", ""),
            **data,
        }

    def _case(
        self,
        case_id: int,
        status: str,
        employer: dict[str, Any],
        claimants: list[dict[str, Any]],
        *,
        overdue: bool = False,
        owner: dict[str, Any] | None = None,
        outcome: str | None = None,
        recovered: int | None = None,
        days: float = 1,
        trail: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        return {
            "id": case_id,
            "number": f"C-2026-{case_id:06d}",
            "status": status,
            "outcome": outcome,
            "overdue": overdue,
            "escalated": False,
            "supervision": None,
            "opened_at": iso(NOW - timedelta(days=days)),
            "due_at": iso(NOW + (timedelta(days=-1) if overdue else timedelta(days=2))),
            "closed_at": iso(NOW - timedelta(days=1)) if outcome else None,
            "employer": {"id": employer["id"], "name": employer["name"]},
            "station": STATION,
            "owner": owner,
            "amount_fen": sum(c["amount_fen"] for c in claimants),
            "recovered_fen": recovered,
            "claimants": claimants,
            "trail": trail or [],
        }

    def _visible(self, user: dict[str, Any]) -> list[dict[str, Any]]:
        if user["role"] == "worker":
            return [c for c in self.cases.values() if any(x["worker"]["id"] == user["id"] for x in c["claimants"])]
        if user["role"] == "employer":
            return [c for c in self.cases.values() if c["employer"]["id"] == user["id"]]
        return list(self.cases.values())

    def _list(self, user: dict[str, Any], query: dict[str, list[str]]) -> dict[str, Any]:
        items = self._visible(user)
        if query.get("overdue") == ["true"]:
            items = [c for c in items if c["overdue"]]
        if query.get("mine") == ["true"]:
            items = [c for c in items if (c["owner"] or {}).get("id") == user["id"]]
        if "status" in query:
            items = [c for c in items if c["status"] == query["status"][0]]
        items = [{k: v for k, v in c.items() if k != "trail"} for c in items]
        return {"items": items, "total": len(items), "limit": 50, "offset": 0}

    def _act(self, case: dict[str, Any], act: str, body: dict[str, Any], user: dict[str, Any], base: str) -> Any:
        actor = {"id": user["id"], "role": user["role"], "name": user["name"]}
        note = body.get("text", body.get("note", ""))  # the server's bodies: `text` for notes and replies
        if act == "close":
            body = {**body, "recovered_fen": sum(r["amount_fen"] for r in body.get("recovered", []))}
        if act == "escalate":
            body = {**body, "supervision": {"flag": "flagged", "take_up": "taken_up"}.get(body.get("action", ""))}
        if act == "follow-up" and "complaint_id" in body:
            body = {**body, "worker_id": next((x["worker"]["id"] for x in case["claimants"]
                                               if x.get("id") == body["complaint_id"]), user["id"])}
        if act == "assign":
            case["owner"] = {"id": user["id"], "name": user["name"]} if body.get("owner_id") else case["owner"]
            case["status"] = "assigned"
            case["trail"].append(self._entry(0, "assigned", actor, owner=case["owner"]))
        elif act == "notes":
            case["trail"].append(self._entry(0, "note", actor, note=note))
        elif act == "letters":
            url = f"{base}/api/cases/{case['id']}/letters/{len(self.letters) + 1}/pdf"
            facts = LetterFacts(
                case_number=case["number"],
                employer_name=case["employer"]["name"],
                employer_credit_code=None,
                claimants=tuple(Claimant(x["worker"]["name"], x["amount_fen"]) for x in case["claimants"]),
                received_on=date.today() - timedelta(days=5),
                issued_on=date.today(),
                pay_by=date.today() + timedelta(days=3),
                issuer=Issuer(STATION["name"], "芗城区胜利西路1号", "0596-2000001", user["name"]),
            )
            self.letters[url] = render_letter(body["kind"], facts)
            case["trail"].append(self._entry(0, "letter", actor, letter={"kind": body["kind"], "pdf_url": url}))
            return {"id": len(self.letters), "kind": body["kind"], "pdf_url": url}
        elif act == "close":
            case.update(status="closed", outcome=body["outcome"], recovered_fen=body.get("recovered_fen"))
            case["trail"].append(
                self._entry(
                    0, "closed", actor, outcome=body["outcome"], recovered_fen=body.get("recovered_fen"), note=note
                )
            )
        elif act == "reopen":
            case.update(status="handling", outcome=None)
            case["trail"].append(self._entry(0, "reopened", actor, note=note))
        elif act == "escalate":
            case["escalated"] = True
            case["supervision"] = body.get("supervision") or case["supervision"]
            case["trail"].append(self._entry(0, "escalated", actor, supervision=body.get("supervision")))
        elif act == "reply":
            case["trail"].append(self._entry(0, "reply", actor, note=note))
        elif act == "follow-up":
            worker_id = body.get("worker_id", user["id"])
            for x in case["claimants"]:
                if x["worker"]["id"] == worker_id:
                    x["follow_up"] = {"resolved": body["resolved"], "note": note, "at": iso(NOW)}
            case["trail"].append(self._entry(0, "follow_up", actor, resolved=body["resolved"]))
            if not body["resolved"]:
                case.update(status="handling", outcome=None)
        return case

    def _complain(self, order_id: int, body: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
        o = self.orders[order_id]
        case_id = max(self.cases) + 1
        worker = o["worker"]
        claimant = self._claimant(worker, order_id, body["amount_fen"], body["kind"], body.get("channel", "app"))
        claimant["note"] = body.get("note", "")
        actor = {"id": user["id"], "role": user["role"], "name": user["name"]}
        self.cases[case_id] = self._case(
            case_id,
            "received",
            o["employer"],
            [claimant],
            days=0,
            trail=[
                self._entry(
                    0, "filed", actor, complaint_kind=body["kind"], amount_fen=body["amount_fen"], note=claimant["note"]
                )
            ],
        )
        return {
            "complaint": {"id": case_id * 10, "kind": body["kind"], "amount_fen": body["amount_fen"]},
            "case": self.cases[case_id],
        }

    # --- routing ------------------------------------------------------------------------------------------------

    def install(self, page: Any, user: dict[str, Any], base: str) -> None:
        """Answer the page's case calls, its order calls and `POST /api/orders/{id}/paid` from this fake."""

        def reply(route: Any, answer: Any, status: int = 200) -> None:
            route.fulfill(status=status, content_type="application/json", body=json.dumps(answer, ensure_ascii=False))

        def handle(route: Any) -> None:
            request = route.request
            parts = urlsplit(request.url)
            path, query = parts.path, parse_qs(parts.query)
            body = request.post_data_json if request.method == "POST" else None
            if request.method == "POST":
                self.posted.append((path, copy.deepcopy(body)))
            if path in self.letters or f"{base}{path}" in self.letters:
                route.fulfill(status=200, content_type="application/pdf", body=self.letters[f"{base}{path}"])
            elif path == "/api/cases/figures":
                reply(
                    route,
                    {
                        "received": 42,
                        "closed": 35,
                        "closed_on_time": 31,
                        "open": 7,
                        "overdue": 2,
                        "on_time_rate": 31 / 35,
                        "closure_rate": 35 / 42,
                        "recovered_fen": 8_765_400,
                        "median_days_to_close": 2.5,
                        "by_outcome": {
                            "recovered_full": 25,
                            "recovered_partial": 5,
                            "unfounded": 3,
                            "referred": 1,
                            "withdrawn": 1,
                        },
                        "by_station": [{"station": STATION, "received": 30, "closed": 26, "on_time_rate": 0.92}],
                        "by_employer": [{"employer": OTHER_EMPLOYER, "cases": 4, "amount_fen": 480000}],
                    },
                )
            elif path == "/api/cases":
                reply(route, self._list(user, query))
            elif m := re.fullmatch(r"/api/cases/(\d+)", path):
                reply(route, self.cases[int(m[1])])
            elif m := re.fullmatch(r"/api/cases/(\d+)/([\w-]+)", path):
                answer = self._act(self.cases[int(m[1])], m[2], body or {}, user, base)
                reply(route, answer, 201 if m[2] == "letters" else 200)
            elif m := re.fullmatch(r"/api/orders/(\d+)/complaints", path):
                reply(route, self._complain(int(m[1]), body or {}, user), 201)
            elif m := re.fullmatch(r"/api/orders/(\d+)/paid", path):
                reply(route, {**self.orders.get(int(m[1]), {}), "status": "paid"})
            elif m := re.fullmatch(r"/api/orders/(\d+)", path):
                reply(route, self.orders[int(m[1])])
            elif path == "/api/orders":
                items = list(self.orders.values())
                reply(route, {"items": items, "total": len(items), "limit": 50, "offset": 0})
            else:
                route.continue_()

        page.context.route(re.compile(r"/api/(cases|orders)(/|\?|$)"), handle)  # popups (a letter) too
