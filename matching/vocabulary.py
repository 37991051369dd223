"""Interned skill vocabulary: each distinct skill text gets an id; similarity vectors over all ids are cached."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from rapidfuzz import fuzz, process

from matching.normalize import pinyin_key
from matching.resolve import Resolution, resolve_skill
from matching.similarity import PINYIN_EQUAL_SIMILARITY, UNCERTIFIED_FACTOR, free_text_transform, shared_head
from matching.taxonomy import load_taxonomy

__all__ = ["PAD_ID", "SkillVocabulary"]

PAD_ID = 0  # id 0 is "no skill": its similarity to everything is 0
_CACHE_LIMIT = 8192


class SkillVocabulary:
    """Distinct (skill text, certified) pairs with their resolution; similarity vectors cached per query skill."""

    def __init__(self) -> None:
        """Start with only the padding entry."""
        self._ids: dict[tuple[str, bool], int] = {}
        self.texts: list[str] = [""]
        self._pinyin: list[str] = [""]
        self._trade = np.full(16, -1, dtype=np.int64)
        self._confidence = np.zeros(16, dtype=np.float64)
        self._certified = np.zeros(16, dtype=bool)
        self._cache: dict[tuple[str, str, bool], np.ndarray] = {}

    def __len__(self) -> int:
        """Number of ids, the padding id included."""
        return len(self.texts)

    def intern(self, text: str, certified: bool = False) -> int:
        """The id of a skill text (with its certificate flag), adding it when new; PAD_ID for empty text."""
        resolution = resolve_skill(text)
        if not resolution.text:
            return PAD_ID
        key = (resolution.text, certified)
        found = self._ids.get(key)
        if found is not None:
            return found
        new_id = len(self.texts)
        if new_id >= len(self._trade):
            self._grow()
        taxonomy = load_taxonomy()
        self._trade[new_id] = -1 if resolution.code is None else taxonomy.index[resolution.code]
        self._confidence[new_id] = resolution.confidence
        self._certified[new_id] = certified
        self.texts.append(resolution.text)
        self._pinyin.append(pinyin_key(resolution.text))
        self._ids[key] = new_id
        return new_id

    def _grow(self) -> None:
        size = len(self._trade) * 2
        self._trade = np.concatenate([self._trade, np.full(size - len(self._trade), -1, dtype=np.int64)])
        self._confidence = np.concatenate([self._confidence, np.zeros(size - len(self._confidence))])
        self._certified = np.concatenate([self._certified, np.zeros(size - len(self._certified), dtype=bool)])

    def _free_text(self, text: str, start: int, stop: int, only: np.ndarray | None = None) -> np.ndarray:
        """Free-text similarity of `text` to entries start..stop-1 (same rule as free_text_similarity).

        `only` (a mask over the block) limits the Python-level head rule to the entries whose value will be used.
        """
        texts = self.texts[start:stop]
        ratio = process.cdist([text], texts, scorer=fuzz.ratio, dtype=np.float64)[0]
        values = free_text_transform(ratio)
        for i in np.flatnonzero(only if only is not None else np.ones(len(texts), dtype=bool)).tolist():
            if texts[i]:
                values[i] = max(values[i], shared_head(text, texts[i]))
        if len(text) >= 2:
            key = pinyin_key(text)
            sounds = np.array([p == key and len(t) >= 2 for p, t in zip(self._pinyin[start:stop], texts, strict=True)])
            values = np.where(sounds, np.maximum(values, PINYIN_EQUAL_SIMILARITY), values)
        values[np.array([t == text for t in texts], dtype=bool)] = 1.0
        return values

    def _held_block(self, required: Resolution, start: int, stop: int) -> np.ndarray:
        """Entries start..stop-1 as held skills, against one required skill."""
        taxonomy = load_taxonomy()
        trade = self._trade[start:stop]
        values = self._free_text(required.text, start, stop, trade < 0 if required.code is not None else None)
        if required.code is not None:
            row = taxonomy.index[required.code]
            known = trade >= 0
            values[known] = taxonomy.similarity[row, trade[known]] * required.confidence * self._confidence[
                start:stop][known]
            if taxonomy.certificate_required[row]:
                values = np.where(self._certified[start:stop], values, values * UNCERTIFIED_FACTOR)
        return values

    def _required_block(self, held: Resolution, certified: bool, start: int, stop: int) -> np.ndarray:
        """Entries start..stop-1 as required skills, against one held skill."""
        taxonomy = load_taxonomy()
        trade = self._trade[start:stop]
        known = trade >= 0
        values = self._free_text(held.text, start, stop, ~known if held.code is not None else None)
        if held.code is not None:
            column = taxonomy.index[held.code]
            values[known] = taxonomy.similarity[trade[known], column] * self._confidence[start:stop][known] * (
                held.confidence)
        if not certified:
            needs = np.zeros(stop - start, dtype=bool)
            needs[known] = taxonomy.certificate_required[trade[known]]
            values = np.where(needs, values * UNCERTIFIED_FACTOR, values)
        return values

    def _cached(self, key: tuple[str, str, bool], block: Callable[[int, int], np.ndarray]) -> np.ndarray:
        vector = self._cache.get(key)
        size = len(self.texts)
        if vector is None or len(vector) < size:
            start = 0 if vector is None else len(vector)
            fresh = block(max(start, 1), size) if size > max(start, 1) else np.zeros(0)
            head = np.zeros(1) if vector is None else vector
            vector = np.concatenate([head, fresh])
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = vector
        return vector

    def against_required(self, required: str) -> np.ndarray:
        """Similarity of every id (as a held skill) to one required skill; index the result with ids."""
        resolution = resolve_skill(required)
        return self._cached(("req", resolution.text, False), lambda a, b: self._held_block(resolution, a, b))

    def against_held(self, held: str, certified: bool) -> np.ndarray:
        """Similarity of every id (as a required skill) to one held skill; index the result with ids."""
        resolution = resolve_skill(held)
        return self._cached(
            ("held", resolution.text, certified), lambda a, b: self._required_block(resolution, certified, a, b)
        )
