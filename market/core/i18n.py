"""Messages in zh-CN and en, chosen per request from `Accept-Language`."""

from __future__ import annotations

import re
from typing import Any

from market.core.messages import FIELD_NAMES, FIELD_UNITS, MESSAGES, VALUE_NAMES

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "field_label", "field_message", "pick_language", "translate"]

_INDEX = re.compile(r"\[(\d+)\]")

DEFAULT_LANGUAGE = "zh-CN"
LANGUAGES = ("zh-CN", "en")


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


def translate(code: str, language: str, **params: Any) -> str:
    """The message for `code` in `language`, with `params` filled in; the code itself if unknown."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry[0] if language == "zh-CN" else entry[1]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def field_label(field: str, language: str) -> str:
    """The field at dotted path `field` ("skills[1].name") in words: "技能名称（第2项）", "Skill name (item 2)"."""
    key = _INDEX.sub("", field)
    entry = FIELD_NAMES.get(key) or FIELD_NAMES.get(key.rsplit(".", 1)[-1])
    zh, en = entry if entry is not None else (f"字段「{field}」", f"Field `{field}`")
    items = [int(i) + 1 for i in _INDEX.findall(field)]
    if items:
        zh += "".join(f"（第{i}项）" for i in items)
        en += "".join(f" (item {i})" for i in items)
    return zh if language == "zh-CN" else en


def _unit(field: str) -> tuple[str, str]:
    last = _INDEX.sub("", field).rsplit(".", 1)[-1]
    return next((unit for ending, unit in FIELD_UNITS.items() if last.endswith(ending)), ("", ""))


def _choices_in_words(choices: str, language: str) -> str:
    words = [VALUE_NAMES.get(c.strip(), (c.strip(), c.strip())) for c in choices.split(",")]
    return "、".join(zh for zh, _ in words) if language == "zh-CN" else ", ".join(en for _, en in words)


def field_message(field: str, code: str, language: str, **params: Any) -> str:
    """The message about one field, naming it in words: "工钱金额不能小于 1 分", "Pay amount must be at least 1 fen"."""
    unit_zh, unit_en = _unit(field)
    params = {"unit": unit_zh, "unit_en": unit_en, **params}
    if "choices" in params:
        params["choices"], params["choices_en"] = (_choices_in_words(params["choices"], "zh-CN"),
                                                   _choices_in_words(params["choices"], "en"))
    label = field_label(field, language)
    text = translate(code, language, **params)
    return f"{label}{text}" if language == "zh-CN" else f"{label} {text}"
