"""What each event says: its catalogue texts (`notice.<event>.*`) filled from its payload, for the inbox and one SMS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from market.core.i18n import DEFAULT_LANGUAGE, Phrase, translate
from market.core.messages import MESSAGES
from market.core.zone import short_local

__all__ = ["HIDDEN_CODE", "SEALED_CODE_EVENTS", "SMS_EVENTS", "Rendered", "render", "sms_text"]

SMS_EVENTS = frozenset({"order_accepted", "order_cancelled", "shift_reminder", "missing_check_in",
                        "consent_code", "consent_code_payment",
                        "consent_code_station", "order_no_show", "no_show_overturned", "no_show_confirmed",
                        "wage_overdue", "wage_warning_blue", "wage_warning_yellow", "wage_warning_yellow_disputed",
                        "case_filed", "case_closed", "account_code_login", "account_code_register",
                        "account_code_reset"})
"""Events that also go out as a text message (the rest stay in the inbox)."""

SEALED_CODE_EVENTS = frozenset({"consent_code", "consent_code_payment", "consent_code_station",
                                "account_code_login", "account_code_register", "account_code_reset"})
"""Events whose payload carries a sealed one-time code: only the text to the phone shows it, everywhere else
`******`."""

HIDDEN_CODE = "******"


@dataclass(frozen=True)
class Rendered:
    """A message ready to show or send."""

    title: str
    body: str


def _params(payload: dict[str, Any], code: str | None) -> dict[str, Any]:
    """The template's parameters from the event's payload; times on the market's clocks, money as ¥."""
    params: dict[str, Any] = {key: str(value) for key, value in payload.items()}
    params.setdefault("title", Phrase("notice.some_order"))
    params.setdefault("worker_name", Phrase("notice.some_worker"))
    params.setdefault("address", "")
    params.setdefault("note", "")
    params.setdefault("link", "")
    starts, amount = payload.get("starts_at"), payload.get("amount_fen")
    due = payload.get("objection_due_at") or payload.get("due_at")
    params["starts"] = short_local(starts) if isinstance(starts, str) else ""
    params["due"] = short_local(due) if isinstance(due, str) else ""
    params["amount"] = f"¥{int(amount) / 100:.2f}" if isinstance(amount, int) else ""
    by = str(payload.get("by", ""))
    params["by"] = Phrase(f"party.{by if by in ('worker', 'employer') else 'other'}")
    # a one-time code is filled in only for the text to the phone (`sms_text`)
    params["code"] = code if code is not None else HIDDEN_CODE
    return params


def render(event: str, payload: dict[str, Any], language: str, recipient: int | None = None,
           code: str | None = None) -> Rendered:
    """The title and body of `event` for `recipient` in `language` (zh-CN or en), filled from its payload.

    The order's worker reads the worker's wording of an event (`notice.<event>.to_worker.*`) where it has one;
    everyone else the employer's. An event the catalogue does not know is shown by its name.
    """
    for_worker = recipient is not None and recipient == payload.get("worker_id")
    key = f"notice.{event}.to_worker" if for_worker and f"notice.{event}.to_worker.title" in MESSAGES else \
        f"notice.{event}"
    if f"{key}.title" not in MESSAGES:
        return Rendered(event, "")
    params = _params(payload, code)
    if "trade_zh" in payload:  # a trade's name comes in both languages (a course suggestion): the reader's one
        params["trade"] = str(payload["trade_en" if language == "en" else "trade_zh"])
    return Rendered(translate(f"{key}.title", language), translate(f"{key}.body", language, **params))


def sms_text(event: str, payload: dict[str, Any], recipient: int | None = None, code: str | None = None) -> str:
    """The text message for `event` to `recipient`: signed with the platform name, in Chinese; a one-time code
    shows only when `code` is given (the dispatcher opens it as it sends), else `******` (the SMS log's copy)."""
    language = DEFAULT_LANGUAGE  # users choose no language yet: a text goes out in the market's first language
    return translate("notice.sms_signature", language) + render(event, payload, language, recipient, code).body
