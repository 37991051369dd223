"""Turns every failure into the one error shape: {status_code, code, detail, fields: [{field, message}]}."""

from __future__ import annotations

import logging
import re
from typing import Any

from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
    TooManyRequestsException,
    ValidationException,
)
from litestar.exceptions.http_exceptions import MethodNotAllowedException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from litestar.types import ExceptionHandlersMap

from market.core.errors import FieldProblem, MarketError, TooManyRequests
from market.core.i18n import pick_language, translate

__all__ = ["exception_handlers", "field_problems_from_validation"]

logger = logging.getLogger("market.errors")

_TYPE_NAMES = {
    "int": ("整数", "an integer"),
    "float": ("数字", "a number"),
    "str": ("文字", "text"),
    "bool": ("是或否", "true or false"),
    "array": ("列表", "a list"),
    "object": ("对象", "an object"),
    "datetime": ("带时区的时间", "a date-time with a zone"),
}

# msgspec's messages, matched to our codes; each pattern yields the code and its parameters.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Object missing required field `(?P<name>[^`]+)`"), "required"),
    (re.compile(r"Object contains unknown field `(?P<name>[^`]+)`"), "unknown_field"),
    (re.compile(r"Expected `(str|array)` of length >= (?P<min>\d+)"), "min_len"),
    (re.compile(r"Expected `(str|array)` of length <= (?P<max>\d+)"), "max_len"),
    (re.compile(r"Expected `(int|float)` >= (?P<min>-?[\d.]+)"), "too_small"),
    (re.compile(r"Expected `(int|float)` <= (?P<max>-?[\d.]+)"), "too_large"),
    (re.compile(r"Expected `(int|float)` > (?P<min>-?[\d.]+)"), "too_small"),
    (re.compile(r"Invalid enum value"), "bad_value"),
    (re.compile(r"(Invalid RFC3339 encoded datetime|Expected `datetime` with a timezone)"), "bad_datetime"),
    (re.compile(r"Expected `(?P<expected>\w+)`(?:.*?), got"), "wrong_type"),
]


def _problem_from_message(key: str, message: str) -> FieldProblem:
    for pattern, code in _PATTERNS:
        match = pattern.search(message)
        if not match:
            continue
        params = match.groupdict()
        field = key
        if code in ("required", "unknown_field"):
            field = f"{key}.{params.pop('name')}" if key else params.pop("name")
        if code in ("min_len", "max_len"):
            is_text = match.group(1) == "str"
            code = ("too_short" if code == "min_len" else "too_long") if is_text else (
                "too_few_items" if code == "min_len" else "too_many_items")
        if code == "wrong_type":
            zh, en = _TYPE_NAMES.get(params["expected"], (params["expected"], params["expected"]))
            params = {"expected": zh, "expected_en": en}
        return FieldProblem(field or "body", code, params)
    return FieldProblem(key or "body", "bad_value", {})


def _field_path(item: dict[str, Any]) -> str:
    """The dotted path of the bad value; Litestar names the body's root by its parameter, `data`: that is ""."""
    key = str(item.get("key", ""))
    return "" if key == "data" and str(item.get("source", "")) == "body" else key


def field_problems_from_validation(exc: ValidationException) -> list[FieldProblem]:
    """Our field problems for a Litestar/msgspec validation failure."""
    extra = exc.extra if isinstance(exc.extra, list) else []
    problems = [
        _problem_from_message(_field_path(item), str(item.get("message", "")))
        for item in extra
        if isinstance(item, dict)
    ]
    if not problems:
        problems = [_problem_from_message("body", str(exc.detail))]
    return problems


def _shape(status: int, code: str, language: str, fields: list[FieldProblem], /, **params: Any) -> Response[Any]:
    body = {
        "status_code": status,
        "code": code,
        "detail": translate(code, language, **params),
        "fields": [{"field": p.field, "message": translate(p.code, language, **p.params), "code": p.code}
                   for p in fields],
    }
    return Response(content=body, status_code=status)


def _language(request: Request[Any, Any, Any]) -> str:
    return pick_language(request.headers.get("accept-language"))


def _market_error(request: Request[Any, Any, Any], exc: MarketError) -> Response[Any]:
    response = _shape(exc.status_code, exc.code, _language(request), exc.fields, **exc.params)
    if isinstance(exc, TooManyRequests) and exc.retry_after_s is not None:
        response.headers["Retry-After"] = str(exc.retry_after_s)
    return response


def _validation_error(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    return _shape(400, "validation_failed", _language(request), field_problems_from_validation(exc))


_HTTP_CODES = {
    NotAuthorizedException: "not_authenticated",
    PermissionDeniedException: "forbidden",
    NotFoundException: "not_found",
    MethodNotAllowedException: "method_not_allowed",
    TooManyRequestsException: "too_many_requests",
}


def _http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    logger.info("%s %s answered %s: %s", request.method, request.url.path, exc.status_code, exc.detail)
    code = next((c for kind, c in _HTTP_CODES.items() if isinstance(exc, kind)), None)
    if code is None:
        code = {413: "payload_too_large", 400: "bad_request"}.get(exc.status_code, "bad_request")
        if exc.status_code >= 500:
            logger.error("%s %s failed: %s", request.method, request.url.path, exc.detail)
            code = "internal_error"
    response = _shape(exc.status_code, code, _language(request), [])
    if exc.headers:
        response.headers.update(exc.headers)
    return response


def _unexpected_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _shape(HTTP_500_INTERNAL_SERVER_ERROR, "internal_error", _language(request), [])


exception_handlers: ExceptionHandlersMap = {
    MarketError: _market_error,
    ValidationException: _validation_error,
    HTTPException: _http_error,
    Exception: _unexpected_error,
}
