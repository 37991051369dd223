"""The demo city ships courses and a short trade: the demo worker (13800000001) sees a suggestion at once."""

from __future__ import annotations

from market.accounts.tables import User
from market.courses.tables import Course
from market.demo.city_logins import DEMO_STAFF, DEMO_WORKER
from market.demo.courses import seed_courses
from market.demo.seed import seed_city


async def test_the_demo_worker_is_suggested_a_course_for_the_short_trade_next_to_theirs(client, market):
    await seed_city(12, 4, seed=7)
    worker = await User.select(User.id).where(User.phone == DEMO_WORKER.phone).first()
    headers = {"Authorization": f"Bearer {market.token_for(worker['id'])}"}
    answer = (await client.get("/api/workers/me/suggestions", headers=headers)).json()
    assert answer["total"] == 1
    item = answer["items"][0]
    assert (item["trade_zh"], item["reason"], item["from_trade_zh"]) == ("砌筑工", "adjacent", "泥瓦工")
    assert item["ratio"] == 2.4
    inbox = (await client.get("/api/notifications", headers=headers)).json()["items"]
    assert any(m["body"].startswith("附近需要砌筑工的岗位是求职者的2.4倍") for m in inbox)
    staff = await User.select(User.id).where(User.phone == DEMO_STAFF.phone).first()
    courses = (await client.get("/api/courses", headers={
        "Authorization": f"Bearer {market.token_for(staff['id'])}"})).json()
    assert courses["total"] == 3
    assert all(c["editable"] for c in courses["items"]), "the demo clerk's station lists them"
    assert await seed_courses() == 0, "a second seed adds nothing"
    assert await Course.count() == 3
