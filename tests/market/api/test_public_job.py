"""A shared job link, opened signed out: what the work is, without the employer's personal data."""

from __future__ import annotations

from market.core.identity import make_credit_code
from market.jobs.public import public_area, public_text


async def test_a_signed_out_visitor_sees_the_job_without_personal_data(client, market):
    employer = await market.user("employer", phone="13912345678")
    saved = await client.put("/api/employers/me", headers=employer["headers"],
                             json={"name": "王秀兰", "contact_name": "王秀兰", "address": "漳州市芗城区胜利西路128号"})
    assert saved.status_code == 200, saved.text
    job = await market.job(employer, description="三楼无电梯，有事打13912345678",
                           location={"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号3栋502"})
    client.cookies.clear()
    response = await client.get(f"/api/jobs/{job['id']}/public")
    assert response.status_code == 200, response.text
    shared = response.json()
    assert shared["title"] == "搬家临时工"
    assert shared["area"] == "漳州市芗城区胜利西路"
    # a household: its surname only
    assert shared["employer"] == {"name": "王**", "credit_grade": "B", "credit_warning": False}
    assert (shared["headcount"], shared["filled"], shared["status"]) == (2, 0, "open")
    assert shared["pay"] == {"amount_fen": 25000, "unit": "day"}
    assert "139****5678" in shared["description"]
    text = response.text
    for personal in ("13912345678", "502", "24.5116", "117.6443", "王秀兰"):
        assert personal not in text
    assert "id" not in shared["employer"]


async def test_a_firm_with_a_credit_code_shows_its_name(client, market):
    employer = await market.user("employer")
    firm = {"name": "漳州鑫达装修有限公司", "credit_code": make_credit_code("91350600MA2Y0K8B1")}
    saved = await client.put("/api/employers/me", headers=employer["headers"], json=firm)
    assert saved.status_code == 200, saved.text
    job = await market.job(employer)
    shared = (await client.get(f"/api/jobs/{job['id']}/public")).json()
    assert shared["employer"]["name"] == "漳州鑫达装修有限公司"


async def test_a_link_to_a_cancelled_job_says_so_and_a_missing_one_is_404(client, market):
    employer = await market.user("employer")
    job = await market.job(employer)
    assert (await client.post(f"/api/jobs/{job['id']}/cancel", headers=employer["headers"])).status_code == 200
    client.cookies.clear()
    assert (await client.get(f"/api/jobs/{job['id']}/public")).json()["status"] == "cancelled"
    missing = await client.get("/api/jobs/999999/public", headers={"Accept-Language": "en"})
    assert (missing.status_code, missing.json()["detail"]) == (404, "Job not found")


def test_the_area_keeps_the_street_and_drops_house_building_and_room():
    assert public_area("漳州市芗城区胜利西路128号") == "漳州市芗城区胜利西路"
    assert public_area("龙文区建元东路56号3栋201") == "龙文区建元东路"
    assert public_area("幸福小区五栋201") == "幸福小区"
    assert public_area("芗城区中山公园东门") == "芗城区中山公园东门"
    assert public_area("胜利路 ３８号") == "胜利路"


def test_phone_numbers_in_free_text_are_masked():
    assert public_text("电话13800001234或15911112222") == "电话138****1234或159****2222"
    assert public_text("工期20261201到12月5日，工钱250元") == "工期20261201到12月5日，工钱250元"


def test_the_house_number_is_left_out_of_free_text_too():
    address = "漳州市龙文区湖滨路199号"
    assert public_text("湖滨路199号赶货招临时普工", address) == "湖滨路…赶货招临时普工"
