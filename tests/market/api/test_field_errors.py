"""Field errors a person can read: every bad field of a request at once, each message naming the field in words
in the request's language; text is NFC and free of control, format and bidi characters; names show something."""

from __future__ import annotations

import re
from typing import Any, get_args

import msgspec
import pytest

from market.core.i18n import LANGUAGES, field_label, field_message
from market.core.messages import FIELD_NAMES, VALUE_NAMES
from market.core.validation import annotation_alternatives, struct_of


def problems(response) -> dict[str, str]:
    return {f["field"]: f["message"] for f in response.json()["fields"]}


@pytest.mark.parametrize(("language", "expected"), [
    ("zh-CN", {"title": "岗位名称至少 2 个字", "headcount": "招聘人数不能小于 1",
               "pay.amount_fen": "工钱金额不能小于 1 分"}),
    ("en", {"title": "Job title must be at least 2 characters", "headcount": "Headcount must be at least 1",
            "pay.amount_fen": "Pay amount must be at least 1 fen"}),
])
async def test_three_bad_fields_get_three_errors_in_words(client, market, language, expected):
    employer = await market.user("employer")
    body = market.job_body(title="x", headcount=0, pay={"amount_fen": 0, "unit": "day"})
    response = await client.post("/api/jobs", json=body, headers={**employer["headers"], "Accept-Language": language})
    assert response.status_code == 400
    assert problems(response) == expected


async def test_errors_in_list_items_and_query_parameters_all_come_back(client, market):
    worker = await market.user("worker")
    body = {"skills": [{"name": "电工", "years": 99}, {"name": "", "years": -1}], "max_distance_km": 0}
    response = await client.put("/api/workers/me", json=body, headers={**worker["headers"], "Accept-Language": "en"})
    assert problems(response) == {
        "skills[0].years": "Years in the trade (item 1) must be at most 60 years",
        "skills[1].name": "Skill name (item 2) must not be blank",
        "skills[1].years": "Years in the trade (item 2) must be at least 0 years",
        "max_distance_km": "Farthest distance must be at least 1 km",
    }
    english = {**worker["headers"], "Accept-Language": "en"}
    response = await client.get("/api/jobs?radius_km=-1&lat=90.5", headers=english)
    assert problems(response) == {"radius_km": "Search radius must be more than 0 km",
                                  "lat": "Latitude must be at most 90"}


async def test_choices_are_said_in_words_not_codes(client, market):
    employer = await market.user("employer")
    body = market.job_body(pay={"amount_fen": 100, "unit": "week"})
    response = await client.post("/api/jobs", json=body, headers=employer["headers"])
    assert problems(response) == {"pay.unit": "计薪方式只能是按小时、按天、按件之一"}
    message = field_message("consent", "not_one_of", "zh-CN", choices="staff_sms_code, staff_signature")
    assert message == "同意方式只能是短信验证码、现场手写签名之一"


# --- names on contracts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["\u200b\u200b", "\u202e审计", "审\u0000计", "李\u200d雷", "\ufeff"])
async def test_control_format_and_bidi_characters_are_refused_in_names(client, name):
    body = {"phone": "13900000123", "password": "passw0rd-x", "name": name, "role": "worker"}
    response = await client.post("/api/auth/register", json=body)
    assert response.status_code == 400
    assert response.json()["fields"] == [{"field": "name", "code": "bad_characters",
                                          "message": "名称含有不可见的控制、格式或方向字符"}]


@pytest.mark.parametrize("name", ["   ", "\u3164", "\u3000"])
async def test_a_name_must_show_something(client, name):
    body = {"phone": "13900000123", "password": "passw0rd-x", "name": name, "role": "worker"}
    response = await client.post("/api/auth/register", json=body, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert problems(response) == {"name": "Name must contain visible text"}


@pytest.mark.parametrize(("path", "field"), [
    ("/api/workers/me", "real_name"), ("/api/employers/me", "name"), ("/api/employers/me", "contact_name"),
])
async def test_legal_names_refuse_a_right_to_left_override(client, market, path, field):
    user = await market.user("worker" if "workers" in path else "employer")
    response = await client.put(path, json={field: "张\u202e三"}, headers=user["headers"])
    assert response.status_code == 400
    assert [f["field"] for f in response.json()["fields"]] == [field]


async def test_text_is_stored_in_nfc(client, market):
    worker = await market.user("worker")
    decomposed = "Jose\u0301 Li"
    response = await client.put("/api/workers/me", json={"real_name": decomposed}, headers=worker["headers"])
    assert response.status_code == 200
    assert response.json()["real_name"] == "Jos\u00e9 Li"


async def test_descriptions_may_span_lines_but_titles_may_not(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, description="三楼\n无电梯")
    assert job["description"] == "三楼\n无电梯"
    body = market.job_body(title="搬家\u2028临时工")
    response = await client.post("/api/jobs", json=body, headers=employer["headers"])
    assert [f["field"] for f in response.json()["fields"]] == ["title"]


# --- the catalogue's field labels (the messages: tests/market/unit/test_catalogue.py) -------------------

@pytest.mark.parametrize("field", sorted(FIELD_NAMES))
def test_every_label_is_complete_in_both_languages(field):
    zh, en = FIELD_NAMES[field]
    assert re.search(r"[\u4e00-\u9fff]", zh)
    assert en[:1].isupper()
    for language in LANGUAGES:
        assert field_message(field, "required", language).startswith(field_label(field, language))


def test_every_value_name_is_in_both_languages():
    assert all(re.search(r"[\u4e00-\u9fff]", zh) and en for zh, en in VALUE_NAMES.values())


def _paths(annotation: Any, prefix: str) -> list[str]:
    struct = struct_of(annotation)
    if struct is None:
        items = [get_args(a)[0] for a in annotation_alternatives(annotation) if getattr(a, "__origin__", None) is list]
        if items and struct_of(items[0]) is not None:
            return _paths(items[0], f"{prefix}[0]")
        return [prefix]
    found = [prefix] if prefix else []
    for field in msgspec.structs.fields(struct):
        found += _paths(field.type, f"{prefix}.{field.encode_name}" if prefix else field.encode_name)
    return found


def test_every_input_field_of_the_api_has_a_label(client):
    from litestar.routes import HTTPRoute

    skipped = {"request", "matching", "self", "state", "scope", "headers"}
    unlabelled = set()
    for route in client.app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            for name, parameter in handler.parsed_fn_signature.parameters.items():
                if name in skipped or name in handler.resolve_dependencies():
                    continue
                paths = _paths(parameter.annotation, "") if name == "data" else [name]
                unlabelled |= {p for p in paths if field_label(p, "en").startswith("Field `")}
    assert not unlabelled


async def test_invisible_tag_characters_beyond_the_bmp_are_refused_too(client, market):
    worker = await market.user("worker")
    response = await client.put("/api/workers/me", json={"real_name": "张三\U000e0041"}, headers=worker["headers"])
    assert response.status_code == 400
    assert [(f["field"], f["code"]) for f in response.json()["fields"]] == [("real_name", "bad_characters")]
