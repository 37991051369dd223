"""The catalogue's notification texts: for each event a title and a body, and the worker's own wording where
it differs (`market.notifications.templates` fills them from the event's payload)."""

from __future__ import annotations

__all__ = ["NOTICES"]

# "notice.<event>.title|body" (what the employer and staff read) and "notice.<event>.to_worker.title|body" (what the
# order's worker reads instead, where it differs). The SMS is the signature and the body in Chinese.
NOTICES: dict[str, tuple[str, str]] = {
    "notice.sms_signature": ("【零工市场】", "[Linggong] "),
    # what the employer and staff read
    "notice.order_accepted.title": ("有工人接单", "New order"),
    "notice.order_accepted.body": (
        "{worker_name}已接单「{title}」，{starts}开工，电子合同已签署。",
        "{worker_name} took \u201c{title}\u201d starting {starts}; the contract is signed.",
    ),
    "notice.job_filled.title": ("岗位已招满", "Job filled"),
    "notice.job_filled.body": (
        "您发布的「{title}」已招满。",
        "\u201c{title}\u201d is now full.",
    ),
    "notice.order_cancelled.title": ("订单已取消", "Order cancelled"),
    "notice.order_cancelled.body": (
        "「{title}」的订单已被{by}取消。",
        "The order for \u201c{title}\u201d was cancelled by the {by}.",
    ),
    "notice.job_cancelled.title": ("岗位已取消", "Job cancelled"),
    "notice.job_cancelled.body": (
        "「{title}」已停止招聘。",
        "\u201c{title}\u201d is closed.",
    ),
    "notice.order_checked_in.title": ("工人已到岗", "Worker checked in"),
    "notice.order_checked_in.body": (
        "「{title}」的工人已签到。",
        "The worker for \u201c{title}\u201d has checked in.",
    ),
    "notice.order_completed.title": ("已确认完工", "Work confirmed"),
    "notice.order_completed.body": (
        "「{title}」已确认完工，请留意工资到账。",
        "\u201c{title}\u201d is marked complete; watch for your pay.",
    ),
    "notice.order_paid.title": ("用工方已登记付款", "Payment recorded"),
    "notice.order_paid.body": (
        "「{title}」登记付款{amount}，收到后请确认。",
        "{amount} recorded as paid for \u201c{title}\u201d; confirm when it arrives.",
    ),
    "notice.payment_confirmed.title": ("工人已确认收款", "Payment confirmed"),
    "notice.payment_confirmed.body": (
        "「{title}」的工人已确认收到工资。",
        "The worker confirmed being paid for \u201c{title}\u201d.",
    ),
    "notice.shift_reminder.title": ("开工提醒", "Shift reminder"),
    "notice.shift_reminder.body": (
        "「{title}」将于{starts}开工，地址：{address}。",
        "\u201c{title}\u201d starts {starts} at {address}.",
    ),
    "notice.missing_check_in.title": ("未签到提醒", "Missing check-in"),
    "notice.missing_check_in.body": (
        "「{title}」已开工30分钟，工人尚未签到。",
        "\u201c{title}\u201d started 30 minutes ago and the worker has not checked in.",
    ),
    "notice.payment_due.title": ("工资支付到期", "Pay due"),
    "notice.payment_due.body": (
        "「{title}」的工资{amount}今日到期，请按约支付。",
        "Pay of {amount} for \u201c{title}\u201d is due now.",
    ),
    "notice.payment_overdue_blue.title": ("欠薪蓝色预警", "Unpaid wages: blue"),
    "notice.payment_overdue_blue.body": (
        "「{title}」的工资{amount}已逾期，请立即支付。",
        "Pay of {amount} for \u201c{title}\u201d is overdue; pay now.",
    ),
    "notice.payment_overdue_yellow.title": ("欠薪黄色预警", "Unpaid wages: yellow"),
    "notice.payment_overdue_yellow.body": (
        "「{title}」工资{amount}逾期超过3天，驿站将介入。",
        "Pay of {amount} for \u201c{title}\u201d is over 3 days late; the station steps in.",
    ),
    "notice.payment_overdue_red.title": ("欠薪红色预警", "Unpaid wages: red"),
    "notice.payment_overdue_red.body": (
        "「{title}」工资{amount}逾期超过7天，已上报人社部门。",
        "Pay of {amount} for \u201c{title}\u201d is over 7 days late; reported to the bureau.",
    ),
    "notice.order_no_show.title": ("已登记未到岗", "No-show recorded"),
    "notice.order_no_show.body": (
        "「{title}」已登记工人{worker_name}未到岗。",
        "{worker_name} is recorded as a no-show for \u201c{title}\u201d.",
    ),
    "notice.no_show_objection.title": ("工人对未到岗提出异议", "No-show disputed"),
    "notice.no_show_objection.body": (
        "{worker_name}对「{title}」的未到岗登记提出异议：{note}",
        "{worker_name} objects to the no-show for \u201c{title}\u201d: {note}",
    ),
    "notice.no_show_overturned.title": ("未到岗登记已撤销", "No-show removed"),
    "notice.no_show_overturned.body": (
        "驿站核实后撤销了「{title}」的未到岗登记，订单恢复为已接单。",
        "After checking, the station removed the no-show for \u201c{title}\u201d; the order is accepted again.",
    ),
    "notice.no_show_confirmed.title": ("未到岗登记维持", "No-show stands"),
    "notice.no_show_confirmed.body": (
        "驿站核实后维持「{title}」的未到岗登记。",
        "After checking, the station kept the no-show for \u201c{title}\u201d.",
    ),
    "notice.consent_code.title": ("签约验证码", "Consent code"),
    "notice.consent_code.body": (
        "验证码{code}：您正在驿站确认接单「{title}」，10分钟内有效。非本人操作请忽略。",
        "Code {code} confirms you accept \u201c{title}\u201d at the station; valid for 10 minutes.",
    ),
    "notice.consent_code_payment.title": ("确认收款验证码", "Consent code"),
    "notice.consent_code_payment.body": (
        "验证码{code}：您正在驿站确认已收到「{title}」的工资{amount}，10分钟内有效。非本人操作请忽略。",
        "Code {code} confirms at the station that you were paid {amount} for \u201c{title}\u201d; valid for "
        "10 minutes.",
    ),
    "notice.consent_code_station.title": ("驿站代办验证码", "Consent code"),
    "notice.consent_code_station.body": (
        "验证码{code}：您正在同意驿站工作人员今后代您接单、修改资料和确认收款，10分钟内有效。非本人操作请忽略。",
        "Code {code} lets the station's staff accept jobs, edit your profile and confirm payments for you; valid for "
        "10 minutes.",
    ),
    # issue 15: account codes, texted to a phone that may have no account (never in an inbox)
    "notice.account_code_login.title": ("登录验证码", "Sign-in code"),
    "notice.account_code_login.body": (
        "验证码{code}：您正在登录零工市场，{minutes}分钟内有效。请勿告诉他人，工作人员不会向您索要。",
        "Code {code} signs you in to Linggong; valid for {minutes} minutes. Tell nobody: staff never ask for it.",
    ),
    "notice.account_code_register.title": ("注册验证码", "Sign-up code"),
    "notice.account_code_register.body": (
        "验证码{code}：您正在注册零工市场账号，{minutes}分钟内有效。请勿告诉他人，工作人员不会向您索要。",
        "Code {code} creates your Linggong account; valid for {minutes} minutes. Tell nobody: staff never ask "
        "for it.",
    ),
    "notice.account_code_reset.title": ("重设密码验证码", "Password reset code"),
    "notice.account_code_reset.body": (
        "验证码{code}：您正在重设零工市场的登录密码，{minutes}分钟内有效。非本人操作请忽略，请勿告诉他人。",
        "Code {code} sets a new Linggong password; valid for {minutes} minutes. If this was not you, ignore it "
        "and tell nobody.",
    ),
    # what the order's worker reads instead
    "notice.order_accepted.to_worker.title": ("接单成功", "Order accepted"),
    "notice.order_accepted.to_worker.body": (
        "您已接单「{title}」，{starts}开工，电子合同已签署，可在订单中查看。",
        "You have an order for \u201c{title}\u201d starting {starts}; the signed contract is in the order.",
    ),
    "notice.missing_check_in.to_worker.title": ("请签到", "Please check in"),
    "notice.missing_check_in.to_worker.body": (
        "「{title}」已开工30分钟，您还未签到，请到岗后在订单中签到。",
        "\u201c{title}\u201d started 30 minutes ago; check in from the order when you arrive.",
    ),
    "notice.payment_due.to_worker.title": ("工资今日到期", "Pay due today"),
    "notice.payment_due.to_worker.body": (
        "「{title}」的工资{amount}今日到期，未收到可在订单中反映或联系驿站。",
        "Pay of {amount} for \u201c{title}\u201d is due today; tell us in the order if it doesn't arrive.",
    ),
    "notice.order_no_show.to_worker.title": ("您被登记为未到岗", "Recorded as a no-show"),
    "notice.order_no_show.to_worker.body": (
        "「{title}」用工方登记您未到岗，如有异议请于{due}前在订单中提出。",
        "The employer recorded you as a no-show for \u201c{title}\u201d; if that is wrong, object in the order "
        "by {due}.",
    ),
    "notice.no_show_overturned.to_worker.title": ("异议成立", "Objection upheld"),
    "notice.no_show_overturned.to_worker.body": (
        "您对「{title}」未到岗登记的异议成立，登记已撤销。",
        "Your objection was upheld: the no-show for \u201c{title}\u201d is removed.",
    ),
    "notice.no_show_confirmed.to_worker.title": ("异议未成立", "Objection not upheld"),
    "notice.no_show_confirmed.to_worker.body": (
        "您对「{title}」未到岗登记的异议未被采纳，登记维持。",
        "Your objection to the no-show for \u201c{title}\u201d was not upheld.",
    ),
}
