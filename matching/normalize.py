"""Normalise skill text: width, traditional→simplified, case, spaces, punctuation, filler affixes, pinyin."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc
from pypinyin import Style, lazy_pinyin

__all__ = ["core_forms", "is_latin", "normalize_skill", "pinyin_initials", "pinyin_key", "split_skill_text"]

_T2S = opencc.OpenCC("t2s")
_DROP = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_SEPARATORS = re.compile(r"[/、,;|+&\\]+")
_CJK = re.compile(r"[\u3400-\u9fff]")

# Words people put around a trade name that do not change the trade ("熟练电焊工人" is "电焊").
_SUFFIXES = ("师傅", "人员", "工人", "阿姨", "大姐", "小哥", "大叔", "员", "工", "师", "匠")
_PREFIXES = (
    "有经验的", "有经验", "专业", "熟练", "资深", "高级", "中级", "初级", "持证", "有证", "会", "懂", "招", "找",
)


@lru_cache(maxsize=65536)
def normalize_skill(text: str) -> str:
    """Full/half width, traditional → simplified, lower case; drop spaces and punctuation."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return _DROP.sub("", _T2S.convert(folded))


@lru_cache(maxsize=65536)
def split_skill_text(text: str) -> tuple[str, ...]:
    """One text naming several skills ("电工/焊工", "保洁、家政", "瓦工 木工") split into one per skill."""
    folded = unicodedata.normalize("NFKC", text)
    parts = _SEPARATORS.split(folded)
    if _CJK.search(folded):
        parts = [word for part in parts for word in part.split()]
    parts = [part.strip() for part in parts if part.strip()]
    return (text,) if len(parts) <= 1 else tuple(parts)


def _strip_once(text: str) -> str | None:
    for prefix in _PREFIXES:
        if text.startswith(prefix) and len(text) - len(prefix) >= 2:
            return text[len(prefix):]
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            return text[: -len(suffix)]
    return None


@lru_cache(maxsize=65536)
def core_forms(norm: str) -> tuple[str, ...]:
    """The normalised text, then each shorter form with one more filler prefix or suffix removed."""
    forms = [norm]
    current: str | None = norm
    while current is not None and not is_latin(current):
        current = _strip_once(current)
        if current is not None:
            forms.append(current)
    return tuple(forms)


def is_latin(text: str) -> bool:
    """True when the text has no Chinese characters (English words or typed pinyin)."""
    return text.isascii()


@lru_cache(maxsize=65536)
def pinyin_key(norm: str) -> str:
    """Toneless pinyin of the text without separators ("保洁" → "baojie"); Latin text is kept as is."""
    if is_latin(norm):
        return norm
    return "".join(lazy_pinyin(norm, errors="default"))


@lru_cache(maxsize=65536)
def pinyin_initials(norm: str) -> str:
    """First letters of each syllable ("保洁" → "bj")."""
    if is_latin(norm):
        return norm
    return "".join(p[:1] for p in lazy_pinyin(norm, style=Style.FIRST_LETTER, errors="default"))
