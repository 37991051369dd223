"""Skill similarity: one required skill against one held skill, in 0..1, honouring certificates."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz

from matching.model import skill_parts
from matching.normalize import pinyin_key
from matching.resolve import Resolution, resolve_skill
from matching.taxonomy import load_taxonomy

__all__ = [
    "PINYIN_EQUAL_SIMILARITY",
    "UNCERTIFIED_FACTOR",
    "free_text_similarity",
    "free_text_transform",
    "shared_head",
    "skill_similarity",
]

# A worker without the certificate a trade needs matches it at this fraction of the full similarity.
UNCERTIFIED_FACTOR = 0.5
# Two unknown phrases that sound the same (a pinyin typo of each other).
PINYIN_EQUAL_SIMILARITY = 0.85
# fuzz.ratio below this is noise for short Chinese phrases ("保安" vs "保洁" is 50).
FREE_TEXT_FLOOR = 50.0
# A shared head scores HEAD_WEIGHT × its share of the shorter phrase, less LENGTH_PENALTY × the length mismatch.
HEAD_WEIGHT = 0.75
LENGTH_PENALTY = 0.15


def free_text_transform(ratio: np.ndarray) -> np.ndarray:
    """Map rapidfuzz ratios (0..100) of two unknown phrases to a similarity (0 at the floor, 1 at 100)."""
    return np.clip((ratio - FREE_TEXT_FLOOR) / (100.0 - FREE_TEXT_FLOOR), 0.0, 1.0)


def shared_head(a: str, b: str) -> float:
    """Similarity from the head (the ending) of the shorter phrase found in the longer: 飞手 ~ 无人机飞手.

    Chinese trade phrases put the work last and the domain first, so a shared head of two or more characters
    says more than shared characters elsewhere (无人机操作员 and 无人机飞手 share only the domain).
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    for size in range(len(short), 1, -1):
        if short[-size:] in long:
            return max(0.0, HEAD_WEIGHT * size / len(short) - LENGTH_PENALTY * (1 - len(short) / len(long)))
    return 0.0


def free_text_similarity(a: str, b: str) -> float:
    """Similarity of two normalised phrases outside the taxonomy: spelling, shared head, then sound."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    value = max(float(free_text_transform(np.array(fuzz.ratio(a, b)))), shared_head(a, b))
    if min(len(a), len(b)) >= 2 and pinyin_key(a) == pinyin_key(b):
        value = max(value, PINYIN_EQUAL_SIMILARITY)
    return value


def resolved_similarity(required: Resolution, held: Resolution, certified: bool) -> float:
    """Similarity of two resolved skills: by trade when both are known, else by text."""
    taxonomy = load_taxonomy()
    if required.code is not None and held.code is not None:
        value = taxonomy.trade_similarity(required.code, held.code) * required.confidence * held.confidence
    else:
        value = free_text_similarity(required.text, held.text)
    if required.code is not None and not certified and taxonomy.get(required.code).certificate_required:
        value *= UNCERTIFIED_FACTOR
    return value


def skill_similarity(required: str, held: str, certified: bool = False) -> float:
    """How well a held skill (with or without its certificate) covers a required skill, 0..1.

    Texts naming several skills ("电工/焊工") are split: each required part takes its best held part, and the
    parts are averaged, as the rankings do.
    """
    held_parts = [resolve_skill(part) for part in skill_parts(held)]
    required_parts = skill_parts(required)
    total = sum(
        max(resolved_similarity(resolve_skill(part), h, certified) for h in held_parts) for part in required_parts
    )
    return total / len(required_parts)
