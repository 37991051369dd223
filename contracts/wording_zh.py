"""The Chinese text of the gig service agreement (零工劳务协议)."""

from __future__ import annotations

from contracts.terms import ConsentMethod, ContractTerms, PartyRole, PayMethod, PayUnit
from contracts.wording import BlockLabels, ContractText, format_fen, format_time

__all__ = ["build"]

_UNITS = {PayUnit.HOUR: "小时", PayUnit.DAY: "日", PayUnit.PIECE: "件"}
_METHODS = {
    PayMethod.BANK_TRANSFER: "银行转账至乙方本人账户",
    PayMethod.WECHAT: "微信转账至乙方本人账户",
    PayMethod.ALIPAY: "支付宝转账至乙方本人账户",
    PayMethod.CASH: "现金当面支付并由乙方在平台确认收款",
}
_CONSENT = {
    ConsentMethod.APP_ACCEPT: "本人在平台接单确认",
    ConsentMethod.STAFF_SMS_CODE: "驿站工作人员协助，短信验证码确认",
    ConsentMethod.STAFF_HANDWRITTEN: "驿站工作人员协助，本人手写签名",
    ConsentMethod.STANDING_AUTHORISATION: "发布岗位时授权自动签署",
}


_ZONE_NAMES = {"Asia/Shanghai": "北京时间", "Asia/Urumqi": "乌鲁木齐时间"}


def _parties(terms: ContractTerms) -> list[tuple[str, list[tuple[str, str]]]]:
    employer, worker = terms.employer, terms.worker
    employer_rows = [("名称/姓名", employer.name), ("信用代码/证件号", employer.id_shown)]
    if employer.contact_name:
        employer_rows.append(("联系人", employer.contact_name))
    employer_rows.append(("联系电话", employer.phone_shown))
    if employer.address:
        employer_rows.append(("地址", employer.address))
    worker_rows = [("姓名", worker.name), ("身份证号码", worker.id_number_masked), ("联系电话", worker.phone_shown)]
    return [("甲方（用工方）", employer_rows), ("乙方（劳务提供方）", worker_rows)]


def _terms(terms: ContractTerms) -> list[tuple[str, str]]:
    pay = terms.pay
    rows = [
        ("岗位名称", terms.job_title),
        ("工作内容", terms.duties),
        ("工作地点", terms.place),
        ("服务期间", f"{format_time(terms.starts_at, terms)} 至 {format_time(terms.ends_at, terms)}"),
        ("劳务报酬", f"{format_fen(pay.amount_fen)} / {_UNITS[pay.unit]}（人民币）"),
    ]
    if pay.estimated_total_fen is not None:
        rows.append(("预计报酬总额", format_fen(pay.estimated_total_fen)))
    rows += [
        ("支付期限", f"不迟于 {format_time(terms.pay_due_at, terms)}（{_due_after(terms)}）"),
        ("支付方式", _METHODS[terms.pay_method]),
        ("调解驿站", f"{terms.station.name}（{terms.station.address}，电话 {terms.station.phone}）"),
    ]
    return rows


def _due_after(terms: ContractTerms) -> str:
    hours = terms.pay_due_hours
    if hours <= 0:
        return "服务期间结束时"
    return f"服务期间结束后{hours:g}小时内"


def _cancellation(terms: ContractTerms) -> list[str]:
    rules = terms.rules
    employer = (f"甲方取消用工的，应至迟于开工前{rules.employer_cancel_notice_hours}小时通过平台通知乙方，"
                "迟于此时取消的记入甲方履约记录。")
    if terms.late_cancel_compensation_fen:
        employer += f"未按时通知的，甲方应向乙方支付误工补偿{format_fen(terms.late_cancel_compensation_fen)}。"
    return [
        employer,
        f"乙方不能到岗的，应至迟于开工前{rules.worker_cancel_notice_hours}小时通过平台取消，"
        "迟于此时取消的记入乙方履约记录；开工后不能取消。",
        f"开工{rules.no_show_grace_minutes}分钟后乙方仍未签到的，甲方或驿站可在平台登记乙方未到岗，"
        "该订单不计报酬、不产生欠薪预警，并记入乙方履约记录；乙方可在登记后"
        f"{rules.no_show_objection_hours}小时内提出异议，经驿站核实成立的，撤销登记、恢复订单。",
        "乙方已提供的劳务，无论本协议因何种原因提前终止，甲方均应按实际完成的工作量或工作时间足额支付报酬。",
        "协议的取消、变更与终止均通过平台办理并记入审计记录，双方可随时查询。",
    ]


