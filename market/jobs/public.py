"""A job as anyone may see it through a shared link, signed out: what the work is, never who to find where.

What is left out, and why: the employer's phone and account id (nobody needs them to decide to sign up); the
exact position and the house, building or room number (for a household that is their home: `area` keeps the street);
an individual employer's full name (a household shows its surname, a firm with a credit code its name); phone
numbers typed into the title or description (masked). A worker who signs in sees the job in full.
"""

from __future__ import annotations

import re

from market.core.identity import mask_mobile, mask_name
from market.employers.tables import Employer
from market.jobs.listing import WARNED_GRADES, shown_status
from market.jobs.schemas import Pay, PublicEmployer, PublicJob
from market.jobs.services import load_job

__all__ = ["public_area", "public_job", "public_text"]

_FIRST_NUMBER = re.compile(r"[0-9０-９一二三四五六七八九十]+\s*(号|號|弄|栋|幢|座|单元|室|楼|层|-)|[0-9０-９]")
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_TRAILING = " ,，、;；:：-—#（("


def public_area(address: str) -> str:
    """The address up to its first house, building or room number.

    "漳州市芗城区胜利西路128号3栋" -> "漳州市芗城区胜利西路"; "幸福小区五栋201" -> "幸福小区".
    """
    match = _FIRST_NUMBER.search(address)
    return (address[:match.start()] if match else address).rstrip(_TRAILING).strip()


def public_text(text: str, address: str = "") -> str:
    """`text` with every mainland mobile number in it masked (138****5678), and the part of `address` that
    `public_area` leaves out (the house number on) shown as "…" where the text repeats it."""
    hidden = address[len(public_area(address)):].strip(_TRAILING)
    if len(hidden) >= 2:
        text = text.replace(hidden, "…")
    return _MOBILE.sub(lambda m: mask_mobile(m.group(0)), text)


async def public_job(job_id: int) -> PublicJob:
    """The shareable view of a job (any status: a link to a filled or cancelled job says so); 404 if none."""
    row = await load_job(job_id)
    employer = await Employer.select(Employer.name, Employer.credit_grade, Employer.credit_code_hash).where(
        Employer.user == row["employer"]).first() or {"name": "", "credit_grade": "B", "credit_code_hash": None}
    name = employer["name"] if employer["credit_code_hash"] else mask_name(employer["name"]) if employer["name"] else ""
    return PublicJob(
        id=row["id"], employer=PublicEmployer(name=name, credit_grade=employer["credit_grade"],
                                    credit_warning=employer["credit_grade"] in WARNED_GRADES),
        title=public_text(row["title"], row["address"]),
        description=public_text(row["description"], row["address"]), skills=list(row["skills"]),
        area=public_area(row["address"]), starts_at=row["starts_at"], ends_at=row["ends_at"],
        headcount=row["headcount"], filled=row["filled"],
        pay=Pay(amount_fen=row["pay_amount_fen"], unit=row["pay_unit"]), pay_due_hours=row["pay_due_hours"],
        status=shown_status(row))
