"""One exception hierarchy for the domain; `market.core.error_responses` turns it into the one error shape."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, ClassVar

from market.core.i18n import field_message, translate

__all__ = [
    "Conflict",
    "FieldProblem",
    "Forbidden",
    "Invalid",
    "MarketError",
    "NotAuthenticated",
    "NotFound",
    "TooManyRequests",
]


@dataclass(frozen=True)
class FieldProblem:
    """One bad field: its dotted path, a message code from the catalogue, and values for the message."""

    field: str
    code: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)


class MarketError(Exception):
    """A failure the client caused or must hear about; carries a stable code and message parameters."""

    status_code: ClassVar[int] = 400

    def __init__(self, code: str, fields: list[FieldProblem] | None = None, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.fields = fields or []
        self.params = params

    def __str__(self) -> str:
        """In English, naming the fields in words: what a log line or the command line shows ("Phone number must …")."""
        if self.fields:
            return "; ".join(field_message(p.field, p.code, "en", **p.params) for p in self.fields)
        return translate(self.code, "en", **self.params)


class Invalid(MarketError):
    """The request is well-formed but its values break a rule; names the fields."""

    status_code = 400

    @classmethod
    def field(cls, field: str, code: str, /, **params: Any) -> Invalid:
        """A validation error about one field; `params` fill its message and may use any name (even `name`)."""
        return cls("validation_failed", [FieldProblem(field, code, params)])


class NotAuthenticated(MarketError):
    """No valid login came with the request."""

    status_code = 401


class Forbidden(MarketError):
    """The caller is known but may not do this."""

    status_code = 403


class NotFound(MarketError):
    """The thing asked for does not exist, or the caller may not know it does."""

    status_code = 404


class Conflict(MarketError):
    """The request clashes with the current state: a full job, an illegal transition, a duplicate."""

    status_code = 409


class TooManyRequests(MarketError):
    """The caller must slow down; `retry_after_s` becomes the Retry-After header."""

    status_code = 429

    def __init__(self, code: str = "too_many_requests", /, *, retry_after_s: int | None = None) -> None:
        super().__init__(code)
        self.retry_after_s = retry_after_s
