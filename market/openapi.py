"""The OpenAPI schema says what the server does: which routes need a token, the error answers each can give (in
the one error shape), and the constraints the Structs enforce (they come from the same msgspec `Meta`)."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Components, SecurityScheme
from litestar.openapi.spec import Schema as OpenAPISchema
from litestar.routes import HTTPRoute
from litestar.typing import FieldDefinition

from market.core.schemas import Schema, SchemaIn

__all__ = ["BEARER", "SECURITY_SCHEMES", "ClosedRequestBodies", "ErrorField", "ErrorOut", "describe_answers"]

BEARER = "BearerToken"
SECURITY_SCHEMES = Components(security_schemes={
    BEARER: SecurityScheme(type="http", scheme="bearer", bearer_format="JWT",
                           description="The token from POST /api/auth/login, or the session cookie it sets.")})


class ClosedRequestBodies(StructSchemaPlugin):
    """Request bodies refuse unknown fields (`SchemaIn`); their schema says so with `additionalProperties: false`.

    A body that needs one of some optional fields (a login's `password` or `code`) names them in a ClassVar
    `ONE_OF_REQUIRED`; its schema says so with `anyOf` (one `required` each).
    """

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        """Only the request Structs."""
        return super().is_plugin_supported_field(field_definition) and field_definition.is_subclass_of(SchemaIn)

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> OpenAPISchema:
        """Litestar's schema for the Struct, closed to other properties."""
        schema = super().to_openapi_schema(field_definition, schema_creator)
        schema.additional_properties = False
        alternatives = getattr(field_definition.annotation, "ONE_OF_REQUIRED", ())
        if alternatives:
            schema.any_of = [OpenAPISchema(required=[name]) for name in alternatives]
        return schema


class ErrorField(Schema):
    """One bad field: its JSON path (for programs), a message naming it in words, and the message's code."""

    field: str
    message: str
    code: str


class ErrorOut(Schema):
    """The one error shape: `detail` and each field's `message` are in the request's language."""

    status_code: int
    code: str
    detail: str
    fields: list[ErrorField]


_MEANING = {
    400: "The request is not valid; `fields` names each bad field.",
    401: "No valid login came with the request.",
    403: "The caller may not do this.",
    404: "Not found, or not the caller's to see.",
    409: "The request clashes with the current state.",
    413: "The request body is too large.",
    429: "Too many attempts; see Retry-After.",
}

EXTRA_ANSWERS: dict[str, tuple[int, ...]] = {
    "Register": (401, 409, 429),
    "Login": (401, 403, 404, 429),
    "SendSmsCode": (429,),
    "ResetPassword": (401, 403, 404, 429),
    "UpdateMyWorkerProfile": (409, 429),
    "UpdateWorker": (409,),
    "SearchWorker": (404,),
    "RegisterWalkIn": (409,),
    "UpdateMyEmployer": (409,),
    "CreateJob": (404, 409),
    "AcceptJob": (409, 429),
    "CancelJob": (409,),
    "CheckIn": (403, 409),
    "CompleteOrder": (403, 409),
    "MarkOrderPaid": (403, 409),
    "ConfirmPayment": (403, 409),
    "CancelOrder": (409,),
    "SendConsentCode": (409, 429),
    "RecordNoShow": (403, 409),
    "ObjectToNoShow": (403, 409),
    "DecideNoShowObjection": (403, 409),
    "VerifyContract": (429,),
    "FileComplaint": (409,),
    "AssignCase": (409,),
    "AddCaseNote": (409,),
    "IssueCaseLetter": (409,),
    "CloseCase": (409,),
    "ReopenCase": (409,),
    "EscalateCase": (409,),
    "ReplyToCase": (409,),
    "AnswerCaseFollowUp": (409,),
    "GetEmployerGrade": (404,),
    "ReviewEmployerGrade": (404, 409),
    "AnswerGradeNotice": (403, 404, 409),
}
"""Answers beyond what a route's shape implies, by operation: the refusals, conflicts and limits its service can
raise (403 on an unguarded route: an act that is another party's, `market.accounts.policy`)."""


def _answers(handler: HTTPRouteHandler, public: bool) -> set[int]:
    parameters = handler.parsed_fn_signature.parameters
    answers = set(EXTRA_ANSWERS.get(handler.operation_id if isinstance(handler.operation_id, str) else "", ()))
    takes_input = any(name not in ("request", "self") and name not in handler.resolve_dependencies()
                      for name in parameters)
    if takes_input or "data" in parameters or handler.http_methods & {"POST", "PUT", "PATCH"}:
        answers.add(400)
    if "data" in parameters or handler.http_methods & {"POST", "PUT", "PATCH"}:
        answers.add(413)
    if "{" in next(iter(handler.paths), ""):
        answers.add(404)
    if not public:
        answers.add(401)
        if handler.resolve_guards():
            answers.add(403)
    return answers


def _routes(app: Litestar) -> list[HTTPRouteHandler]:
    return [handler for route in app.routes if isinstance(route, HTTPRoute) for handler in route.route_handlers
            if handler.include_in_schema]


def describe_answers(app: Litestar) -> None:
    """Mark each guarded operation as needing the bearer token and list the error answers each operation gives.

    Derived from the same `opt` the auth middleware reads, so the schema cannot call a public route guarded.
    """
    if app.openapi_config is not None:  # the auth backend put its token on every route; each says its own below
        app.openapi_config.security = None
    for handler in _routes(app):
        public = bool(handler.opt.get("exclude_from_auth"))
        if not public:
            handler.security = [{BEARER: []}]
        errors: dict[int, Any] = {
            status: ResponseSpec(data_container=ErrorOut, description=_MEANING[status], generate_examples=False)
            for status in sorted(_answers(handler, public))}
        handler.responses = {**errors, **(handler.responses or {})}
