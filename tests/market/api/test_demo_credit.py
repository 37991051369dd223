"""The demo city's credit grades: four employers whose months, run through the real services and rules, leave
them graded A, B, C and D, with the D barred and listed, and the notices of the falls on record."""

from __future__ import annotations

from market.accounts.tables import User
from market.cases.tables import WageCase
from market.core import clock
from market.credit.tables import CreditGradeChange, CreditNotice
from market.demo.credit import CREDIT_STORIES
from market.demo.seed import seed_city
from market.employers.tables import Employer
from market.jobs.tables import Job
from market.wages.tables import WageWarning


async def test_the_demo_city_has_an_employer_of_every_grade_by_the_rules(client) -> None:
    before = clock.now()
    city = await seed_city(30, 36, seed=7)
    phones = [e.phone for e in city.employers]
    rows = {r["user"]: r for r in await Employer.select(Employer.user, Employer.credit_grade, Employer.barred)}
    ids = {u["phone"]: u["id"] for u in await User.select(User.id, User.phone).where(User.phone.is_in(phones))}
    first = 4 + 3  # after the case stories' and the warnings' employers
    storied = [ids[phone] for phone in phones[first:first + len(CREDIT_STORIES)]]
    assert [rows[i]["credit_grade"] for i in storied] == ["A", "B", "C", "D"]
    assert [rows[i]["barred"] for i in storied] == [False, False, False, True]
    # every change was the rules' (no supervisor), and the falls were noticed before they took effect
    changes = await CreditGradeChange.select().where(CreditGradeChange.employer.is_in(storied))
    assert changes
    assert {c["by"] for c in changes} == {None}
    applied = await CreditNotice.select(CreditNotice.employer, CreditNotice.to_grade).where(
        CreditNotice.state == "applied")
    assert {(n["employer"], n["to_grade"]) for n in applied} >= {(storied[2], "C"), (storied[3], "D")}
    assert await Job.count().where((Job.employer == storied[3]) & (Job.status == "open")) == 0
    # the D employer paid under supervision: their red warning is off the board, its case closed upheld
    assert await WageWarning.count().where((WageWarning.employer == storied[3]) & WageWarning.closed_at.is_null()) == 0
    assert await WageCase.exists().where((WageCase.employer == storied[3]) & (WageCase.outcome == "recovered_full"))
    assert clock.now() >= before
