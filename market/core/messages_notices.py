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
    "notice.wage_warning_blue.title": ("欠薪蓝色预警", "Unpaid wages: blue warning"),
    "notice.wage_warning_blue.body": (
        "「{title}」等{n}名工人的工资共{amount}已过支付期限，请立即支付，工人确认收到后预警解除。",
        "Pay of {amount} to {n} worker(s) for \u201c{title}\u201d and others is past its pay-by time: pay now; the "
        "warning ends when the workers confirm.",
    ),
    "notice.wage_warning_yellow.title": ("欠薪黄色预警", "Unpaid wages: yellow warning"),
    "notice.wage_warning_yellow.body": (
        "{name}拖欠{n}名工人工资共{amount}（「{title}」等），已逾期{days}个工作日，服务该工地的驿站将跟进。",
        "{name} owes {n} worker(s) {amount} (\u201c{title}\u201d and others), {days} working day(s) late; the "
        "station serving the site follows it up.",
    ),
    "notice.wage_warning_yellow_disputed.title": ("欠薪黄色预警：工人反映未收到", "Unpaid wages: a worker says unpaid"),
    "notice.wage_warning_yellow_disputed.body": (
        "工人反映「{title}」的工资没有收到或数目不对，{name}共欠{n}名工人{amount}，服务该工地的驿站将跟进。",
        "A worker says the pay for \u201c{title}\u201d did not come or was short; {name} owes {n} worker(s) "
        "{amount}; the station serving the site follows it up.",
    ),
    "notice.wage_warning_red.title": ("欠薪红色预警", "Unpaid wages: red warning"),
    "notice.wage_warning_red.body": (
        "{name}拖欠{n}名工人工资共{amount}（「{title}」等，已逾期{days}个工作日），已立案并转人社部门督办。",
        "{name} owes {n} worker(s) {amount} (\u201c{title}\u201d and others, {days} working day(s) late): a wage "
        "case is open and the labour bureau supervises it.",
    ),
    "notice.wage_warning_closed.title": ("欠薪预警解除", "Wage warning closed"),
    "notice.wage_warning_closed.body": (
        "{name}关于「{title}」等的欠薪预警已解除：工资已付清并经工人确认，或已另行结清。",
        "The wage warning about {name} (\u201c{title}\u201d and others) is closed: the pay was confirmed by the "
        "workers or otherwise settled.",
    ),
    "notice.wage_overdue.title": ("工资已过支付期限", "Pay is overdue"),
    "notice.wage_overdue.body": (
        "「{title}」的工资{amount}已过约定的支付期限。如未收到或数目不对，可在订单中点「没收到工钱」或联系驿站。",
        "Your pay of {amount} for \u201c{title}\u201d is past its pay-by time. If it has not come, or is short, "
        "tell us in the order or ask a station.",
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
    "notice.rating_objection.title": ("评价异议待处理", "Rating objection to decide"),
    "notice.rating_objection.body": (
        "「{title}」的一条{stars}星评价被提出异议，请在“评价异议”中核实并处理。",
        "A {stars}-star rating on \u201c{title}\u201d is disputed; check it and decide under Rating objections.",
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
    # wage cases (issue 12): the employer and staff read these; the claimant their own wording below
    "notice.case_filed.title": ("新的欠薪投诉", "New wage complaint"),
    "notice.case_filed.body": (
        "「{title}」有工人投诉工资问题，案件已受理：{link}",
        "A worker on \u201c{title}\u201d complained about their pay; the case is open: {link}",
    ),
    "notice.case_assigned.title": ("案件交办", "Case assigned"),
    "notice.case_assigned.body": (
        "一件欠薪案件已交由您办理，请按时限处理：{link}",
        "A wage case is now yours to handle within its time: {link}",
    ),
    "notice.case_due_soon.title": ("案件即将超时", "Case due soon"),
    "notice.case_due_soon.body": (
        "欠薪案件的办理时限为{due}，请尽快处理：{link}",
        "A wage case is due by {due}; please act on it: {link}",
    ),
    "notice.case_escalated.title": ("案件已提级督办", "Case escalated"),
    "notice.case_escalated.body": (
        "一件欠薪案件已上报人社部门督办：{link}",
        "A wage case went up to the labour bureau: {link}",
    ),
    "notice.case_closed.title": ("欠薪案件已办结", "Wage case closed"),
    "notice.case_closed.body": (
        "您投诉的欠薪案件已办结，登记追回{amount}。工钱真的到手了吗？请点开回复「已解决」或「未解决」：{link}",
        "Your wage case is closed with {amount} recorded as recovered. Did the money really arrive? Answer "
        "\u201csolved\u201d or \u201cnot solved\u201d: {link}",
    ),
    "notice.case_reopened.title": ("案件重新办理", "Case reopened"),
    "notice.case_reopened.body": (
        "一件欠薪案件已重新办理（投诉人回复未解决或已重开）：{link}",
        "A wage case is back in handling (a claimant said it is not solved, or it was reopened): {link}",
    ),
    "notice.case_replied.title": ("用工方已答复", "Employer replied"),
    "notice.case_replied.body": (
        "用工方已对欠薪案件作出书面答复：{link}",
        "The employer answered the wage case in writing: {link}",
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
    "notice.case_filed.to_worker.title": ("投诉已受理", "Complaint received"),
    "notice.case_filed.to_worker.body": (
        "您对「{title}」的投诉已受理，办理进展请查看：{link}",
        "Your complaint about \u201c{title}\u201d is received; follow it here: {link}",
    ),
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
    # issue 13: invitations and tiered job alerts (market/notifications/alert_notices.py)
    "notice.job_invitation.title": ("用工方邀请您接活", "You are invited to a job"),
    "notice.job_invitation.body": (
        "{name}邀请您做「{title}」，{starts}开工。愿意的话请打开岗位接单，名额先到先得。",
        "{name} invites you to \u201c{title}\u201d, starting {starts}. Open the job to accept; places go to whoever "
        "accepts first.",
    ),
    "notice.job_alert.title": ("附近有新活儿", "A new job near you"),
    "notice.job_alert.body": (
        "「{title}」{starts}开工，地点{address}。打开岗位看看，名额有限。",
        "\u201c{title}\u201d starts {starts} at {address}. Open the job to see it; places are limited.",
    ),
}
