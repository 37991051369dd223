"""What each event says, in zh-CN and en: a title and body for the inbox, and a text short enough for one SMS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["HIDDEN_CODE", "SEALED_CODE_EVENTS", "SMS_EVENTS", "Rendered", "render", "sms_text"]

# event -> (zh title, zh body, en title, en body); the SMS is "【零工市场】" + the zh body.
_TEMPLATES: dict[str, tuple[str, str, str, str]] = {
    "order_accepted": ("有工人接单", "{worker_name}已接单「{title}」，{starts}开工，电子合同已签署。",
                       "New order", "{worker_name} took \u201c{title}\u201d starting {starts}; the contract is "
                       "signed."),
    "job_filled": ("岗位已招满", "您发布的「{title}」已招满。", "Job filled", "\u201c{title}\u201d is now full."),
    "order_cancelled": ("订单已取消", "「{title}」的订单已被{by}取消。", "Order cancelled",
                        "The order for \u201c{title}\u201d was cancelled by the {by_en}."),
    "job_cancelled": ("岗位已取消", "「{title}」已停止招聘。", "Job cancelled", "\u201c{title}\u201d is closed."),
    "order_checked_in": ("工人已到岗", "「{title}」的工人已签到。", "Worker checked in",
                         "The worker for \u201c{title}\u201d has checked in."),
    "order_completed": ("已确认完工", "「{title}」已确认完工，请留意工资到账。", "Work confirmed",
                        "\u201c{title}\u201d is marked complete; watch for your pay."),
    "order_paid": ("用工方已登记付款", "「{title}」登记付款{amount}，收到后请确认。", "Payment recorded",
                   "{amount} recorded as paid for \u201c{title}\u201d; confirm when it arrives."),
    "payment_confirmed": ("工人已确认收款", "「{title}」的工人已确认收到工资。", "Payment confirmed",
                          "The worker confirmed being paid for \u201c{title}\u201d."),
    "shift_reminder": ("开工提醒", "「{title}」将于{starts}开工，地址：{address}。", "Shift reminder",
                       "\u201c{title}\u201d starts {starts} at {address}."),
    "missing_check_in": ("未签到提醒", "「{title}」已开工30分钟，工人尚未签到。", "Missing check-in",
                         "\u201c{title}\u201d started 30 minutes ago and the worker has not checked in."),
    "payment_due": ("工资支付到期", "「{title}」的工资{amount}今日到期，请按约支付。", "Pay due",
                    "Pay of {amount} for \u201c{title}\u201d is due now."),
    "payment_overdue_blue": ("欠薪蓝色预警", "「{title}」的工资{amount}已逾期，请立即支付。", "Unpaid wages: blue",
                             "Pay of {amount} for \u201c{title}\u201d is overdue; pay now."),
    "payment_overdue_yellow": ("欠薪黄色预警", "「{title}」工资{amount}逾期超过3天，驿站将介入。",
                               "Unpaid wages: yellow",
                               "Pay of {amount} for \u201c{title}\u201d is over 3 days late; the station steps in."),
    "payment_overdue_red": ("欠薪红色预警", "「{title}」工资{amount}逾期超过7天，已上报人社部门。", "Unpaid wages: red",
                            "Pay of {amount} for \u201c{title}\u201d is over 7 days late; reported to the bureau."),
    "order_no_show": ("已登记未到岗", "「{title}」已登记工人{worker_name}未到岗。", "No-show recorded",
                      "{worker_name} is recorded as a no-show for \u201c{title}\u201d."),
    "no_show_objection": ("工人对未到岗提出异议", "{worker_name}对「{title}」的未到岗登记提出异议：{note}",
                          "No-show disputed", "{worker_name} objects to the no-show for \u201c{title}\u201d: {note}"),
    "no_show_overturned": ("未到岗登记已撤销", "驿站核实后撤销了「{title}」的未到岗登记，订单恢复为已接单。",
                           "No-show removed",
                           "After checking, the station removed the no-show for \u201c{title}\u201d; the order is "
                           "accepted again."),
    "no_show_confirmed": ("未到岗登记维持", "驿站核实后维持「{title}」的未到岗登记。", "No-show stands",
                          "After checking, the station kept the no-show for \u201c{title}\u201d."),
    "consent_code": ("签约验证码", "验证码{code}：您正在驿站确认接单「{title}」，10分钟内有效。非本人操作请忽略。",
                     "Consent code", "Code {code} confirms you accept \u201c{title}\u201d at the station; valid for "
                     "10 minutes."),
    "consent_code_payment": ("确认收款验证码",
                             "验证码{code}：您正在驿站确认已收到「{title}」的工资{amount}，10分钟内有效。非本人操作请忽略。",
                             "Consent code", "Code {code} confirms at the station that you were paid {amount} for "
                             "\u201c{title}\u201d; valid for 10 minutes."),
    "consent_code_station": ("驿站代办验证码",
                             "验证码{code}：您正在同意驿站工作人员今后代您接单、修改资料和确认收款，10分钟内有效。"
                             "非本人操作请忽略。",
                             "Consent code", "Code {code} lets the station's staff accept jobs, edit your profile and "
                             "confirm payments for you; valid for 10 minutes."),
}

# What the worker of the order reads instead, where it differs from what the employer (and staff) read.
_FOR_WORKER: dict[str, tuple[str, str, str, str]] = {
    "order_accepted": ("接单成功", "您已接单「{title}」，{starts}开工，电子合同已签署，可在订单中查看。",
                       "Order accepted", "You have an order for \u201c{title}\u201d starting {starts}; the signed "
                       "contract is in the order."),
    "missing_check_in": ("请签到", "「{title}」已开工30分钟，您还未签到，请到岗后在订单中签到。", "Please check in",
                         "\u201c{title}\u201d started 30 minutes ago; check in from the order when you arrive."),
    "payment_due": ("工资今日到期", "「{title}」的工资{amount}今日到期，未收到可在订单中反映或联系驿站。",
                    "Pay due today",
                    "Pay of {amount} for \u201c{title}\u201d is due today; tell us in the order if it doesn't arrive."),
    "order_no_show": ("您被登记为未到岗", "「{title}」用工方登记您未到岗，如有异议请于{due}前在订单中提出。",
                      "Recorded as a no-show", "The employer recorded you as a no-show for \u201c{title}\u201d; "
                      "if that is wrong, object in the order by {due}."),
    "no_show_overturned": ("异议成立", "您对「{title}」未到岗登记的异议成立，登记已撤销。", "Objection upheld",
                           "Your objection was upheld: the no-show for \u201c{title}\u201d is removed."),
    "no_show_confirmed": ("异议未成立", "您对「{title}」未到岗登记的异议未被采纳，登记维持。", "Objection not upheld",
                          "Your objection to the no-show for \u201c{title}\u201d was not upheld."),
}

SMS_EVENTS = frozenset({"order_accepted", "order_cancelled", "shift_reminder", "missing_check_in",
                        "payment_overdue_blue", "payment_overdue_yellow", "consent_code", "consent_code_payment",
                        "consent_code_station", "order_no_show", "no_show_overturned", "no_show_confirmed"})
"""Events that also go out as a text message (the rest stay in the inbox)."""

SEALED_CODE_EVENTS = frozenset({"consent_code", "consent_code_payment", "consent_code_station"})
"""Events whose payload carries a sealed one-time code: only the text to the phone shows it, everywhere else
`******`."""

HIDDEN_CODE = "******"



_BY = {"worker": ("工人", "worker"), "employer": ("用工方", "employer")}


@dataclass(frozen=True)
class Rendered:
    """A message ready to show or send."""

    title: str
    body: str


def _params(payload: dict[str, Any], zone_name: str) -> dict[str, str]:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    params = {key: str(value) for key, value in payload.items()}
    params.setdefault("title", "订单")
    starts = payload.get("starts_at")
    params["starts"] = (datetime.fromisoformat(starts).astimezone(ZoneInfo(zone_name)).strftime("%m-%d %H:%M")
                        if isinstance(starts, str) else "")
    amount = payload.get("amount_fen")
    params["amount"] = f"¥{int(amount) / 100:.2f}" if isinstance(amount, int) else ""
    by = _BY.get(str(payload.get("by", "")), ("对方", "other party"))
    params["by"], params["by_en"] = by
    params.setdefault("address", "")
    params["code"] = HIDDEN_CODE  # a one-time code is filled in only for the text to the phone (`sms_text`)
    params.setdefault("worker_name", "工人")
    params.setdefault("note", "")
    due = payload.get("objection_due_at")
    params["due"] = (datetime.fromisoformat(due).astimezone(ZoneInfo(zone_name)).strftime("%m-%d %H:%M")
                     if isinstance(due, str) else "")
    return params


def render(event: str, payload: dict[str, Any], language: str, zone_name: str = "Asia/Shanghai",
           recipient: int | None = None, code: str | None = None) -> Rendered:
    """The title and body of `event` for `recipient` in `language` (zh-CN or en), filled from its payload.

    The order's worker reads the worker's wording of an event; everyone else the employer's.
    """
    for_worker = recipient is not None and recipient == payload.get("worker_id")
    default = _TEMPLATES.get(event, (event, "", event, ""))
    zh_title, zh_body, en_title, en_body = _FOR_WORKER.get(event, default) if for_worker else default
    params = _params(payload, zone_name)
    if code is not None:
        params["code"] = code
    if language == "en":
        return Rendered(en_title, en_body.format(**params))
    return Rendered(zh_title, zh_body.format(**params))


def sms_text(event: str, payload: dict[str, Any], zone_name: str = "Asia/Shanghai",
             recipient: int | None = None, code: str | None = None) -> str:
    """The text message for `event` to `recipient`: signed with the platform name, in Chinese; a one-time code
    shows only when `code` is given (the dispatcher opens it as it sends), else `******` (the SMS log's copy)."""
    return "【零工市场】" + render(event, payload, "zh-CN", zone_name, recipient, code).body
