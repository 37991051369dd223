"""The API shapes of credit grades: the grade with its reasons, history and pending fall; a review; an answer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from market.core.schemas import Schema, SchemaIn
from market.core.text import LINES_PATTERN

__all__ = ["BarredEmployer", "Grade", "GradeChange", "GradeNotice", "GradeReason", "GradeResponseCreate",
           "GradeReviewCreate"]

GradeLetter = Literal["A", "B", "C", "D"]
Writing = Annotated[str, msgspec.Meta(min_length=5, max_length=1000, pattern=LINES_PATTERN)]


class GradeReason(Schema):
    """One reason: a code, its words in the caller's language, and the deals (orders), cases and warnings behind it."""

    code: str
    text: str
    order_ids: list[int]
    case_ids: list[int]
    warning_ids: list[int]
    figures: dict[str, float]
    concern: bool
    """Counts towards a fall (two concerns make C; a red warning upheld by a case alone does)."""


class GradeChange(Schema):
    """One entry of the history: from what to what, why, when, by whom (None: the rules)."""

    from_grade: str
    grade: str
    reasons: list[GradeReason]
    note: str
    by_id: int | None
    by_name: str
    at: datetime


class GradeNotice(Schema):
    """A fall noticed to the employer, waiting for the end of its response period."""

    id: int
    from_grade: str
    to_grade: str
    noticed_at: datetime
    due_at: datetime
    response: str
    responded_at: datetime | None
    reasons: list[GradeReason]


class Grade(Schema):
    """An employer's credit grade, why, its history and any fall pending."""

    employer_id: int
    name: str
    grade: str
    grade_text: str
    barred: bool
    lift_on: date | None
    """For a D: the day it may be lifted."""
    computed_grade: str
    """What the rules say now (differs from `grade` during a notice period or under a supervisor's override)."""
    computed_at: datetime | None
    reasons: list[GradeReason]
    override: GradeChange | None
    pending: GradeNotice | None
    history: list[GradeChange]


class GradeReviewCreate(SchemaIn):
    """A supervisor's decision: set `grade` (it stands over the rules until the next review) or `grade: null`
    to hand the employer back to the rules; `reason` in writing, always."""

    reason: Writing
    grade: GradeLetter | None = None
    lift_on: date | None = None
    """For D: the day it may be lifted (by default `credit_d_months` from today)."""


class GradeResponseCreate(SchemaIn):
    """The employer's written answer to a notice of a fall."""

    text: Writing


class BarredEmployer(Schema):
    """One employer graded D (失信): why, since when, and the day it may be lifted."""

    employer_id: int
    name: str
    reasons: list[GradeReason]
    note: str
    since: datetime | None
    lift_on: date | None
    held_jobs: int
