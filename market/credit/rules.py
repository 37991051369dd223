"""The credit grade rules (A / B / C / D): pure functions over one employer's 12-month record (docs/credit.md).

Every employer starts at B. The counting rules (payment rate, warnings, cases, late cancels, ratings) move nobody
off B before `min_deals` completed deals in the window. A fall to C needs two separate concerns: no single
warning, case or cancel lowers a grade on its own. The one exception is a red wage warning upheld by a case (the
bureau's own finding that wages were withheld): it is C by itself, whatever the number of deals; two of them, or
one with two further concerns, is D (失信).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["A_LATE_CANCELS", "A_ON_TIME", "A_RATING", "C_LATE_CANCELS", "C_ON_TIME", "C_RATING", "GRADES",
           "UPHELD_OUTCOMES", "Assessment", "CaseFact", "Deal", "EmployerRecord", "Reason", "Thresholds",
           "WarningFact", "assess", "is_fall", "on_time_rate"]

GRADES = ("A", "B", "C", "D")
"""Best first."""
UPHELD_OUTCOMES = frozenset({"recovered_full", "recovered_partial", "referred"})
"""A case is upheld when it is closed with wages recovered (in full or in part) or referred to labour inspection or
arbitration (转劳动监察或仲裁: founded beyond what a station settles). `unfounded` and `withdrawn` are not."""
A_ON_TIME = 0.95
"""At least this share of deals paid by their pay-by time for an A."""
C_ON_TIME = 0.80
"""Below this share is a concern."""
A_LATE_CANCELS = 1
"""At most this many late cancels by the employer for an A."""
C_LATE_CANCELS = 3
"""This many late cancels by the employer is a concern."""
A_RATING = 4.0
"""Workers' average rating at least this (when counted) for an A."""
C_RATING = 3.0
"""Workers' average rating below this (when counted) is a concern."""


@dataclass(frozen=True)
class Deal:
    """A completed order (done, paid or confirmed) in the window: when its pay was due and when it was paid."""

    order_id: int
    pay_due_at: datetime
    paid_at: datetime | None


@dataclass(frozen=True)
class WarningFact:
    """A wage warning about the employer that reached yellow or red, with the orders it covered."""

    warning_id: int
    level: str
    order_ids: tuple[int, ...]


@dataclass(frozen=True)
class CaseFact:
    """An upheld wage case about the employer (see `UPHELD_OUTCOMES`), its warning if a warning opened it."""

    case_id: int
    outcome: str
    order_ids: tuple[int, ...]
    warning_id: int | None = None


@dataclass(frozen=True)
class EmployerRecord:
    """What the rules read about one employer over the window, as of `as_of`."""

    as_of: datetime
    deals: tuple[Deal, ...] = ()
    warnings: tuple[WarningFact, ...] = ()
    upheld_cases: tuple[CaseFact, ...] = ()
    late_cancels: tuple[int, ...] = ()
    """Order ids the employer cancelled late (inside the free-cancel window)."""
    rating_average: float | None = None
    rating_count: int = 0


@dataclass(frozen=True)
class Thresholds:
    """The settings the rules take (`credit_min_deals`, `credit_min_ratings`)."""

    min_deals: int = 5
    min_ratings: int = 5


@dataclass(frozen=True)
class Reason:
    """One line of why: a code, the deals (order ids), cases and warnings behind it, and its figures."""

    code: str
    order_ids: tuple[int, ...] = ()
    case_ids: tuple[int, ...] = ()
    warning_ids: tuple[int, ...] = ()
    figures: dict[str, float | int] = field(default_factory=dict)
    concern: bool = False
    """Counts towards a fall to C."""


@dataclass(frozen=True)
class Assessment:
    """The grade the rules give and every reason behind it."""

    grade: str
    reasons: tuple[Reason, ...]


def is_fall(before: str, after: str) -> bool:
    """Whether `after` is a worse grade than `before`."""
    return GRADES.index(after) > GRADES.index(before)


def _counted(deals: tuple[Deal, ...], now: datetime) -> list[tuple[Deal, bool]]:
    """Deals whose pay is due or paid, each with whether it was paid by its pay-by time."""
    return [(d, d.paid_at is not None and d.paid_at <= d.pay_due_at) for d in deals
            if d.paid_at is not None or d.pay_due_at <= now]


def on_time_rate(record: EmployerRecord) -> float | None:
    """Share of the deals due (or paid) that were paid by their pay-by time; None when none is due yet."""
    counted = _counted(record.deals, record.as_of)
    return sum(ok for _, ok in counted) / len(counted) if counted else None


