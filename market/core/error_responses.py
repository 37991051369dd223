"""Turns every failure into the one error shape: {status_code, code, detail, fields: [{field, message}]}."""

from __future__ import annotations

import logging
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
from market.core.http import MarketRequest
from market.core.i18n import field_message, pick_language, translate
from market.core.validation import body_problems, problem_from_message

__all__ = ["HTTP_CODES", "exception_handlers", "field_problems_from_validation"]

logger = logging.getLogger("market.errors")


def _field_path(item: dict[str, Any]) -> str:
    """The dotted path of the bad value; Litestar names the body's root by its parameter, `data`: that is ""."""
    key = str(item.get("key", ""))
    return "" if key == "data" and str(item.get("source", "")) == "body" else key


def _body_annotation(request: Request[Any, Any, Any]) -> Any:
    try:
        parameter = request.route_handler.parsed_fn_signature.parameters.get("data")
    except Exception:  # no handler was matched (the router's own 404/405): there is no body type to check against
        return None
    return parameter.annotation if parameter is not None else None


def field_problems_from_validation(exc: ValidationException,
                                   request: Request[Any, Any, Any] | None = None) -> list[FieldProblem]:
    """Our field problems for a Litestar/msgspec validation failure: every bad field, not only the first.

    Litestar reports one problem per parameter; for the JSON body, msgspec stopped at its first bad field, so the
    decoded body is checked again field by field (`market.core.validation.body_problems`).
    """
    extra = [item for item in (exc.extra if isinstance(exc.extra, list) else []) if isinstance(item, dict)]
    problems = [problem_from_message(_field_path(item), str(item.get("message", ""))) for item in extra
                if item.get("source") != "body"]
    if any(item.get("source") == "body" for item in extra):
        annotation = _body_annotation(request) if request is not None else None
        raw = request.json_if_read() if isinstance(request, MarketRequest) else None
        collected = body_problems(annotation, raw) if annotation is not None else []
        problems += collected or [problem_from_message(_field_path(item), str(item.get("message", "")))
                                  for item in extra if item.get("source") == "body"]
    return problems or [problem_from_message("body", str(exc.detail))]


def _shape(status: int, code: str, language: str, fields: list[FieldProblem], /, **params: Any) -> Response[Any]:
    body = {
        "status_code": status,
        "code": code,
        "detail": translate(code, language, **params),
        "fields": [{"field": p.field, "message": field_message(p.field, p.code, language, **p.params),
                    "code": p.code} for p in fields],
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
    return _shape(400, "validation_failed", _language(request), field_problems_from_validation(exc, request))


HTTP_CODES: dict[type[Exception], str] = {
    NotAuthorizedException: "not_authenticated",
    PermissionDeniedException: "forbidden",
    NotFoundException: "not_found",
    MethodNotAllowedException: "method_not_allowed",
    TooManyRequestsException: "too_many_requests",
}
"""The code each of Litestar's own HTTP errors answers with."""


def _http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    logger.info("%s %s answered %s: %s", request.method, request.url.path, exc.status_code, exc.detail)
    code = next((c for kind, c in HTTP_CODES.items() if isinstance(exc, kind)), None)
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
