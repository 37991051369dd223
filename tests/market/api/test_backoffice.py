"""The back office over HTTP: an admin manages stations, staff and user accounts, bars employers and grows the
trades taxonomy; every act lands in the append-only admin log, which the bureau's supervisors read too."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import pytest

from market.backoffice.log import check_chain
from market.backoffice.tables import AdminLogEntry
from market.core.database import current_engine
from market.places.keys import search_key
from market.places.tables import Place
from market.stations.tables import Station

SITE = {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号"}


async def _admin(market):
    return await market.user("admin", name="管理员")


async def _station(client, admin, **overrides):
    body = {"name": "胜利西路驿站", "location": SITE, "district": "芗城区", "hours": "周一至周六 8:00-18:00",
            "phone": "0596-2888123", **overrides}
    response = await client.post("/api/admin/stations", json=body, headers=admin["headers"])
    assert response.status_code == 201, response.text
    return response.json()


async def _log(client, who, **query):
    response = await client.get("/api/admin/log", params=query, headers=who["headers"])
    assert response.status_code == 200, response.text
    return response.json()


async def _login(client, phone, password):
    return await client.post("/api/auth/login", json={"phone": phone, "password": password})


# Stations ---------------------------------------------------------------------------------------------------------

async def test_an_admin_opens_a_station_changes_its_hours_and_closes_it_out_of_the_public_list(client, market):
    admin = await _admin(market)
    station = await _station(client, admin)
    assert station["open"]
    assert station["hours"] == "周一至周六 8:00-18:00"
    public = (await client.get("/api/stations")).json()
    assert [s["id"] for s in public["items"]] == [station["id"]]

    changed = await client.patch(f"/api/admin/stations/{station['id']}", headers=admin["headers"],
                                 json={"hours": "每天 7:30-19:00", "phone": "0596-2888999"})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["hours"], changed.json()["phone"]) == ("每天 7:30-19:00", "0596-2888999")

    no_reason = await client.patch(f"/api/admin/stations/{station['id']}", headers=admin["headers"],
                                   json={"open": False})
    assert no_reason.status_code == 400
    assert no_reason.json()["fields"][0]["field"] == "reason"
    closed = await client.patch(f"/api/admin/stations/{station['id']}", headers=admin["headers"],
                                json={"open": False, "reason": "租约到期，并入东铺头驿站"})
    assert closed.status_code == 200
    assert closed.json()["open"] is False
    assert (await client.get("/api/stations")).json()["total"] == 0
    again = await client.patch(f"/api/admin/stations/{station['id']}", headers=admin["headers"],
                               json={"open": False, "reason": "再关一次"})
    assert (again.status_code, again.json()["code"]) == (409, "station_already_closed")

    kinds = [entry["kind"] for entry in (await _log(client, admin))["items"]]
    assert kinds == ["station_closed", "station_changed", "station_created"]


async def test_a_station_whose_address_and_position_disagree_is_refused_and_bad_fields_are_named(client, market):
    admin = await _admin(market)
    await Place(name="胜利西路", district="芗城区", address="漳州市芗城区胜利西路", lat=24.5116, lon=117.6443,
                radius_m=800, name_key=search_key("胜利西路"), address_key=search_key("漳州市芗城区胜利西路")).save()
    far = await client.post("/api/admin/stations", headers=admin["headers"],
                            json={"name": "远处驿站", "location": {**SITE, "lat": 24.9}})
    assert (far.status_code, far.json()["code"]) == (409, "address_far_from_position")
    assert far.json()["fields"][0]["field"] == "location.address"
    blank = await client.post("/api/admin/stations", headers={**admin["headers"], "Accept-Language": "en"},
                              json={"name": "", "location": {**SITE, "address": "我的位置"}})
    assert blank.status_code == 400
    assert blank.json()["fields"][0]["field"] == "name"
    assert "Name" in blank.json()["fields"][0]["message"]
    placeholder = await client.post("/api/admin/stations", headers=admin["headers"],
                                    json={"name": "没有地址的驿站", "location": {**SITE, "address": "我的位置"}})
    assert placeholder.status_code == 400
    assert placeholder.json()["fields"][0]["field"] == "location.address"
    assert await Station.count() == 0
    confirmed = await client.post("/api/admin/stations", headers=admin["headers"], json={
        "name": "远处驿站", "location": {**SITE, "lat": 24.9, "confirm_far_position": True}})
    assert confirmed.status_code == 201, confirmed.text


# Staff and accounts -----------------------------------------------------------------------------------------------

async def test_new_staff_get_a_temporary_password_once_and_must_change_it_before_anything_else(client, market):
    admin = await _admin(market)
    station = await _station(client, admin)
    phone = market.next_phone()
    created = await client.post("/api/admin/users", headers=admin["headers"],
                                json={"phone": phone, "name": "陈晓燕", "role": "staff", "station_id": station["id"]})
    assert created.status_code == 201, created.text
    temporary = created.json()["temporary_password"]
    assert created.json()["user"]["station_id"] == station["id"]

    login = await _login(client, phone, temporary)
    assert login.status_code == 200
    assert login.json()["user"]["must_change_password"] is True
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    client.cookies.clear()
    held = await client.get("/api/warnings", headers=headers)
    assert (held.status_code, held.json()["code"]) == (403, "password_change_required")
    wrong = await client.post("/api/auth/password", headers=headers,
                              json={"current_password": "not-it-123", "password": "my-own-passw0rd"})
    assert wrong.status_code == 400
    assert wrong.json()["fields"][0]["field"] == "current_password"
    changed = await client.post("/api/auth/password", headers=headers,
                                json={"current_password": temporary, "password": "my-own-passw0rd"})
    assert changed.status_code == 200, changed.text
    client.cookies.clear()
    assert (await client.get("/api/warnings", headers=headers)).status_code == 401  # the old session ended
    fresh = {"Authorization": f"Bearer {changed.json()['token']}"}
    assert (await client.get("/api/warnings", headers=fresh)).status_code == 200

    records = await AdminLogEntry.select(AdminLogEntry.record)
    assert temporary not in str(records)


async def test_a_supervisor_made_in_the_back_office_reads_the_log_but_acts_on_nothing(client, market):
    admin = await _admin(market)
    phone = market.next_phone()
    created = await client.post("/api/admin/users", headers=admin["headers"],
                                json={"phone": phone, "name": "人社局李科长", "role": "supervisor"})
    assert created.status_code == 201, created.text
    login = await _login(client, phone, created.json()["temporary_password"])
    client.cookies.clear()
    changed = await client.post("/api/auth/password", headers={"Authorization": f"Bearer {login.json()['token']}"},
                                json={"current_password": created.json()["temporary_password"],
                                      "password": "bureau-passw0rd"})
    supervisor = {"headers": {"Authorization": f"Bearer {changed.json()['token']}"}}
    client.cookies.clear()
    entries = (await _log(client, supervisor))["items"]
    assert [(e["kind"], e["actor_id"], e["details"]["role"]) for e in entries] == [
        ("staff_created", admin["id"], "supervisor")]
    refused = await client.post("/api/admin/stations", headers=supervisor["headers"],
                                json={"name": "驿站", "location": SITE})
    assert (refused.status_code, refused.json()["code"]) == (403, "role_required")
    with_station = await client.post("/api/admin/users", headers=admin["headers"],
                                     json={"phone": market.next_phone(), "name": "督导", "role": "supervisor",
                                           "station_id": 1})
    assert with_station.status_code == 400
    assert with_station.json()["fields"][0]["field"] == "station_id"


async def test_staff_move_station_and_a_closed_account_loses_its_sessions_until_reopened(client, market):
    admin = await _admin(market)
    first, second = await _station(client, admin), await _station(client, admin, name="东铺头驿站")
    staff = await market.station_staff(first["id"])
    moved = await client.patch(f"/api/admin/users/{staff['id']}", headers=admin["headers"],
                               json={"station_id": second["id"]})
    assert moved.status_code == 200
    assert moved.json()["station_id"] == second["id"]

    blank = await client.post(f"/api/admin/users/{staff['id']}/deactivate", headers=admin["headers"],
                              json={"reason": "   "})
    assert blank.status_code == 400
    assert blank.json()["fields"][0]["field"] == "reason"
    closed = await client.post(f"/api/admin/users/{staff['id']}/deactivate", headers=admin["headers"],
                               json={"reason": "已离职"})
    assert closed.status_code == 200
    assert closed.json()["active"] is False
    client.cookies.clear()
    assert (await client.get("/api/warnings", headers=staff["headers"])).status_code == 401
    refused = await _login(client, staff["phone"], market.password)
    assert (refused.status_code, refused.json()["code"]) == (401, "account_disabled")
    reopened = await client.post(f"/api/admin/users/{staff['id']}/reactivate", headers=admin["headers"],
                                 json={"reason": "返聘"})
    assert reopened.status_code == 200
    assert reopened.json()["active"] is True
    assert (await _login(client, staff["phone"], market.password)).status_code == 200

    entry = (await _log(client, admin, kind="user_deactivated"))["items"][0]
    assert (entry["subject_id"], entry["details"]["reason"]) == (staff["id"], "已离职")
    myself = await client.post(f"/api/admin/users/{admin['id']}/deactivate", headers=admin["headers"],
                               json={"reason": "试试"})
    assert (myself.status_code, myself.json()["code"]) == (409, "not_on_yourself")


async def test_a_password_reset_ends_the_staff_members_sessions_and_workers_reset_their_own(client, market):
    admin = await _admin(market)
    staff = await market.station_staff()
    reset = await client.post(f"/api/admin/users/{staff['id']}/reset-password", headers=admin["headers"])
    assert reset.status_code == 200, reset.text
    client.cookies.clear()
    assert (await client.get("/api/warnings", headers=staff["headers"])).status_code == 401
    assert (await _login(client, staff["phone"], market.password)).status_code == 401
    login = await _login(client, staff["phone"], reset.json()["temporary_password"])
    assert login.status_code == 200
    assert login.json()["user"]["must_change_password"] is True
    worker = await market.user("worker")
    refused = await client.post(f"/api/admin/users/{worker['id']}/reset-password", headers=admin["headers"])
    assert (refused.status_code, refused.json()["code"]) == (409, "reset_by_sms_code")


async def test_a_closed_worker_leaves_the_candidates(client, market):
    admin = await _admin(market)
    employer, worker = await market.user("employer"), await market.user("worker")
    profile = await client.put("/api/workers/me", headers=worker["headers"], json={
        "skills": [{"name": "搬运工", "years": 3}], "location": {**SITE, "address": "漳州市芗城区"},
        "max_distance_km": 10})
    assert profile.status_code == 200, profile.text
    job = await market.job(employer)

    async def candidates():
        response = await client.get(f"/api/jobs/{job['id']}/candidates", headers=employer["headers"])
        assert response.status_code == 200, response.text
        return [c["worker_id"] for c in response.json()["items"]]

    assert worker["id"] in await candidates()
    await client.post(f"/api/admin/users/{worker['id']}/deactivate", headers=admin["headers"],
                      json={"reason": "冒用他人身份"})
    assert worker["id"] not in await candidates()


# Employers --------------------------------------------------------------------------------------------------------

async def test_a_barred_employer_cannot_post_and_their_jobs_leave_the_radar_until_unbarred(client, market):
    admin = await _admin(market)
    employer, worker = await market.user("employer"), await market.user("worker")
    await client.put("/api/workers/me", headers=worker["headers"], json={
        "skills": [{"name": "搬运工", "years": 3}], "location": {**SITE, "address": "漳州市芗城区"},
        "max_distance_km": 10})
    job = await market.job(employer)

    async def radar():
        response = await client.get("/api/jobs", headers=worker["headers"])
        assert response.status_code == 200, response.text
        return [j["id"] for j in response.json()["items"]]

    assert job["id"] in await radar()
    no_reason = await client.post(f"/api/admin/employers/{employer['id']}/bar", headers=admin["headers"], json={})
    assert no_reason.status_code == 400
    assert no_reason.json()["fields"][0]["field"] == "reason"
    barred = await client.post(f"/api/admin/employers/{employer['id']}/bar", headers=admin["headers"],
                               json={"reason": "拖欠工资两次，经劳动监察认定"})
    assert barred.status_code == 200
    assert barred.json()["barred"] is True
    assert job["id"] not in await radar()
    posted = await client.post("/api/jobs", json=market.job_body(), headers={**employer["headers"],
                                                                              "Accept-Language": "en"})
    assert (posted.status_code, posted.json()["code"]) == (403, "employer_barred")
    twice = await client.post(f"/api/admin/employers/{employer['id']}/bar", headers=admin["headers"],
                              json={"reason": "再来一次"})
    assert (twice.status_code, twice.json()["code"]) == (409, "employer_already_barred")

    unbarred = await client.post(f"/api/admin/employers/{employer['id']}/unbar", headers=admin["headers"],
                                 json={"reason": "工资已全部结清"})
    assert unbarred.status_code == 200
    assert unbarred.json()["barred"] is False
    assert job["id"] in await radar()
    assert (await client.post("/api/jobs", json=market.job_body(), headers=employer["headers"])).status_code == 201
    kinds = [e["kind"] for e in (await _log(client, admin, actor_id=admin["id"]))["items"]]
    assert kinds == ["employer_unbarred", "employer_barred"]
    nobody = await client.post(f"/api/admin/employers/{worker['id']}/bar", headers=admin["headers"],
                               json={"reason": "不是用工方"})
    assert (nobody.status_code, nobody.json()["code"]) == (404, "employer_not_found")


# Trades -----------------------------------------------------------------------------------------------------------

async def _suggested(client, text):
    response = await client.get("/api/trades/suggest", params={"q": text})
    assert response.status_code == 200, response.text
    return [(s["code"], s["matched"]) for s in response.json()["items"]]


async def test_a_synonym_and_a_new_trade_are_used_at_once_without_a_restart(client, market):
    admin = await _admin(market)
    assert ("bricklayer", "泥水佬") not in await _suggested(client, "泥水佬")
    added = await client.post("/api/admin/trades", headers=admin["headers"],
                              json={"kind": "synonym", "trade": "bricklayer", "name": "泥水佬"})
    assert added.status_code == 201, added.text
    assert "泥水佬" in added.json()["added"]
    assert ("bricklayer", "泥水佬") in await _suggested(client, "泥水佬")

    new = await client.post("/api/admin/trades", headers=admin["headers"], json={
        "kind": "trade", "trade": "drone_pilot", "name": "无人机飞手", "en": "drone pilot",
        "related_to": "electrician"})
    assert new.status_code == 201, new.text
    assert ("drone_pilot", "无人机飞手") in await _suggested(client, "无人机")

    employer, worker = await market.user("employer"), await market.user("worker")
    await client.put("/api/workers/me", headers=worker["headers"], json={
        "skills": [{"name": "泥水佬", "years": 5}], "location": {**SITE, "address": "漳州市芗城区"},
        "max_distance_km": 10})
    job = await market.job(employer, skills=["砌砖工"], title="砌围墙")
    found = await client.get(f"/api/jobs/{job['id']}/candidates", headers=employer["headers"])
    matched = [c for c in found.json()["items"] if c["worker_id"] == worker["id"]]
    assert matched
    assert matched[0]["matched_skills"][0][2] == 1.0  # 泥水佬 is now the bricklayer's own name

    taken = await client.post("/api/admin/trades", headers={**admin["headers"], "Accept-Language": "en"},
                              json={"kind": "synonym", "trade": "welder", "name": "泥水佬"})
    assert (taken.status_code, taken.json()["code"]) == (409, "trade_name_taken")
    unknown = await client.post("/api/admin/trades", headers=admin["headers"],
                                json={"kind": "synonym", "trade": "astronaut", "name": "宇航员"})
    assert unknown.status_code == 400
    assert unknown.json()["fields"][0]["field"] == "trade"
    listed = await client.get("/api/admin/trades", params={"q": "drone"}, headers=admin["headers"])
    assert [t["code"] for t in listed.json()["items"]] == ["drone_pilot"]


def _database_url() -> str:
    path = getattr(current_engine(), "path", None)
    return f"sqlite:///{path}" if path else os.environ["LINGGONG_DATABASE_URL"]


_ADD_IN_ANOTHER_PROCESS = """
import asyncio, market
from market.background import wiring
from market.accounts.tables import User
from market.backoffice.schemas import TradeAdd
from market.backoffice.trades import add_trade
from market.core.database import close_pool, open_pool