def _payment_reason(record: EmployerRecord) -> Reason | None:
    counted = _counted(record.deals, record.as_of)
    if not counted:
        return None
    late = tuple(d.order_id for d, ok in counted if not ok)
    rate = (len(counted) - len(late)) / len(counted)
    figures: dict[str, float | int] = {"percent": round(rate * 100), "n": len(counted), "late": len(late)}
    if rate < C_ON_TIME:
        return Reason("credit_late_pay", late, figures=figures, concern=True)
    return Reason("credit_on_time" if rate >= A_ON_TIME else "credit_mostly_on_time", late, figures=figures)


def _serious(record: EmployerRecord) -> list[tuple[WarningFact, CaseFact]]:
    """Red warnings upheld by a case: the case came from the warning or shares one of its orders."""
    found = []
    for warning in record.warnings:
        if warning.level != "red":
            continue
        for case in record.upheld_cases:
            if case.warning_id == warning.warning_id or set(case.order_ids) & set(warning.order_ids):
                found.append((warning, case))
                break
    return found


def _finding_reasons(record: EmployerRecord, serious: list[tuple[WarningFact, CaseFact]]) -> list[Reason]:
    """Warnings and upheld cases; a red warning and the case that upheld it are one reason."""
    reasons = [Reason("credit_red_upheld", tuple(sorted(set(w.order_ids) | set(c.order_ids))), (c.case_id,),
                      (w.warning_id,), concern=True) for w, c in serious]
    paired_warnings = {w.warning_id for w, _ in serious}
    paired_cases = {c.case_id for _, c in serious}
    for warning in record.warnings:
        if warning.warning_id not in paired_warnings:
            code = "credit_warning_red" if warning.level == "red" else "credit_warning_yellow"
            reasons.append(Reason(code, warning.order_ids, warning_ids=(warning.warning_id,), concern=True))
    for case in record.upheld_cases:
        if case.case_id not in paired_cases:
            reasons.append(Reason("credit_case_upheld", case.order_ids, (case.case_id,), concern=True,
                                  warning_ids=(case.warning_id,) if case.warning_id else ()))
    return reasons


def _cancel_reason(record: EmployerRecord) -> Reason | None:
    n = len(record.late_cancels)
    if not n:
        return None
    return Reason("credit_late_cancels", record.late_cancels, figures={"n": n}, concern=n >= C_LATE_CANCELS)


def _rating_reason(record: EmployerRecord, limits: Thresholds) -> Reason:
    if record.rating_average is None or record.rating_count < limits.min_ratings:
        return Reason("credit_ratings_too_few", figures={"n": record.rating_count, "min": limits.min_ratings})
    average = round(record.rating_average, 1)
    return Reason("credit_ratings", figures={"stars": average, "n": record.rating_count},
                  concern=record.rating_average < C_RATING)


def _qualifies_for_a(record: EmployerRecord, reasons: list[Reason], limits: Thresholds) -> bool:
    rate = on_time_rate(record)
    rated = record.rating_average is not None and record.rating_count >= limits.min_ratings
    return (rate is not None and rate >= A_ON_TIME and not record.warnings and not record.upheld_cases
            and len(record.late_cancels) <= A_LATE_CANCELS and not any(r.concern for r in reasons)
            and (not rated or (record.rating_average or 0) >= A_RATING))


def assess(record: EmployerRecord, limits: Thresholds) -> Assessment:
    """The grade the rules give `record`, with the reasons (most serious first)."""
    serious = _serious(record)
    deals = len(record.deals)
    reasons = _finding_reasons(record, serious)
    reasons += [r for r in (_payment_reason(record), _cancel_reason(record)) if r is not None]
    reasons.append(_rating_reason(record, limits))
    # a red warning with its case counts twice (two findings); every other concern once
    concerns = sum(1 for r in reasons if r.concern) + len(serious)
    if len(serious) >= 2 or (serious and concerns >= 4):
        grade = "D"
    elif serious:
        grade = "C"
    elif deals < limits.min_deals:
        reasons.insert(0, Reason("credit_too_few_deals", figures={"n": deals, "min": limits.min_deals}))
        grade = "B"
    elif concerns >= 2:
        grade = "C"
    elif _qualifies_for_a(record, reasons, limits):
        grade = "A"
    else:
        grade = "B"
    return Assessment(grade, tuple(reasons))
