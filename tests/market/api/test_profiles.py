"""Profiles: a worker's and an employer's own details, identity numbers checked, encrypted at rest and masked for
others, and station staff registering walk-ins."""

from __future__ import annotations

from datetime import date

from market.accounts.auth import CurrentUser
from market.accounts.tables import User
from market.core.identity import make_credit_code, make_resident_id
from market.employers.tables import Employer
from market.workers import services as worker_services
from market.workers.tables import WorkerProfile

ID_NUMBER = make_resident_id("350203", date(1985, 6, 1), 123)
OTHER_ID_NUMBER = make_resident_id("350602", date(1990, 2, 14), 456)
CREDIT_CODE = make_credit_code("91350602MA2Y7K3N5")

PROFILE = {
    "real_name": "林建国",
    "skills": [{"name": "泥瓦工", "years": 15, "certified": True}, {"name": "搬运工", "years": 3, "certified": False}],
    "location": {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号"},
    "max_distance_km": 15,
    "expected_daily_wage_fen": 35000,
}


def with_check_digit_broken(number: str) -> str:
    last = "0" if number[-1] != "0" else "1"
    return number[:-1] + last


def fields(response) -> list[tuple[str, str]]:
    return [(f["field"], f["code"]) for f in response.json()["fields"]]


async def put_me(client, user, body, **headers):
    return await client.put("/api/workers/me", json=body, headers={**user["headers"], **headers})


async def test_a_worker_profile_round_trips(client, market):
    worker = await market.user("worker")
    response = await put_me(client, worker, PROFILE)
    assert response.status_code == 200, response.text
    profile = (await client.get("/api/workers/me", headers=worker["headers"])).json()
    assert {key: profile[key] for key in PROFILE} == PROFILE
    assert profile["id"] == worker["id"]


async def test_a_partial_update_leaves_the_other_fields(client, market):
    worker = await market.user("worker")
    await put_me(client, worker, PROFILE)
    response = await put_me(client, worker, {"max_distance_km": 30})
    assert response.status_code == 200
    profile = response.json()
    assert profile["max_distance_km"] == 30
    assert {key: profile[key] for key in PROFILE if key != "max_distance_km"} == {
        key: value for key, value in PROFILE.items() if key != "max_distance_km"}


async def test_a_wrong_check_digit_is_refused_in_chinese_and_changes_nothing(client, market):
    worker = await market.user("worker")
    await put_me(client, worker, {**PROFILE, "id_number": ID_NUMBER})
    before = (await client.get("/api/workers/me", headers=worker["headers"])).json()
    response = await put_me(client, worker, {"id_number": with_check_digit_broken(OTHER_ID_NUMBER),
                                             "max_distance_km": 50})
    assert response.status_code == 400
    assert response.json()["fields"] == [
        {"field": "id_number", "code": "id_check_digit", "message": "身份证号的校验位不正确，请核对"}]
    after = (await client.get("/api/workers/me", headers=worker["headers"])).json()
    assert after == before


async def test_a_wrong_check_digit_is_explained_in_english(client, market):
    worker = await market.user("worker")
    response = await put_me(client, worker, {"id_number": with_check_digit_broken(ID_NUMBER)}, **{
        "Accept-Language": "en"})
    assert response.json()["fields"][0]["message"] == "ID number has a wrong check digit"


async def test_an_unknown_field_is_refused(client, market):
    worker = await market.user("worker")
    response = await put_me(client, worker, {"favourite_colour": "red"})
    assert response.status_code == 400
    assert fields(response) == [("favourite_colour", "unknown_field")]


async def test_a_skill_listed_twice_is_refused(client, market):
    worker = await market.user("worker")
    response = await put_me(client, worker, {"skills": [{"name": "电工"}, {"name": "电工", "years": 2}]})
    assert response.status_code == 400
    assert fields(response) == [("skills[1].name", "duplicate_skill")]
    assert response.json()["fields"][0]["message"] == "技能名称（第2项）「电工」重复了"
    assert (await client.get("/api/workers/me", headers=worker["headers"])).json()["skills"] == []


async def test_a_latitude_out_of_range_names_the_field(client, market):
    worker = await market.user("worker")
    response = await put_me(client, worker, {"location": {**PROFILE["location"], "lat": 91}})
    assert response.status_code == 400
    assert fields(response) == [("location.lat", "too_large")]


async def test_the_id_number_is_stored_encrypted_and_masked(client, market):
    worker = await market.user("worker")
    await put_me(client, worker, {"id_number": ID_NUMBER})
    row = await WorkerProfile.select().where(WorkerProfile.user == worker["id"]).first()
    assert row["id_number_masked"] == ID_NUMBER[:4] + "*" * 10 + ID_NUMBER[-4:]
    assert len(row["id_number_hash"]) == 64
    for column, value in row.items():
        assert ID_NUMBER not in str(value), column
        assert ID_NUMBER[4:14] not in str(value), column


async def test_the_owner_sees_the_id_number_in_full(client, market):
    worker = await market.user("worker")
    response = await put_me(client, worker, {"id_number": ID_NUMBER})
    assert response.json()["id_number"] == ID_NUMBER
    assert (await client.get("/api/workers/me", headers=worker["headers"])).json()["id_number"] == ID_NUMBER


async def test_one_id_number_belongs_to_one_worker(client, market):
    first, second = await market.user("worker"), await market.user("worker")
    assert (await put_me(client, first, {"id_number": ID_NUMBER})).status_code == 200
    response = await put_me(client, second, {"id_number": ID_NUMBER})
    assert response.status_code == 409
    assert response.json()["code"] == "id_number_taken"
    assert (await put_me(client, first, {"id_number": ID_NUMBER})).status_code == 200


async def test_staff_see_the_id_number_in_full(client, market):
    worker, staff = await market.user("worker"), await market.user("staff")
    await put_me(client, worker, {"id_number": ID_NUMBER})
    response = await client.get(f"/api/workers/{worker['id']}", headers=staff["headers"])
    assert response.status_code == 200
    assert response.json()["id_number"] == ID_NUMBER


async def test_others_see_the_id_number_masked(client, market):
    worker = await market.user("worker")
    await put_me(client, worker, {"id_number": ID_NUMBER})
    stranger = CurrentUser(id=worker["id"] + 1000, role="employer", name="x", phone="13500000000")
    shown = await worker_services.get_worker(worker["id"], stranger)
    assert shown.id_number == ID_NUMBER[:4] + "**********" + ID_NUMBER[-4:]


async def test_staff_register_a_walk_in_who_cannot_log_in_yet(client, market):
    staff = await market.user("staff")
    phone = market.next_phone()
    response = await client.post("/api/walk-ins", headers=staff["headers"], json={
        "phone": phone, "name": "李秀英", "id_number": ID_NUMBER, "skills": [{"name": "保洁", "years": 5}]})
    assert response.status_code == 201, response.text
    walk_in = response.json()
    assert (walk_in["real_name"], walk_in["id_number"], walk_in["skills"][0]["name"]) == ("李秀英", ID_NUMBER, "保洁")
    row = await User.select(User.role, User.registered_by).where(User.phone == phone).first()
    assert row == {"role": "worker", "registered_by": staff["id"]}
    for password in ("", "passw0rd-for-tests", phone, "12345678"):
        login = await client.post("/api/auth/login", json={"phone": phone, "password": password})
        assert login.status_code == 401
    found = await client.post("/api/workers/search", json={"phone": phone}, headers=staff["headers"])
    assert found.status_code == 200
    assert found.json()["id"] == walk_in["id"]


async def test_a_walk_in_with_a_bad_id_number_creates_nobody(client, market):
    staff = await market.user("staff")
    phone = market.next_phone()
    response = await client.post("/api/walk-ins", headers=staff["headers"], json={
        "phone": phone, "name": "李秀英", "id_number": with_check_digit_broken(ID_NUMBER)})
    assert response.status_code == 400
    assert not await User.exists().where(User.phone == phone)


async def test_finding_an_unknown_phone_is_404(client, market):
    staff = await market.user("staff")
    response = await client.post("/api/workers/search", json={"phone": market.next_phone()},
                                 headers=staff["headers"])
    assert response.status_code == 404


async def put_employer(client, employer, body):
    return await client.put("/api/employers/me", json=body, headers=employer["headers"])


async def test_an_employer_with_a_bad_credit_code_is_refused(client, market):
    employer = await market.user("employer")
    response = await put_employer(client, employer, {"credit_code": CREDIT_CODE[:-1] + "Y", "name": "新名字"})
    assert response.status_code == 400
    assert fields(response) == [("credit_code", "credit_code_check_digit")]
    details = (await client.get("/api/employers/me", headers=employer["headers"])).json()
    assert (details["credit_code"], details["name"]) == (None, "测试用户")


async def test_a_credit_code_is_stored_encrypted_and_shown_to_its_owner(client, market):
    employer = await market.user("employer")
    response = await put_employer(client, employer, {"credit_code": CREDIT_CODE, "name": "鑫盛劳务",
                                                     "contact_name": "陈志强", "address": "漳州市龙文区建元东路56号"})
    assert response.status_code == 200, response.text
    details = (await client.get("/api/employers/me", headers=employer["headers"])).json()
    assert (details["credit_code"], details["name"], details["contact_name"]) == (CREDIT_CODE, "鑫盛劳务", "陈志强")
    row = await Employer.select().where(Employer.user == employer["id"]).first()
    assert row["credit_code_masked"] == CREDIT_CODE[:4] + "*" * 10 + CREDIT_CODE[-4:]
    assert all(CREDIT_CODE not in str(value) for value in row.values())


async def test_the_credit_grade_is_not_the_employers_to_write(client, market):
    employer = await market.user("employer")
    response = await put_employer(client, employer, {"credit_grade": "A"})
    assert response.status_code == 400
    assert fields(response) == [("credit_grade", "unknown_field")]
    assert (await client.get("/api/employers/me", headers=employer["headers"])).json()["credit_grade"] == "B"
