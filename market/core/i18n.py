"""Messages in zh-CN and en, chosen per request from `Accept-Language`."""

from __future__ import annotations

from typing import Any

from market.core.messages import MESSAGES

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "pick_language", "translate"]

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
