"""The English text of the gig service agreement, a faithful rendering of the Chinese one."""

from __future__ import annotations

from contracts.terms import ConsentMethod, ContractTerms, PartyRole, PayMethod, PayUnit
from contracts.wording import BlockLabels, ContractText, format_fen, format_time

__all__ = ["build"]

_UNITS = {PayUnit.HOUR: "hour", PayUnit.DAY: "day", PayUnit.PIECE: "piece"}
_METHODS = {
    PayMethod.BANK_TRANSFER: "bank transfer to Party B's own account",
    PayMethod.WECHAT: "WeChat transfer to Party B's own account",
    PayMethod.ALIPAY: "Alipay transfer to Party B's own account",
    PayMethod.CASH: "cash in person, confirmed by Party B on the platform",
}
_CONSENT = {
    ConsentMethod.APP_ACCEPT: "accepted the order in the app",
    ConsentMethod.STAFF_SMS_CODE: "station staff assisted; one-time SMS code",
    ConsentMethod.STAFF_HANDWRITTEN: "station staff assisted; handwritten signature",
    ConsentMethod.STANDING_AUTHORISATION: "standing authorisation given when posting the job",
}


def _parties(terms: ContractTerms) -> list[tuple[str, list[tuple[str, str]]]]:
    employer, worker = terms.employer, terms.worker
    employer_rows = [("Name", employer.name), ("ID / credit code", employer.id_shown)]
    if employer.contact_name:
        employer_rows.append(("Contact", employer.contact_name))
    employer_rows.append(("Phone", employer.phone_shown))
    if employer.address:
        employer_rows.append(("Address", employer.address))
    worker_rows = [("Name", worker.name), ("Resident ID", worker.id_number_masked), ("Phone", worker.phone_shown)]
    return [("Party A (employer)", employer_rows), ("Party B (worker)", worker_rows)]


def _terms(terms: ContractTerms) -> list[tuple[str, str]]:
    pay = terms.pay
    rows = [
        ("Job", terms.job_title),
        ("Duties", terms.duties),
        ("Place", terms.place),
        ("Period", f"{format_time(terms.starts_at, terms)} to {format_time(terms.ends_at, terms)}"),
        ("Pay", f"{format_fen(pay.amount_fen)} per {_UNITS[pay.unit]} (RMB)"),
    ]
    if pay.estimated_total_fen is not None:
        rows.append(("Estimated total", format_fen(pay.estimated_total_fen)))
    rows += [
        ("Pay by", f"no later than {format_time(terms.pay_due_at, terms)} ({_due_after(terms)})"),
        ("Pay method", _METHODS[terms.pay_method]),
        ("Mediation", f"{terms.station.name} ({terms.station.address}, tel. {terms.station.phone})"),
    ]
    return rows


def _due_after(terms: ContractTerms) -> str:
    hours = terms.pay_due_hours
    if hours <= 0:
        return "when the work ends"
    return f"within {hours:g} hours after the work ends"


def _cancellation(terms: ContractTerms) -> list[str]:
    rules = terms.rules
    employer_hours, worker_hours = rules.employer_cancel_notice_hours, rules.worker_cancel_notice_hours
    employer = (f"Party A shall notify Party B through the platform at least {employer_hours} hours before the start "
                f"to cancel; a cancellation within {employer_hours} hours of the start is noted in Party A's "
                "performance record.")
    if terms.late_cancel_compensation_fen:
        fee = format_fen(terms.late_cancel_compensation_fen)
        employer += f" Without timely notice Party A shall pay Party B {fee} for lost working time."
    return [
        employer,
        f"Party B shall cancel through the platform, notifying Party A, at least {worker_hours} hours before the "
        f"start if unable to attend; a cancellation within {worker_hours} hours of the start is noted in Party B's "
        "performance record. An order cannot be cancelled after the start.",
        f"If Party B has not checked in {rules.no_show_grace_minutes} minutes after the start, Party A (or station "
        "staff) may record a no-show on the platform, which tells Party B at once; no fee is payable for an order "
        "recorded as a no-show and it raises no wage warning. Party B may object on the platform within "
        f"{rules.no_show_objection_hours} hours of the record, and the station checks the objection; if it is upheld "
        "the no-show is removed and the order returns to its earlier state. An unexcused absence may be noted in "
        "the platform's performance record.",
        "Whatever the reason for early termination, Party A shall pay in full for the work Party B has done.",
        "Cancellation, changes and termination are handled on the platform and recorded in the audit trail.",
    ]


