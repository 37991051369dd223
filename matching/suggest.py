"""Autocompletion of trade names for the UI: Chinese, traditional, pinyin (full or initials) and English."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from matching.normalize import is_latin, normalize_skill, pinyin_initials, pinyin_key
from matching.resolve import resolve_skill
from matching.taxonomy import load_taxonomy, on_change

__all__ = ["Suggestion", "suggest"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A trade offered for what the user typed, and the name that matched."""

    code: str
    zh: str
    en: str
    matched: str

    def as_dict(self) -> dict[str, str]:
        """JSON shape: {code, zh, en, matched}."""
        return {"code": self.code, "zh": self.zh, "en": self.en, "matched": self.matched}


@dataclass(frozen=True, slots=True)
class _Name:
    code: str
    text: str
    norm: str
    pinyin: str
    initials: str
    words: tuple[str, ...]
    canonical: bool


@lru_cache(maxsize=1)
def _names() -> tuple[_Name, ...]:
    found = []
    for trade in load_taxonomy().trades:
        for text in trade.names():
            norm = normalize_skill(text)
            latin = is_latin(norm)
            found.append(_Name(
                code=trade.code, text=text, norm=norm,
                pinyin="" if latin else pinyin_key(norm), initials="" if latin else pinyin_initials(norm),
                words=tuple(text.lower().split()) if latin else (), canonical=text in (trade.zh, trade.en),
            ))
    return tuple(found)


def _tier(query: str, name: _Name) -> int | None:
    """How well a name answers the query: 0 exact, 1 prefix, 2 pinyin, 3 initials, 4 English word, 5 inside."""
    if name.norm == query:
        return 0
    if name.norm.startswith(query):
        return 1
    if is_latin(query):
        if name.pinyin.startswith(query) and len(query) >= 2:
            return 2
        if name.initials.startswith(query) and len(query) >= 2:
            return 3
        if any(word.startswith(query) for word in name.words):
            return 4
    if len(query) >= 2 and query in name.norm:
        return 5
    return None


def suggest(text: str, limit: int = 10) -> list[Suggestion]:
    """Trades whose names start with, sound like or contain what was typed; best first, one per trade."""
    query = normalize_skill(text)
    if not query or limit <= 0:
        return []
    best: dict[str, tuple[tuple[int, int, int, str], _Name]] = {}
    for name in _names():
        tier = _tier(query, name)
        if tier is None:
            continue
        key = (tier, 0 if name.canonical else 1, len(name.norm), name.code)
        if name.code not in best or key < best[name.code][0]:
            best[name.code] = (key, name)
    resolution = resolve_skill(text)
    if resolution.code is not None and resolution.code not in best:
        trade = load_taxonomy().get(resolution.code)
        best[resolution.code] = ((6, 0, 0, trade.code), _Name(trade.code, trade.zh, "", "", "", (), True))
    ranked = sorted(best.values(), key=lambda item: item[0])[:limit]
    taxonomy = load_taxonomy()
    return [
        Suggestion(name.code, taxonomy.get(name.code).zh, taxonomy.get(name.code).en, name.text) for _, name in ranked
    ]


on_change(_names.cache_clear)
