"""The catalogue's words that other messages are built from: statuses, acts, roles, types, zones, and the texts of
the pages and checks that are not errors (contract verification, the public verification page, the web app)."""

from __future__ import annotations

__all__ = ["WORDS"]

WORDS: dict[str, tuple[str, str]] = {
    # an order's status as a message says it ("The order is {status}; cannot {action}")
    "order_status.accepted": ("已接单", "accepted"),
    "order_status.checked_in": ("已签到", "checked in"),
    "order_status.completed": ("已完工", "completed"),
    "order_status.paid": ("已付款", "paid"),
    "order_status.confirmed": ("已确认收款", "payment confirmed"),
    "order_status.cancelled": ("已取消", "cancelled"),
    "order_status.no_show": ("未到岗", "a no-show"),
    "order_status.over": ("已结束", "over"),
    "order_status.started": ("已开工", "started"),
    # wage cases: where a case is (受理 → 交办 → 办理 → 办结 → 回访 → 归档) and what came of it
    "case_status.received": ("已受理", "received"),
    "case_status.assigned": ("已交办", "assigned"),
    "case_status.handling": ("办理中", "in handling"),
    "case_status.closed": ("已办结", "closed"),
    "case_status.follow_up": ("回访中", "in follow-up"),
    "case_status.archived": ("已归档", "archived"),
    "case_outcome.recovered_full": ("已全额追回", "recovered in full"),
    "case_outcome.recovered_partial": ("已部分追回", "partly recovered"),
    "case_outcome.unfounded": ("经核实不属实", "found unfounded"),
    "case_outcome.referred": ("已转劳动监察或仲裁", "referred to labour inspection or arbitration"),
    "case_outcome.withdrawn": ("投诉人撤回", "withdrawn by the claimant"),
    # what an act on an order is called after "cannot"
    "act.check_in": ("签到", "check in"),
    "act.complete": ("确认完工", "mark it complete"),
    "act.paid": ("登记付款", "mark it paid"),
    "act.confirm_payment": ("确认收款", "confirm payment"),
    "act.cancel": ("取消", "cancel it"),
    "act.no_show": ("登记未到岗", "record a no-show"),
    "act.no_show_objection": ("对未到岗提出异议", "object to the no-show"),
    "act.no_show_overturned": ("撤销未到岗登记", "remove the no-show"),
    "act.no_show_confirmed": ("维持未到岗登记", "keep the no-show"),
    # who may do something ("Only {roles} may do this")
    "roles.worker": ("求职者", "workers"),
    "roles.employer": ("用工方", "employers"),
    "roles.staff": ("驿站工作人员", "station staff"),
    "roles.admin": ("管理员", "admins"),
    # a party to an order, as a notification names who acted
    "party.worker": ("工人", "worker"),
    "party.employer": ("用工方", "employer"),
    "party.other": ("对方", "other party"),
    # what a notification says when its payload lacks a name
    "notice.some_order": ("订单", "order"),
    "notice.some_worker": ("工人", "The worker"),
    # the kinds of value a field may expect ("must be {expected}")
    "type.int": ("整数", "a whole number"),
    "type.float": ("数字", "a number"),
    "type.str": ("文字", "text"),
    "type.bool": ("是或否", "true or false"),
    "type.array": ("列表", "a list"),
    "type.object": ("对象", "an object"),
    "type.datetime": ("带时区的时间", "a date-time with a zone"),
    "type.null": ("空值", "null"),
    # a field without a label, and an item of a list field ("技能名称（第2项）", "Skill name (item 2)")
    "field.unknown": ("字段「{field}」", "Field `{field}`"),
    "field.item": ("（第{n}项）", " (item {n})"),
    # how alternatives are joined: "求职者、用工方" / "workers or employers"; "按小时、按天" / "per hour, per day"
    "join.or": ("、", " or "),
    "join.list": ("、", ", "),
    # zones that have a name people use; any other zone is shown by its IANA name
    "zone.Asia/Shanghai": ("北京时间", "Beijing time"),
    # the web app's own situation when no answer comes (the front end takes these from the server)
    "network": ("网络不通，请检查网络后重试", "The network is not reachable; check your connection and try again"),
    # contract verification: the library's problems (every code of `contracts.problems`), and two the platform adds
    "contract_problem.unreadable": ("文件或其中的签名无法解析", "the file, or a signature in it, cannot be parsed"),
    "contract_problem.no_signatures": ("文件中没有数字签名", "the file carries no digital signature"),
    "contract_problem.missing_signature": ("缺少一方的数字签名（可能被删除）",
                                           "a party's signature is missing (possibly stripped)"),
    "contract_problem.unexpected_signature": ("文件中有不属于本合同的签名",
                                              "the file carries a signature that does not belong to it"),
    "contract_problem.wrong_order": ("签名顺序不符合签署流程", "the signatures are not in signing order"),
    "contract_problem.bad_signature": ("数字签名无效", "the digital signature is not valid"),
    "contract_problem.untrusted_chain": ("签名证书不是由平台根证书签发",
                                         "the signing certificate does not chain to a trusted root"),
    "contract_problem.bad_timestamp": ("可信时间戳无效", "the trusted timestamp is not valid"),
    "contract_problem.role_mismatch": ("签名证书与签署方身份不符",
                                       "the signing certificate does not belong to that party"),
    "contract_problem.modified_after_signing": ("签署后文件被修改", "the document was modified after this signature"),
    "contract_problem.modified_after_sealing": ("平台盖章后文件被修改",
                                                "the document was modified after the platform sealed it"),
    "contract_problem.number_mismatch": ("各签名中的合同编号不一致", "the signatures name different contract numbers"),
    "contract_problem.unknown_contract": ("平台没有该编号的合同", "No contract with this number was issued here"),
    "contract_problem.not_our_copy": ("与平台存档的合同文件不一致", "Differs from the copy the platform stored"),
    # the public page a contract's QR code opens
    "verify_page.title": ("电子合同核验", "Contract verification"),
    "verify_page.number": ("合同编号", "Contract number"),
    "verify_page.status": ("状态", "Status"),
    "verify_page.issued": ("签署时间", "Signed at"),
    "verify_page.worker": ("劳务提供方", "Worker"),
    "verify_page.employer": ("用工方", "Employer"),
    "verify_page.hash": ("文件指纹（SHA-256）", "File fingerprint (SHA-256)"),
    "verify_page.job": ("工作内容", "Work"),
    "verify_page.status_issued": ("有效", "In force"),
    "verify_page.status_cancelled": ("已解除", "Cancelled"),
    "verify_page.missing": ("未找到该合同，请核对二维码或链接。", "No such contract."),
    "verify_page.hint": ("核对您手中PDF的SHA-256与上方一致；也可以{link}，检查签名是否完整、内容是否被改动。",
                         "Compare your PDF's SHA-256 with the one above, or {link} to check its signatures and that "
                         "nothing was changed."),
    "verify_page.upload": ("上传合同PDF核验", "upload the contract PDF"),
    "verify_page.complain_title": ("投诉欠薪", "Not paid? Complain"),
    "verify_page.complain_yours": ("这份合同的工钱没拿到，或者数目不对？在线投诉，驿站会受理并告诉您每一步。",
                                   "Not paid for this contract, or paid the wrong amount? Complain online: a station "
                                   "takes it up and tells you every step."),
    "verify_page.complain_sign_in_first": ("本合同的劳务提供方没拿到工钱，可以登录后在线投诉（可用手机验证码登录），"
                                           "投诉表会自动填好这份合同的订单。",
                                           "The worker of this contract can sign in (with a code texted to their "
                                           "phone) and complain online; the form is filled in with this order."),
    "verify_page.complain": ("投诉欠薪", "Complain about pay"),
    "verify_page.complain_login": ("登录后投诉欠薪", "Sign in to complain"),
    "verify_page.complain_other_ways": ("也可以拨打 12333 劳动保障热线，或到就近的零工驿站。",
                                        "You can also call the 12333 labour hotline or visit a gig station."),
    "verify_page.signed_at": ("{year}年{month}{day}日 {time}（{zone}，{offset}）",
                              "{day} {month} {year}, {time} ({zone}, {offset})"),
    **{f"month.{n}": (f"{n}月", name) for n, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)},
}