def _clauses(terms: ContractTerms) -> list[tuple[str, list[str]]]:
    safety = [
        "Party A shall provide safe working conditions and the necessary protective equipment, and brief Party B "
        "on the risks and safety rules before work starts.",
        "Special work such as work at height or electrical work requires Party B's valid certificate, which "
        "Party A shall check.",
        "Party B shall follow the safety rules and may refuse unsafe orders without loss of pay.",
        "In case of injury Party A shall arrange treatment at once, inform the platform and bear liability as the "
        "law provides. Party A is encouraged to insure Party B against accidents.",
    ]
    if terms.safety_notes:
        safety.append(f"Special safety requirements of this job: {terms.safety_notes}")
    return [
        ("1. Nature of this agreement", [
            "This is a service agreement: Party B independently provides temporary services with their own skills "
            "and Party A pays the agreed fee. The Contract Book of the PRC Civil Code applies.",
        ]),
        ("2. Pay", [
            "Party A shall pay the full fee by the pay-by time in the agreed way, and shall not withhold or delay it.",
            f"Party B checks in on the platform within {terms.rules.check_in_fence_m} m of the place of work, from "
            f"{terms.rules.check_in_opens_minutes} minutes before the start until the end of the period; the "
            "check-in record shows attendance, and Party A marks the work complete after the start. A party "
            "disputing the records may ask the station to check.",
            "If pay is late, Party B can complain on the platform in one step; the platform raises a wage warning, "
            "the station follows it up, and Party A's credit grade is affected.",
        ]),
        ("3. Safety", safety),
        ("4. Cancellation and changes", _cancellation(terms)),
        ("5. Personal information", [
            "The platform collects and uses the parties' personal information only to make and perform this "
            "agreement and to settle disputes. ID and phone numbers are shown masked here; full data are stored "
            "encrypted and disclosed only where the law requires.",
        ]),
        ("6. Disputes", [
            "The parties shall first try to settle a dispute by negotiation; failing that, either party may ask the "
            "mediation station named above for free mediation.",
            "If mediation fails, a labour dispute may be brought to the local labour dispute arbitration committee, "
            "and other disputes to the people's court.",
            "Party B may call the 12333 human resources and social security hotline for advice or to complain.",
        ]),
        ("7. Electronic signatures and effect", [
            "This agreement is made electronically. Both parties sign with digital certificates issued to them by "
            "the platform, the platform then applies its electronic seal, and every step is recorded in a "
            "tamper-evident audit trail. Under the PRC Electronic Signature Law a reliable electronic signature has "
            "the same legal effect as a handwritten signature or seal.",
            "This agreement takes effect when both parties have signed and the platform has sealed it. Anyone can "
            "check it by scanning the QR code on the last page or uploading this file to the platform.",
        ]),
    ]


def build(terms: ContractTerms) -> ContractText:
    """Build the English text of the contract from its terms."""
    return ContractText(
        title="Gig Service Agreement",
        subtitle=f"Contract no. {terms.number}    Made on {format_time(terms.issued_at, terms)}",
        running_header=f"Gig Service Agreement  no. {terms.number}",
        page_label="Page {page} of {total}",
        intro=(
            f"Through {terms.platform_name} (the platform) the parties have agreed on the gig below and, on the "
            "principles of equality, free will and good faith, make this agreement. All times are in the "
            f"{terms.time_zone} time zone."
        ),
        parties=_parties(terms),
        terms=_terms(terms),
        clauses=_clauses(terms),
        block=BlockLabels(
            heading="Signatures",
            roles={PartyRole.EMPLOYER: "Party A (employer)", PartyRole.WORKER: "Party B (worker)",
                   PartyRole.PLATFORM: "Platform"},
            methods=_CONSENT,
            name="Signed by",
            method="Consent",
            time="Consent time",
            staff="Assisted by",
            seal_note="Both parties' digital signatures and the platform seal are embedded in this file; "
                      "the signing times are those of the digital signatures.",
            scan="Scan to verify",
            number="Contract no.",
            separator=": ",
        ),
    )