def _clauses(terms: ContractTerms) -> list[tuple[str, list[str]]]:
    safety = [
        "甲方应提供安全的作业条件和必要的劳动防护用品，开工前向乙方说明作业风险和安全要求（安全交底）。",
        "涉及高处作业、电工作业等特种作业的，乙方须持有效证书上岗，甲方应核验。",
        "乙方应遵守安全操作规程；对违章指挥、强令冒险作业，乙方有权拒绝且不因此被扣减报酬。",
        "发生人身伤害的，甲方应立即组织救治并通知平台，依法承担相应责任。鼓励甲方为乙方投保意外伤害保险。",
    ]
    if terms.safety_notes:
        safety.append(f"本岗位的特别安全要求：{terms.safety_notes}")
    return [
        ("第一条　协议性质", [
            "本协议为劳务协议，乙方以自己的技能独立提供临时性劳务，甲方按约支付劳务报酬。"
            "双方的权利义务适用《中华人民共和国民法典》合同编的规定。",
        ]),
        ("第二条　劳务报酬与支付", [
            "甲方应在支付期限届满前按约定方式足额支付劳务报酬，不得以任何理由克扣或者拖欠。",
            f"乙方应在开工前{terms.rules.check_in_opens_minutes}分钟起至结束前，在工作地点"
            f"{terms.rules.check_in_fence_m}米内通过平台定位签到，作为到岗凭证；甲方在开工后确认完工。"
            "双方对记录有异议的，可提交驿站核实。",
            "逾期未支付的，乙方可在平台一键投诉，平台将启动欠薪预警并由驿站跟进处理，甲方的诚信等级将受影响。",
        ]),
        ("第三条　安全责任", safety),
        ("第四条　取消与变更", _cancellation(terms)),
        ("第五条　个人信息保护", [
            "平台仅为订立、履行本协议和处理争议收集、使用双方个人信息。"
            "本协议中的证件号码和手机号码以去标识化方式显示，完整信息加密保存，仅在依法需要时提供。",
        ]),
        ("第六条　争议解决", [
            "因本协议发生争议的，双方应先协商解决；协商不成的，任何一方可向上述调解驿站申请免费调解。",
            "调解不成的，属于劳动争议的可向当地劳动人事争议仲裁委员会申请仲裁，其他争议可依法向人民法院提起诉讼。",
            "乙方可随时拨打12333人力资源和社会保障服务热线咨询或投诉。",
        ]),
        ("第七条　电子签名与生效", [
            "本协议以电子形式订立。甲乙双方使用平台为其颁发的数字证书进行电子签名，平台在双方签署后加盖电子签章，"
            "签署过程记入不可篡改的审计记录。依照《中华人民共和国电子签名法》，可靠的电子签名与手写签名或者盖章具有同等的法律效力。",
            "本协议自甲乙双方签署、平台盖章之时生效。任何人可扫描末页二维码或将本文件上传至平台核验其真实性与完整性。",
        ]),
    ]


def build(terms: ContractTerms) -> ContractText:
    """Build the Chinese text of the contract from its terms."""
    return ContractText(
        title="零工劳务协议",
        subtitle=f"合同编号：{terms.number}　　订立日期：{format_time(terms.issued_at, terms)}",
        running_header=f"零工劳务协议　合同编号 {terms.number}",
        page_label="第 {page} 页 / 共 {total} 页",
        intro=(
            f"甲乙双方通过{terms.platform_name}（以下简称“平台”）就下列零工事项达成一致，"
            "本着平等、自愿、诚信的原则订立本协议，共同遵守。本协议所列时间均为"
            f"{_ZONE_NAMES.get(terms.time_zone, terms.time_zone + '时区时间')}。"
        ),
        parties=_parties(terms),
        terms=_terms(terms),
        clauses=_clauses(terms),
        block=BlockLabels(
            heading="签署信息",
            roles={PartyRole.EMPLOYER: "甲方（用工方）", PartyRole.WORKER: "乙方（劳务提供方）",
                   PartyRole.PLATFORM: "平台"},
            methods=_CONSENT,
            name="签署人",
            method="确认方式",
            time="确认时间",
            staff="协助人员",
            seal_note="双方数字签名及平台电子签章嵌入本文件，签署时间以数字签名为准。",
            scan="扫码核验",
            number="合同编号",
            separator="：",
        ),
    )
