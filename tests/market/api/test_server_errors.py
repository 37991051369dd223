"""Inputs that once answered 500: huge ids and offsets, OPTIONS on guarded routes, deeply nested JSON, control
characters in URLs and bodies, impossible file names. Each is now the client's error (4xx) naming what is wrong."""

from __future__ import annotations

import pytest

TOO_BIG_FOR_INT32 = 2**31
TOO_BIG_FOR_INT64 = 2**63


def field_names(response) -> list[str]:
    return [f["field"] for f in response.json()["fields"]]


@pytest.mark.parametrize("path", [
    "/api/jobs/{id}", "/api/orders/{id}", "/api/contracts/{id}", "/api/workers/{id}", "/api/employers/{id}",
])
@pytest.mark.parametrize("value", [TOO_BIG_FOR_INT32, TOO_BIG_FOR_INT64, 0])
async def test_an_id_out_of_range_in_the_path_is_a_400_naming_it(client, market, path, value):
    staff = await market.user("staff")
    response = await client.get(path.format(id=value), headers=staff["headers"])
    assert response.status_code == 400, response.text
    assert len(field_names(response)) == 1
    assert field_names(response)[0].endswith("_id")


async def test_the_largest_id_is_simply_not_found(client, market):
    staff = await market.user("staff")
    response = await client.get(f"/api/jobs/{TOO_BIG_FOR_INT32 - 1}", headers=staff["headers"])
    assert response.status_code == 404


async def test_ids_out_of_range_in_bodies_and_queries_are_400s_naming_them(client, market):
    staff = await market.user("staff")
    employer = await market.user("employer")
    job = await market.job(employer)
    answers = {
        "worker_id": await client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"],
                                       json={"worker_id": TOO_BIG_FOR_INT32, "consent": "staff_sms_code",
                                             "consent_code": "123456"}),
        "employer_id": await client.post("/api/jobs", headers=staff["headers"],
                                         json=market.job_body(employer_id=TOO_BIG_FOR_INT64)),
        "job_id": await client.get(f"/api/orders?job_id={TOO_BIG_FOR_INT32}", headers=staff["headers"]),
        "offset": await client.get(f"/api/jobs?offset={TOO_BIG_FOR_INT64}", headers=staff["headers"]),
    }
    for field, response in answers.items():
        assert response.status_code == 400, (field, response.text)
        assert field in field_names(response)


@pytest.mark.parametrize("path", ["/api/walk-ins", "/api/deliveries/sms", "/api/jobs/1/accept", "/api/workers/me"])
async def test_options_on_a_guarded_route_lists_the_methods(client, path):
    response = await client.options(path)
    assert response.status_code == 204
    assert "OPTIONS" in response.headers["allow"]


@pytest.mark.parametrize("path", ["/api/auth/login", "/api/jobs"])
async def test_json_nested_a_thousand_deep_is_a_400(client, market, path):
    employer = await market.user("employer")
    body = '{"phone": ' + "[" * 1000 + "]" * 1000 + "}"
    response = await client.post(path, content=body, headers={**employer["headers"],
                                                              "Content-Type": "application/json"})
    assert response.status_code == 400
    assert field_names(response) == ["body"]


async def test_nul_in_a_query_is_a_400_naming_the_parameter(client, market):
    worker = await market.user("worker")
    response = await client.get("/api/jobs?q=%00", headers=worker["headers"])
    assert response.status_code == 400
    assert field_names(response) == ["q"]


@pytest.mark.parametrize("path", ["/verify/abc%00", "/app.css%00", "/index.html%00.js"])
async def test_nul_in_a_path_is_a_400(client, path):
    response = await client.get(path)
    assert response.status_code == 400
    assert field_names(response) == ["path"]


async def test_a_file_name_too_long_for_the_system_is_not_found(client):
    response = await client.get("/" + "a" * 300 + ".css")
    assert response.status_code == 404


async def test_nul_in_body_text_is_a_400_naming_the_field(client, market):
    worker = await market.user("worker")
    response = await client.put("/api/workers/me", json={"real_name": "审\u0000计"}, headers=worker["headers"])
    assert response.status_code == 400
    assert field_names(response) == ["real_name"]
