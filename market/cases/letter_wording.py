"""The words of the case letters in zh-CN and en, built from their facts; `letters` only lays them out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contracts.wording import format_fen
from market.cases.letter_facts import Claimant, LetterFacts, LetterKind, amount_in_words

__all__ = ["LetterText", "letter_text"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@dataclass(frozen=True, slots=True)
class LetterText:
    """All the words of one letter, in reading order."""

    title: str
    number: str
    addressee: str
    paragraphs: tuple[str, ...]
    table_head: tuple[str, str, str]
    rows: tuple[tuple[str, str, str], ...]
    total: tuple[str, str]
    closing: tuple[str, ...]
    contact: tuple[str, ...]
    signature: tuple[str, str]
    copy_to: str
    note: str
    running_header: str
    page_label: str


def _day(value: date, english: bool) -> str:
    if english:
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    return f"{value.year}年{value.month}月{value.day}日"


def _work(claimant: Claimant, english: bool) -> str:
    lines = []
    for work in claimant.work:
        days = _day(work.first_day, english)
        if work.last_day != work.first_day:
            days += (" – " if english else "至") + _day(work.last_day, english)
        contract = ""
        if work.contract_number:
            contract = f"; contract {work.contract_number}" if english else f"；合同编号 {work.contract_number}"
        separator = ", " if english else "，"
        lines.append(f"{work.title}{separator}{work.address}{separator}{days}{contract}")
    return "\n".join(lines) or "—"


def _rows(facts: LetterFacts, english: bool) -> tuple[tuple[str, str, str], ...]:
    return tuple((c.name, _work(c, english), format_fen(c.amount_fen)) for c in facts.claimants)


def _zh(kind: LetterKind, facts: LetterFacts) -> LetterText:
    total = format_fen(facts.total_fen)
    words = amount_in_words(facts.total_fen)
    code = f"（统一社会信用代码：{facts.employer_credit_code}）" if facts.employer_credit_code else ""
    count = len(facts.claimants)
    received = _day(facts.received_on, False)
    deadline = _day(facts.pay_by, False)
    if kind == "reminder":
        title = "关于支付劳动报酬的提醒函"
        paragraphs = (
            f"本驿站于{received}受理{count}名劳动者通过零工市场反映的欠薪投诉（案件编号 {facts.case_number}）。"
            f"经核对平台记录，下列劳动者为贵单位提供了劳务，约定的劳动报酬至今未足额支付，"
            f"合计人民币{total}（大写：{words}）。明细如下：",
        )
        closing = (
            f"根据《保障农民工工资支付条例》，用人单位应当按照与劳动者约定的日期足额支付工资。请贵单位于{deadline}前"
            "将上述款项足额支付给劳动者本人，并在零工市场登记付款；如有异议，请在同一期限内书面说明理由并提供依据。",
            "逾期既未支付又未说明理由的，本驿站将提请人力资源社会保障部门督办，相关情况记入用工方信用记录。",
        )
    else:
        title = "欠薪案件督办函"
        station = facts.handling_station or facts.issuer.name
        reminded = f"{station}已于{_day(facts.reminded_on, False)}向贵单位发出提醒函，" if facts.reminded_on else ""
        paragraphs = (
            f"{station}于{received}受理的欠薪投诉（案件编号 {facts.case_number}），涉及劳动者{count}名，"
            f"金额合计人民币{total}（大写：{words}）。{reminded}上述款项至今未足额支付。本局决定对该案件实行督办。"
            "明细如下：",
        )
        closing = (
            f"请贵单位于{deadline}前将上述劳动报酬足额支付给劳动者本人，并将支付情况书面报送{station}。",
            "逾期仍未支付的，本局将依法转劳动保障监察立案查处；涉嫌拒不支付劳动报酬罪的，依法移送公安机关。"
            "相关情况记入用工方信用记录，并可依规列入失信联合惩戒对象名单。",
        )
    issuer = facts.issuer
    contact = tuple(line for line in (
        f"联系人：{issuer.contact_name}" if issuer.contact_name else "",
        f"联系电话：{issuer.phone}", f"地址：{issuer.address}") if line)
    return LetterText(
        title=title, number=f"案件编号：{facts.case_number}", addressee=f"{facts.employer_name}{code}：",
        paragraphs=paragraphs, table_head=("劳动者", "工作内容、地点与日期", "未付金额"), rows=_rows(facts, False),
        total=("合计", f"{total}（大写：{words}）"), closing=closing, contact=contact,
        signature=(issuer.name, _day(facts.issued_on, False)),
        copy_to=f"抄送：{'、'.join(facts.copy_to)}" if facts.copy_to else "",
        note="本函依据零工市场案件记录生成，案件办理全过程留痕、可追溯；本函的发出已记入案件档案。",
        running_header=f"{title} · {facts.case_number}", page_label="第 {page} 页，共 {total} 页")


def _en(kind: LetterKind, facts: LetterFacts) -> LetterText:
    total = format_fen(facts.total_fen)
    code = f" (unified social credit code {facts.employer_credit_code})" if facts.employer_credit_code else ""
    count = len(facts.claimants)
    workers = "worker" if count == 1 else "workers"
    received = _day(facts.received_on, True)
    deadline = _day(facts.pay_by, True)
    if kind == "reminder":
        title = "Reminder to pay wages"
        paragraphs = (
            f"On {received} this station received a wage complaint from {count} {workers} through Linggong "
            f"(case {facts.case_number}). The platform's records show that the {workers} below worked for you and "
            f"that the agreed pay has not been paid in full: {total} in all (RMB). The details:",
        )
        closing = (
            "Under the Regulations on Ensuring Payment of Wages to Migrant Workers, an employer must pay wages in "
            f"full on the date agreed with the worker. Please pay the amounts above to the workers themselves by "
            f"{deadline} and record the payment on Linggong; if you dispute them, explain why in writing, with "
            "evidence, by the same date.",
            "If you neither pay nor explain by then, this station will ask the labour bureau to supervise the case, "
            "and it will be entered in your credit record.",
        )
    else:
        title = "Supervision of a wage case"
        station = facts.handling_station or facts.issuer.name
        reminded = (f" {station} sent you a reminder on {_day(facts.reminded_on, True)}."
                    if facts.reminded_on else "")
        paragraphs = (
            f"On {received} {station} received a wage complaint (case {facts.case_number}) from {count} {workers} "
            f"for {total} in all (RMB).{reminded} The amounts are still unpaid. The bureau has placed the case "
            "under its supervision. The details:",
        )
        closing = (
            f"Please pay the wages above in full to the workers themselves by {deadline} and report the payment "
            f"in writing to {station}.",
            "If they remain unpaid, the bureau will refer the case to labour inspection; a suspected crime of "
            "refusing to pay wages will be referred to the police. The case will be entered in your credit record "
            "and may lead to listing for joint discipline.",
        )
    issuer = facts.issuer
    contact = tuple(line for line in (
        f"Contact: {issuer.contact_name}" if issuer.contact_name else "",
        f"Telephone: {issuer.phone}", f"Address: {issuer.address}") if line)
    return LetterText(
        title=title, number=f"Case {facts.case_number}", addressee=f"To {facts.employer_name}{code}:",
        paragraphs=paragraphs, table_head=("Worker", "Work, place and days", "Unpaid"), rows=_rows(facts, True),
        total=("Total", f"{total} (RMB)"), closing=closing, contact=contact,
        signature=(issuer.name, _day(facts.issued_on, True)),
        copy_to=f"Copy to: {', '.join(facts.copy_to)}" if facts.copy_to else "",
        note="Generated from the Linggong case file; every step of the case is recorded and can be traced, "
             "including the sending of this letter.",
        running_header=f"{title} · {facts.case_number}", page_label="Page {page} of {total}")


def letter_text(kind: LetterKind, facts: LetterFacts) -> LetterText:
    """The words of a `kind` letter in the facts' language."""
    if kind not in ("reminder", "supervision"):
        raise ValueError(f"unknown letter kind {kind!r}")
    return _en(kind, facts) if facts.language == "en" else _zh(kind, facts)
