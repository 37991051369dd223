"""Resolve a free-text skill to a trade: exact name, filler affixes, pinyin typo, contained name, fuzzy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from matching.normalize import core_forms, is_latin, normalize_skill, pinyin_key
from matching.taxonomy import Taxonomy, load_taxonomy, on_change

__all__ = ["Resolution", "resolve_skill", "split_compound"]

# Confidence given to each way of recognising a trade; exact names are certain.
PINYIN_TYPO_CONFIDENCE = 0.9
TYPED_PINYIN_CONFIDENCE = 0.95
CONTAINED_BASE_CONFIDENCE = 0.8
FUZZY_CUTOFF = 80.0
FUZZY_SCALE = 0.9


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a skill text was recognised as: its normalised text, trade code (or None) and confidence."""

    text: str
    code: str | None
    confidence: float
    method: str


def _exact(taxonomy: Taxonomy, forms: tuple[str, ...]) -> str | None:
    for form in forms:
        for candidate in (form, form + "工"):
            code = taxonomy.alias_to_code.get(candidate)
            if code is not None:
                return code
    return None


def _pinyin(taxonomy: Taxonomy, forms: tuple[str, ...]) -> Resolution | None:
    """A typo typed with a pinyin IME sounds like a trade name and keeps at least one of its characters."""
    for form in forms:
        codes = taxonomy.pinyin_to_codes.get(pinyin_key(form), set())
        if is_latin(form):
            if len(form) >= 4 and len(codes) == 1:
                return Resolution(forms[0], next(iter(codes)), TYPED_PINYIN_CONFIDENCE, "pinyin")
            continue
        sharing = {
            code for code in codes
            if any(set(form) & set(name) for name in _cjk_names(taxonomy, code) if pinyin_key(name) == pinyin_key(form))
        }
        if len(sharing) == 1:
            return Resolution(forms[0], sharing.pop(), PINYIN_TYPO_CONFIDENCE, "pinyin")
    return None


@lru_cache(maxsize=256)
def _cjk_names(taxonomy: Taxonomy, code: str) -> tuple[str, ...]:
    return tuple(alias for alias, c in taxonomy.alias_to_code.items() if c == code and not is_latin(alias))


def _contained(taxonomy: Taxonomy, core: str) -> Resolution | None:
    """A trade name inside a longer phrase; the head (last-ending, then longest) name wins: 小区保洁 → 保洁."""
    best: tuple[int, int, str] | None = None
    for alias in taxonomy.cjk_aliases:
        if len(alias) >= 2 and alias != core:
            at = core.rfind(alias)
            if at >= 0:
                key = (at + len(alias), len(alias), alias)
                if best is None or key > best:
                    best = key
    if best is None:
        return None
    coverage = best[1] / len(core)
    confidence = CONTAINED_BASE_CONFIDENCE + (1 - CONTAINED_BASE_CONFIDENCE) * coverage
    return Resolution(core, taxonomy.alias_to_code[best[2]], confidence, "contains")


def _fuzzy(taxonomy: Taxonomy, core: str) -> Resolution | None:
    if len(core) < 3:
        return None
    choices = taxonomy.cjk_aliases if not is_latin(core) else tuple(a for a in taxonomy.alias_to_code if is_latin(a))
    found = process.extractOne(core, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if found is None:
        return None
    return Resolution(core, taxonomy.alias_to_code[found[0]], FUZZY_SCALE * found[1] / 100.0, "fuzzy")


@lru_cache(maxsize=65536)
def resolve_skill(text: str) -> Resolution:
    """Recognise a skill text as a trade of the taxonomy, or say it is free text (code None)."""
    taxonomy = load_taxonomy()
    norm = normalize_skill(text)
    if not norm:
        return Resolution(norm, None, 0.0, "empty")
    forms = core_forms(norm)
    code = _exact(taxonomy, forms)
    if code is not None:
        return Resolution(norm, code, 1.0, "exact")
    found = _pinyin(taxonomy, forms)
    if found is None and not is_latin(norm):
        found = _contained(taxonomy, forms[-1])
    if found is None:
        found = _fuzzy(taxonomy, forms[-1])
    if found is None:
        return Resolution(norm, None, 0.0, "free")
    return Resolution(norm, found.code, found.confidence, found.method)


@lru_cache(maxsize=65536)
def split_compound(text: str) -> tuple[str, ...]:
    """Trade names run together without a separator ("电工焊工", "保安保洁") split into each; else (text,).

    Only when the whole text is covered by two or more names, and is not itself a name: 开荒保洁 stays whole.
    """
    taxonomy = load_taxonomy()
    norm = normalize_skill(text)
    if len(norm) < 4 or is_latin(norm) or _exact(taxonomy, core_forms(norm)) is not None:
        return (text,)
    names = taxonomy.alias_to_code
    # best[i]: fewest names covering norm[:i]; back[i]: where the last of them starts
    best: list[float] = [0.0] + [float("inf")] * len(norm)
    back = [0] * (len(norm) + 1)
    for end in range(2, len(norm) + 1):
        for start in range(max(0, end - 8), end - 1):
            if best[start] + 1 < best[end] and norm[start:end] in names:
                best[end], back[end] = best[start] + 1, start
    if best[-1] == float("inf") or best[-1] < 2:
        return (text,)
    parts, end = [], len(norm)
    while end > 0:
        parts.append(norm[back[end]:end])
        end = back[end]
    return tuple(reversed(parts))


for _cache in (_cjk_names, resolve_skill, split_compound):
    on_change(_cache.cache_clear)
