"""The OpenAPI schema, tried by schemathesis: every operation, as a worker, an employer and station staff, every
check (server errors, status codes, response schemas, content types, auth, methods, positive and negative data).

A bounded, deterministic run (seed and example count below) that must find nothing: 0 server errors, 0 schema
violations. Runs in-process on the ASGI app, on whichever database the suite uses.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import shutil
from typing import Any

import pytest

from tests.market.conftest import _TEMPLATE, ON_POSTGRES, _empty_postgres

pytestmark = pytest.mark.slow

SEED = 20261201
EXAMPLES = 4
"""Fuzzed examples per operation and role; the coverage phase adds its boundary cases on top."""
ROLES = ("worker", "employer", "staff")


@pytest.fixture(scope="module")
def fresh_database(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One database for the whole run: the app keeps running between operations (the suite's per-test reset
    would empty it underneath)."""
    from market.core.database import current_engine

    if ON_POSTGRES:
        asyncio.run(_empty_postgres())
    else:
        database = tmp_path_factory.mktemp("schemathesis") / "test.sqlite3"
        shutil.copyfile(_TEMPLATE, database)  # type: ignore[arg-type]
        current_engine().path = str(database)  # type: ignore[attr-defined]


async def _people() -> dict[str, int]:
    from market.accounts.services import create_user
    from market.accounts.tables import Role
    from market.stations.staff import create_staff

    worker = await create_user(phone="13900000001", name="工人甲", role=Role.worker, password="passw0rd-x")
    employer = await create_user(phone="13900000002", name="用工方乙", role=Role.employer, password="passw0rd-x")
    staff = await create_staff(phone="13900000003", name="驿站丙", password="passw0rd-x", station_id=None)
    return {"worker": worker.id, "employer": employer.id, "staff": staff}


def _run(app: Any, token: str) -> tuple[int, set[str], collections.Counter[str]]:
    import schemathesis
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import events, from_schema

    config = SchemathesisConfig.from_dict({
        "seed": SEED,
        "generation": {"max-examples": EXAMPLES, "deterministic": True, "with-security-parameters": False},
        "checks": {"enabled": True},
        "headers": {"Authorization": f"Bearer {token}"},
        "continue-on-failure": True,
        "operations": [{
            # A PDF's genuineness is not something a schema can express: random bytes are rightly a 400.
            "include-operation-id": "VerifyContract", "checks": {"positive_data_acceptance": {"enabled": False}},
        }],
    })
    schema = schemathesis.openapi.from_asgi("/api/docs/openapi.json", app, config=config)
    cases, operations, failures = 0, set(), collections.Counter()
    for event in from_schema(schema).execute():
        if isinstance(event, events.NonFatalError | events.FatalError):
            failures[f"error: {event}"] += 1
        if not isinstance(event, events.ScenarioFinished):
            continue
        recorder = event.recorder
        cases += len(recorder.cases)
        if recorder.label.split(" ", 1)[0] in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            operations.add(recorder.label)
        for checks in recorder.checks.values():
            for check in checks:
                if check.status.name != "FAILURE":
                    continue
                failures[f"{recorder.label}: {check.name}: {getattr(check.failure_info.failure, 'title', '')}"] += 1
    return cases, operations, failures


def test_schemathesis_finds_no_server_errors_and_no_schema_violations(fresh_database, capsys):
    from market.app import create_app

    app = create_app()  # first: it installs the subscriptions the people's sign-up records events for
    ids = asyncio.run(_people())
    logging.getLogger("market.errors").setLevel(logging.CRITICAL)  # thousands of refusals, by design
    total_cases, all_failures, operations = 0, collections.Counter(), set()
    try:
        for role in ROLES:
            token = app.state.auth.create_token(identifier=str(ids[role]), token_extras={"ver": 0})
            cases, seen, failures = _run(app, token)
            total_cases += cases
            operations |= seen
            all_failures.update({f"{role} {k}": v for k, v in failures.items()})
    finally:
        from schemathesis.python.asgi import shutdown_lifespans

        shutdown_lifespans()
        logging.getLogger("market.errors").setLevel(logging.NOTSET)
    with capsys.disabled():
        print(f"\nschemathesis: {len(operations)} operations, 3 roles, {total_cases} requests, "
              f"{sum(all_failures.values())} failures")
    assert not all_failures, "\n".join(f"{n} × {k}" for k, n in sorted(all_failures.items()))
