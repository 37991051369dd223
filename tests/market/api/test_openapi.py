"""The API describes itself: the OpenAPI schema names every operation and types what each one answers; the
interactive docs are served as a web page."""

from __future__ import annotations

from typing import Any

import pytest

OPERATIONS = [
    "Register", "Login", "Logout", "GetMe", "GetMyWorkerProfile", "UpdateMyWorkerProfile", "SearchWorker", "GetWorker",
    "UpdateWorker", "RegisterWalkIn", "GetMyEmployer", "UpdateMyEmployer", "GetEmployer", "ListStations",
    "CreateJob", "ListJobs", "GetJob", "CancelJob", "AcceptJob", "ListOrders", "GetOrder", "CheckIn",
    "CompleteOrder", "MarkOrderPaid", "ConfirmPayment", "CancelOrder", "Health", "ListIdentityConflicts",
]


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The schema the app serves, built once for this module (each request would build the same one)."""
    from market.app import create_app

    return create_app().openapi_schema.to_schema()


async def test_the_schema_is_served(client, spec):
    response = await client.get("/api/docs/openapi.json")
    assert response.status_code == 200
    assert response.json()["paths"].keys() == spec["paths"].keys()


def operations(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {op["operationId"]: op for path in spec["paths"].values() for op in path.values()
            if isinstance(op, dict) and "operationId" in op}


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def is_typed(spec: dict[str, Any], schema: dict[str, Any]) -> bool:
    """A named object whose properties each say their type (no free-form `{}` objects)."""
    if "$ref" not in schema:
        return False
    properties = resolve(spec, schema).get("properties", {})
    return bool(properties) and all(
        prop.get("type") or prop.get("$ref") or prop.get("oneOf") or prop.get("anyOf") or prop.get("const")
        or prop.get("enum") for prop in properties.values())


async def test_every_operation_is_listed(spec):
    assert set(OPERATIONS) <= set(operations(spec))


@pytest.mark.parametrize("operation_id", OPERATIONS)
async def test_each_operation_types_its_success_answer(spec, operation_id):
    responses = operations(spec)[operation_id]["responses"]
    success = [r for code, r in responses.items() if code.startswith("2")]
    assert len(success) == 1
    schema = success[0]["content"]["application/json"]["schema"]
    assert is_typed(spec, schema), schema


async def test_the_interactive_docs_are_a_web_page(client):
    response = await client.get("/api/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Linggong" in response.text
