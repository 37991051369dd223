"""The demo city's credit grades: four employers whose months, run through the real services and rules, leave
them graded A, B, C and D, with the D barred and listed, and the notices of the falls on record; and its rated
history (issue 13): a worker whose average shows, and two disputed ratings waiting in the staff's queue."""

from __future__ import annotations

from market.accounts.tables import User
from market.cases.tables import WageCase
from market.core import clock
from market.credit.tables import CreditGradeChange, CreditNotice
from market.demo.credit import CREDIT_STORIES
from market.demo.seed import seed_city
from market.demo.wages import CASE_STORY_WORKERS, UNPAID_JOBS
from market.employers.tables import Employer
from market.jobs.tables import Job
from market.wages.tables import WageWarning


async def test_the_demo_city_has_an_employer_of_every_grade_by_the_rules(client, market) -> None:
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
    # rated history, read over HTTP as staff: the liked worker's average and tags show; two objections wait
    staff = await market.user("staff")
    liked = city.workers[CASE_STORY_WORKERS + sum(spec.workers for spec in UNPAID_JOBS)].phone
    liked_id = (await User.select(User.id).where(User.phone == liked).first())["id"]
    record = (await client.get(f"/api/workers/{liked_id}/reputation", headers=staff["headers"])).json()
    assert record["counts"]["ratings"] >= 3
    assert record["average_stars"] is not None
    assert record["top_tags"]
    queue = (await client.get("/api/rating-objections", headers=staff["headers"])).json()
    assert queue["total"] == 2
    assert {item["rater_side"] for item in queue["items"]} == {"worker", "employer"}
