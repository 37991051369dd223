"""Every bad field of a request body at once: msgspec stops at the first error, so on failure each field is
converted on its own (nested objects and list items too) and every problem is collected."""

from __future__ import annotations

import re
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import msgspec

from market.core.errors import FieldProblem
from market.core.i18n import Phrase
from market.core.messages import MESSAGES
from market.core.text import LINE_PATTERN, NAME_PATTERN, PASSWORD_PATTERN

__all__ = ["PATTERNS", "PATTERN_CODES", "annotation_alternatives", "body_problems", "problem_from_message", "struct_of"]

PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Object missing required field `(?P<name>[^`]+)`"), "required"),
    (re.compile(r"Object contains unknown field `(?P<name>[^`]+)`"), "unknown_field"),
    (re.compile(r"Expected `(str|array)` of length >= (?P<min>\d+)"), "min_len"),
    (re.compile(r"Expected `(str|array)` of length <= (?P<max>\d+)"), "max_len"),
    (re.compile(r"Expected `(int|float)` >= (?P<min>-?[\d.e+]+)"), "too_small"),
    (re.compile(r"Expected `(int|float)` <= (?P<max>-?[\d.e+]+)"), "too_large"),
    (re.compile(r"Expected `(int|float)` > (?P<min>-?[\d.e+]+)"), "not_above"),
    (re.compile(r"Expected `(int|float)` < (?P<max>-?[\d.e+]+)"), "not_below"),
    (re.compile(r"Expected `str` matching regex '(?P<pattern>.*)'$", re.S), "pattern"),
    (re.compile(r"Hidden characters in `(?P<name>[^`]+)`"), "hidden"),
    (re.compile(r"Invalid enum value"), "bad_value"),
    (re.compile(r"(Invalid RFC3339 encoded datetime|Expected `datetime` with a timezone)"), "bad_datetime"),
    (re.compile(r"Expected `(?P<expected>\w+)`(?:.*?), got"), "wrong_type"),
]
"""msgspec's messages, matched to our codes; each pattern yields the code and its parameters."""
PATTERN_CODES = {PASSWORD_PATTERN: "password_weak"}
"""Patterns that are a rule of their own; the text patterns (`market.core.text`) mean bad characters."""
_AT = re.compile(r" - at `\$(?P<rest>[^`]*)`$")


def _number(text: str) -> str:
    """`90.0` → `90`, `1e+08` → `100000000`: how a person writes a bound."""
    value = float(text)
    return str(int(value)) if value.is_integer() else text


def _join(path: str, rest: str) -> str:
    if not rest:
        return path
    if rest.startswith("["):
        return f"{path}{rest}"
    return f"{path}.{rest.lstrip('.')}" if path else rest.lstrip(".")


def problem_from_message(path: str, message: str, value: Any = None) -> FieldProblem:
    """Our field problem for one msgspec message about the value at `path` ("" for the body itself)."""
    at = _AT.search(message)
    if at:
        path = _join(path, at.group("rest"))
        message = message[: at.start()]
    for pattern, code in PATTERNS:
        match = pattern.search(message)
        if not match:
            continue
        params: dict[str, Any] = match.groupdict()
        if code == "hidden":
            code, path = "bad_characters", _join(path, params.pop("name"))
        if code in ("required", "unknown_field"):
            path = _join(path, params.pop("name"))
        if code in ("min_len", "max_len"):
            is_text = match.group(1) == "str"
            code = ("too_short" if code == "min_len" else "too_long") if is_text else (
                "too_few_items" if code == "min_len" else "too_many_items")
        if code == "too_short" and params.get("min") == "1":
            code, params = "blank", {}
        if code in ("too_small", "too_large", "not_above", "not_below"):
            params = {k: _number(v) for k, v in params.items()}
        if code == "pattern":
            code = PATTERN_CODES.get(params.pop("pattern"), "bad_characters")
            params = {}
            if code == "bad_characters" and isinstance(value, str) and _lacks_only_visible_text(value):
                code = "no_visible_text"
        if code == "wrong_type":
            kind = f"type.{params['expected']}"  # a kind the catalogue names, else msgspec's own words
            params = {"expected": Phrase(kind) if kind in MESSAGES else params["expected"]}
        return FieldProblem(path or "body", code, params)
    return FieldProblem(path or "body", "bad_value", {})


def _lacks_only_visible_text(value: str) -> bool:
    """True when `value` is clean text that only lacks something visible (the name rule, not the characters)."""
    return re.search(LINE_PATTERN, value) is not None and re.search(NAME_PATTERN, value) is None


def annotation_alternatives(annotation: Any) -> list[Any]:
    """The alternatives of `annotation` without Annotated wrappers, None or UNSET."""
    if get_origin(annotation) is Annotated:
        return annotation_alternatives(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        return [alt for arg in get_args(annotation) for alt in annotation_alternatives(arg)]
    if annotation in (type(None), msgspec.UnsetType):
        return []
    return [annotation]


def struct_of(annotation: Any) -> type[msgspec.Struct] | None:
    """The msgspec Struct among the alternatives of `annotation`, if one is."""
    return next((a for a in annotation_alternatives(annotation)
                 if isinstance(a, type) and issubclass(a, msgspec.Struct)), None)


def _list_item(annotation: Any) -> Any | None:
    return next((get_args(a)[0] for a in annotation_alternatives(annotation)
                 if get_origin(a) is list and get_args(a)), None)


def _choices(annotation: Any) -> list[str] | None:
    literal = next((a for a in annotation_alternatives(annotation) if get_origin(a) is Literal), None)
    return [str(choice) for choice in get_args(literal)] if literal is not None else None


def _value_problems(annotation: Any, raw: Any, path: str) -> list[FieldProblem]:
    try:
        msgspec.convert(raw, annotation, strict=False)
        return []
    except msgspec.ValidationError as exc:
        error = str(exc)
    nested = struct_of(annotation)
    if nested is not None and isinstance(raw, dict):
        return _struct_problems(nested, raw, path)
    item = _list_item(annotation)
    if item is not None and isinstance(raw, list) and struct_of(item) is not None:
        found = [p for index, value in enumerate(raw) for p in _value_problems(item, value, f"{path}[{index}]")]
        if found:
            return found
    choices = _choices(annotation)
    if choices is not None and "Invalid enum value" in error:
        return [FieldProblem(path, "not_one_of", {"choices": ", ".join(choices)})]
    return [problem_from_message(path, error, raw)]


def _struct_problems(struct: type[msgspec.Struct], raw: Any, path: str) -> list[FieldProblem]:
    if not isinstance(raw, dict):
        return _plain_problems(struct, raw, path)
    fields = {f.encode_name: f for f in msgspec.structs.fields(struct)}
    problems = []
    if struct.__struct_config__.forbid_unknown_fields:
        problems += [FieldProblem(_join(path, str(key)), "unknown_field") for key in raw if key not in fields]
    for name, field in fields.items():
        if name in raw:
            problems += _value_problems(field.type, raw[name], _join(path, name))
        elif field.required:
            problems.append(FieldProblem(_join(path, name), "required"))
    return problems or _plain_problems(struct, raw, path)  # rules across fields (`__post_init__`)


def _plain_problems(annotation: Any, raw: Any, path: str) -> list[FieldProblem]:
    try:
        msgspec.convert(raw, annotation, strict=False)
        return []
    except msgspec.ValidationError as exc:
        return [problem_from_message(path, str(exc), raw)]


def body_problems(annotation: Any, raw: Any) -> list[FieldProblem]:
    """Every problem of the decoded JSON body `raw` for a handler's `data: annotation`; [] when it converts."""
    if raw is None and type(None) in get_args(annotation):
        return []
    struct = struct_of(annotation)
    if struct is None:
        return _plain_problems(annotation, raw, "")
    if raw is None:
        return _plain_problems(annotation, raw, "")
    return _struct_problems(struct, raw, "")
