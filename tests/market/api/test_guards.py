"""Guards: each role-guarded route refuses the wrong roles with 403 `role_required` and strangers with 401;
public routes answer without a login."""

from __future__ import annotations

import pytest


async def call(client, method: str, path: str, headers: dict[str, str] | None = None, json=None):
    return await client.request(method, path, headers=headers or {}, json=json)


def filled(body, **values):
    """`body` with `{name}` placeholders in its text values filled in."""
    return {k: v.format(**values) if isinstance(v, str) else v for k, v in body.items()} if body else body


STAFF_ROUTES = [
    ("POST", "/api/walk-ins", {"phone": "13700000001", "name": "李大姐"}),
    ("GET", "/api/workers/{worker}", None),
    ("PUT", "/api/workers/{worker}", {"max_distance_km": 5}),
    ("POST", "/api/workers/search", {"phone": "{worker_phone}"}),
    ("GET", "/api/identity-conflicts", None),
    ("GET", "/api/employers/{employer}", None),
]


async def test_a_worker_cannot_post_a_job(client, market):
    worker = await market.user("worker")
    response = await client.post("/api/jobs", json=market.job_body(), headers=worker["headers"])
    assert response.status_code == 403
    assert response.json()["code"] == "role_required"


async def test_an_employer_cannot_accept_a_job(client, market):
    employer = await market.user("employer")
    job = await market.job(employer)
    response = await market.accept(job["id"], employer)
    assert response.status_code == 403
    assert response.json()["code"] == "role_required"


async def test_the_refusal_names_the_roles_in_the_callers_language(client, market):
    worker = await market.user("worker")
    response = await client.post("/api/jobs", json=market.job_body(),
                                 headers={**worker["headers"], "Accept-Language": "en"})
    assert response.json()["detail"] == "Only employers or station staff may do this"


@pytest.mark.parametrize(("method", "path", "body"), STAFF_ROUTES)
@pytest.mark.parametrize("role", ["worker", "employer"])
async def test_staff_routes_refuse_workers_and_employers(client, market, role, method, path, body):
    caller = await market.user(role)
    worker = await market.user("worker")
    employer = await market.user("employer")
    url = path.format(worker=worker["id"], worker_phone=worker["phone"], employer=employer["id"])
    response = await call(client, method, url, caller["headers"], filled(body, worker_phone=worker["phone"]))
    assert response.status_code == 403
    assert response.json()["code"] == "role_required"


@pytest.mark.parametrize(("method", "path", "body"), STAFF_ROUTES)
async def test_staff_routes_let_staff_through(client, market, method, path, body):
    staff = await market.user("staff")
    worker = await market.walk_in(staff)  # staff may change the profile of a worker their station registered
    employer = await market.user("employer")
    url = path.format(worker=worker["id"], worker_phone=worker["phone"], employer=employer["id"])
    response = await call(client, method, url, staff["headers"], filled(body, worker_phone=worker["phone"]))
    assert response.status_code in (200, 201), response.text


async def test_an_employer_cannot_read_the_worker_profile(client, market):
    employer = await market.user("employer")
    response = await client.get("/api/workers/me", headers=employer["headers"])
    assert response.status_code == 403
    assert response.json()["code"] == "role_required"


async def test_a_worker_cannot_read_the_employer_details(client, market):
    worker = await market.user("worker")
    response = await client.get("/api/employers/me", headers=worker["headers"])
    assert response.status_code == 403


@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/api/jobs"), ("GET", "/api/jobs"), ("GET", "/api/jobs/1"), ("POST", "/api/jobs/1/accept"),
    ("POST", "/api/jobs/1/cancel"), ("GET", "/api/workers/me"), ("PUT", "/api/workers/me"),
    ("GET", "/api/employers/me"), ("POST", "/api/walk-ins"), ("GET", "/api/workers/1"), ("GET", "/api/orders"),
    ("POST", "/api/auth/logout"),
])
async def test_guarded_routes_need_a_login(client, method, path):
    response = await call(client, method, path, json={})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


async def test_a_forged_token_is_not_a_login(client):
    response = await client.get("/api/auth/me", headers={"Authorization": "Bearer not.a.token"})
    assert response.status_code == 401


async def test_stations_and_health_answer_without_a_login(client):
    assert (await client.get("/api/stations")).status_code == 200
    assert (await client.get("/api/health")).status_code == 200
