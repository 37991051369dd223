"""One way to translate: a code and its parameters, put in words from the catalogue for one language (zh-CN, en).

Callers never choose between languages: they carry a code and parameters to the edge (an error answer, a
notification, a page), and only there `translate` picks the request's language. A parameter that is itself words
is a `Phrase` (a catalogue code with its own parameters) or a `Listing` of them, put in the same language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from market.core.messages import FIELD_NAMES, FIELD_UNITS, MESSAGES, VALUE_NAMES

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Listing", "Phrase", "field_label", "field_message", "in_words",
           "pick_language", "translate"]

_INDEX = re.compile(r"\[(\d+)\]")

DEFAULT_LANGUAGE = "zh-CN"
LANGUAGES = ("zh-CN", "en")


@dataclass(frozen=True, init=False)
class Phrase:
    """Words still to be chosen: a catalogue code and its parameters (`Phrase("order_status.paid")`)."""

    code: str
    params: dict[str, Any]

    def __init__(self, code: str, /, **params: Any) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)


@dataclass(frozen=True, init=False)
class Listing:
    """Several words joined as the language joins them: `join.or` ("求职者、用工方", "workers or employers")."""

    items: tuple[Any, ...]
    joiner: str

    def __init__(self, items: Iterable[Any], joiner: str = "join.or") -> None:
        object.__setattr__(self, "items", tuple(items))
        object.__setattr__(self, "joiner", joiner)


def pick_language(accept_language: str | None) -> str:
    """The best of our languages for an `Accept-Language` header (zh-CN when nothing fits)."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, *params = (piece.strip() for piece in part.split(";"))
        quality = next((p[2:].strip() for p in params if p.lower().startswith("q=")), "1")
        try:
            weight = float(quality)
        except ValueError:
            weight = 0.0
        if weight > 0:  # q=0 means "not this language"
            ranked.append((-weight, position, tag.lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith("zh"):
            return "zh-CN"
        if tag.startswith("en"):
            return "en"
    return DEFAULT_LANGUAGE


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "zh-CN" else pair[1]


def in_words(value: Any, language: str) -> Any:
    """`value` for a message in `language`: a `Phrase` or `Listing` put in words, anything else as it is."""
    if isinstance(value, Phrase):
        return translate(value.code, language, **value.params)
    if isinstance(value, Listing):
        return translate(value.joiner, language).join(str(in_words(item, language)) for item in value.items)
    return value


def translate(code: str, language: str, /, **params: Any) -> str:
    """The message for `code` in `language`, with `params` filled in; the code itself if unknown."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = _pick(entry, language)
    try:
        return template.format(**{name: in_words(value, language) for name, value in params.items()})
    except (KeyError, IndexError, ValueError):
        return template


def field_label(field: str, language: str) -> str:
    """The field at dotted path `field` ("skills[1].name") in words: "技能名称（第2项）", "Skill name (item 2)"."""
    key = _INDEX.sub("", field)
    entry = FIELD_NAMES.get(key) or FIELD_NAMES.get(key.rsplit(".", 1)[-1])
    label = _pick(entry, language) if entry is not None else translate("field.unknown", language, field=field)
    return label + "".join(translate("field.item", language, n=int(i) + 1) for i in _INDEX.findall(field))


def _unit(field: str, language: str) -> str:
    last = _INDEX.sub("", field).rsplit(".", 1)[-1]
    unit = next((unit for ending, unit in FIELD_UNITS.items() if last.endswith(ending)), ("", ""))
    return _pick(unit, language)


def _choices_in_words(choices: str, language: str) -> str:
    words = [_pick(VALUE_NAMES.get(c.strip(), (c.strip(), c.strip())), language) for c in choices.split(",")]
    return translate("join.list", language).join(words)


def field_message(field: str, code: str, language: str, /, **params: Any) -> str:
    """The message about one field, naming it in words: "工钱金额不能小于 1 分", "Pay amount must be at least 1 fen"."""
    params = {"unit": _unit(field, language), **params}
    if isinstance(params.get("choices"), str):
        params["choices"] = _choices_in_words(params["choices"], language)
    label = field_label(field, language)
    text = translate(code, language, **params)
    return f"{label}{text}" if language == "zh-CN" else f"{label} {text}"
