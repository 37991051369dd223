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


PUBLIC = {"Register", "Login", "Health", "ListStations", "VerifyContract", "GetRootCertificate", "SuggestTrades",
          "SearchPlaces",
          "SendSmsCode", "ResetPassword", "GetPublicJob"}


async def test_only_guarded_operations_ask_for_a_token(spec):
    assert "security" not in spec
    for operation_id, operation in operations(spec).items():
        if operation_id in PUBLIC:
            assert "security" not in operation, operation_id
        else:
            assert operation["security"] == [{"BearerToken": []}], operation_id


async def test_each_operation_lists_its_error_answers_in_the_one_error_shape(spec):
    listed = operations(spec)
    assert {"400", "401", "403", "404", "409"} <= set(listed["AcceptJob"]["responses"])
    assert {"400", "401", "429"} <= set(listed["Login"]["responses"])
    assert "401" not in listed["ListStations"]["responses"]
    for operation_id, operation in listed.items():
        for status, answer in operation["responses"].items():
            if status.startswith("4"):
                schema = answer["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (operation_id, status)


async def test_the_schema_states_the_constraints_the_server_enforces(spec):
    jobs = {p["name"]: p["schema"] for p in operations(spec)["ListJobs"]["parameters"]}
    assert jobs["radius_km"]["exclusiveMinimum"] == 0
    assert jobs["offset"]["minimum"] == 0
    assert jobs["offset"]["maximum"] >= 1000
    job_path = {p["name"]: p["schema"] for p in operations(spec)["GetJob"]["parameters"]}
    assert (job_path["job_id"]["minimum"], job_path["job_id"]["maximum"]) == (1, 2**31 - 1)
    registration = spec["components"]["schemas"]["Registration"]
    assert registration["additionalProperties"] is False
    assert "pattern" in registration["properties"]["name"]


async def test_options_lists_every_method_of_the_path(client):
    response = await client.options("/api/workers/me")
    assert set(response.headers["allow"].split(", ")) == {"GET", "PUT", "OPTIONS"}


async def test_every_pattern_reads_the_same_to_an_ecma_regex_engine(spec):
    import jsonschema_rs

    def rebased(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: v.replace("#/components/schemas/", "#/$defs/") if k == "$ref" else rebased(v)
                    for k, v in value.items()}
        return [rebased(v) for v in value] if isinstance(value, list) else value

    definitions = rebased(spec["components"]["schemas"])
    for name in definitions:
        jsonschema_rs.validator_for({"$defs": definitions, "$ref": f"#/$defs/{name}"})  # raises on a bad pattern
