"""The one catalogue: every entry complete in zh-CN and en with the same placeholders, and every code the server
can emit (errors, words, notifications, verification texts) has an entry."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from contracts.problems import MESSAGES as CONTRACT_PROBLEMS
from market.core.error_responses import HTTP_CODES
from market.core.i18n import LANGUAGES, Listing, Phrase, translate
from market.core.messages import MESSAGES
from market.core.validation import PATTERN_CODES, PATTERNS
from market.notifications.templates import SEALED_CODE_EVENTS, SMS_EVENTS, render
from market.notifications.wage_notices import WAGE_NOTICES
from market.orders.lifecycle import ACTS
from market.orders.tables import OrderStatus

MARKET = Path(__file__).resolve().parents[3] / "market"
CJK = re.compile(r"[\u4e00-\u9fff]")
# entries whose Chinese is punctuation only: how a list is joined
NO_HAN = {"join.or", "join.list"}
ERRORS = {"MarketError", "Invalid", "Conflict", "Forbidden", "NotFound", "NotAuthenticated", "TooManyRequests"}

SAMPLE = {"min": 1, "max": 9, "days": 3, "name": "电工", "expected": Phrase("type.int"), "choices": "hour, day",
          "roles": Listing([Phrase("roles.employer"), Phrase("roles.staff")]), "what": "资料",
          "status": Phrase("order_status.accepted"), "action": Phrase("act.check_in"), "title": "搬家",
          "distance_m": 900, "fence_m": 500, "minutes": 60, "unit": " 分", "starts": "12-01 08:00",
          "opens": "12-01 09:00", "due": "12-04 09:00", "worker_name": "李四", "amount": "¥1.00", "address": "湖里区",
          "note": "到了", "by": Phrase("party.worker"), "code": "123456", "field": "x", "n": 2, "link": "<a>",
          "year": 2026, "month": Phrase("month.12"), "day": 1, "time": "08:00", "zone": "北京时间",
          "offset": "UTC+8", "number": "2026-000012", "place": "龙文区", "km": "5.8",
          "stars": "4.5", "points": "3.2",
          # credit grades (issue 13)
          "cap": 3, "grade": "C", "from_grade": "B", "percent": 90, "late": 1, "employer_id": 7,
          # course suggestions (issue 14)
          "trade": "电工", "ratio": "2.4", "provider": "职业技能培训中心", "starts_on": "2026-12-10"}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_entry_is_complete_in_both_languages(code):
    entry = MESSAGES[code]
    assert len(entry) == len(LANGUAGES)
    zh, en = entry
    assert zh.strip(), "the Chinese says something"
    assert en.strip(), "the English says something"
    assert code in NO_HAN or CJK.search(zh), "the Chinese is in Chinese"
    assert not CJK.search(en), "the English has no Chinese"
    assert _placeholders(zh) == _placeholders(en), "both languages take the same parameters"
    assert _placeholders(zh) <= set(SAMPLE)
    for language in LANGUAGES:
        text = translate(code, language, **SAMPLE)
        assert not set("{}") & set(text), text


def test_words_passed_as_parameters_come_out_in_the_same_language():
    roles = Listing([Phrase("roles.employer"), Phrase("roles.staff")])
    assert translate("role_required", "zh-CN", roles=roles) == "此操作仅限用工方、驿站工作人员"
    assert translate("role_required", "en", roles=roles) == "Only employers or station staff may do this"
    status, action = Phrase("order_status.paid"), Phrase("act.cancel")
    assert translate("illegal_transition", "en", status=status, action=action) == (
        "The order is paid; cannot cancel it")
    assert translate("illegal_transition", "zh-CN", status=status, action=action) == (
        "订单当前状态为「已付款」，不能取消")


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(func: ast.AST) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _emitted() -> tuple[set[str], set[str], set[str]]:
    """Codes raised or translated in market/'s source, events announced, and the fixed starts of f-string codes."""
    codes, events, prefixes = set(), set(), set()
    for path in MARKET.rglob("*.py"):
        if "piccolo_migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name, args = _name(node.func), node.args
            if name in ERRORS or name in ("Phrase", "translate"):
                first = args[0]
                if _literal(first):
                    codes.add(first.value)
                elif isinstance(first, ast.JoinedStr) and first.values and _literal(first.values[0]):
                    prefixes.add(first.values[0].value)
            elif name in ("field", "FieldProblem", "field_message") and len(args) > 1 and _literal(args[1]):
                codes.add(args[1].value)
            elif name == "announce" and _literal(args[0]):
                events.add(args[0].value)
    return codes, events, prefixes


def test_every_code_the_server_emits_has_an_entry():
    codes, _, prefixes = _emitted()
    assert {"job_full", "illegal_transition", "role_required", "order_status.over"} <= codes, "the scan finds them"
    codes |= set(HTTP_CODES.values()) | {"bad_request", "payload_too_large", "internal_error", "validation_failed",
                                           "too_many_requests"}
    derived = {"too_short", "too_long", "too_few_items", "too_many_items", "blank", "bad_characters",
               "no_visible_text"}  # what validation makes of msgspec's length and pattern messages
    codes |= derived | set(PATTERN_CODES.values()) | {
        code for _, code in PATTERNS if code not in ("min_len", "max_len", "pattern", "hidden")}
    assert sorted(codes - set(MESSAGES)) == []
    assert sorted(p for p in prefixes if not any(key.startswith(p) for key in MESSAGES)) == []


def test_every_status_act_role_and_verification_problem_has_words():
    wanted = {f"order_status.{s}" for s in OrderStatus} | {f"act.{name}" for name in ACTS}
    wanted |= {f"roles.{r}" for r in ("worker", "employer", "staff", "admin")}
    wanted |= {f"contract_problem.{code}" for code in CONTRACT_PROBLEMS}
    wanted |= {f"month.{n}" for n in range(1, 13)} | {"zone.Asia/Shanghai"}
    assert sorted(wanted - set(MESSAGES)) == []


def test_every_event_has_its_notification_texts():
    _, events, _ = _emitted()
    assert {"order_accepted", "order_no_show"} <= events, "the scan finds them"
    events |= SMS_EVENTS | SEALED_CODE_EVENTS | set(WAGE_NOTICES)
    missing = [f"notice.{e}.{part}" for e in sorted(events) for part in ("title", "body")
               if f"notice.{e}.{part}" not in MESSAGES]
    assert missing == []
    for key in MESSAGES:
        if key.startswith("notice.") and key.endswith(".title"):
            assert key.replace(".title", ".body") in MESSAGES
        if ".to_worker." in key:
            assert key.split(".to_worker.")[0] + ".title" in MESSAGES, "a worker's wording replaces a common one"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_notification_reads_in_one_language(language):
    payload = {"title": "搬家", "starts_at": "2026-12-01T00:30:00+00:00", "worker_id": 7, "by": "employer"}
    for event in sorted(SMS_EVENTS):
        text = render(event, payload, language, recipient=8)
        if language == "en":
            assert not CJK.search(text.title + text.body.replace("搬家", "")), text
    expected = {"zh-CN": "「搬家」的订单已被用工方取消。",
                "en": "The order for \u201c搬家\u201d was cancelled by the employer."}
    assert render("order_cancelled", payload, language, recipient=8).body == expected[language]