async def main():
    await open_pool()
    wiring.install()
    admin = await User.select(User.id).where(User.role == "admin").first()
    await add_trade(TradeAdd(kind="synonym", trade="tiler", name="贴砖佬"), admin["id"])
    await close_pool()

asyncio.run(main())
"""


async def test_a_trade_added_by_another_process_reaches_this_one_within_its_polling(client, market):
    await _admin(market)
    assert ("tiler", "贴砖佬") not in await _suggested(client, "贴砖佬")
    done = await asyncio.to_thread(subprocess.run, [sys.executable, "-c", _ADD_IN_ANOTHER_PROCESS],
                                   env={**os.environ, "LINGGONG_DATABASE_URL": _database_url()},
                                   capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 3
    for _ in range(30):  # the app polls the additions' version at most once a second
        if ("tiler", "贴砖佬") in await _suggested(client, "贴砖佬") or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    assert ("tiler", "贴砖佬") in await _suggested(client, "贴砖佬")


# The log ----------------------------------------------------------------------------------------------------------

async def test_the_log_is_a_chain_the_database_will_not_let_anyone_rewrite(client, market):
    admin = await _admin(market)
    for number in range(3):
        await _station(client, admin, name=f"第{number + 1}驿站")
    page = await _log(client, admin, limit=2, offset=1)
    assert page["total"] == 3
    assert [e["seq"] for e in page["items"]] == [1, 0]
    assert (await check_chain()).ok
    with pytest.raises(Exception, match="append-only"):
        await AdminLogEntry.update({AdminLogEntry.kind: "station_changed"}).where(AdminLogEntry.seq == 1)
    with pytest.raises(Exception, match="append-only"):
        await AdminLogEntry.delete().where(AdminLogEntry.seq == 0)
    assert (await _log(client, admin, since="2000-01-01", until="2000-01-02"))["total"] == 0
    bad = await client.get("/api/admin/log", params={"since": "yesterday"}, headers=admin["headers"])
    assert bad.status_code == 400
    assert bad.json()["fields"][0]["field"] == "since"
