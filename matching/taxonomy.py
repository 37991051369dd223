"""The trades (工种) taxonomy shipped in data/trades.json: names, synonyms, relations and certificates.

A service may add synonyms and trades at run time (`install_additions`): the taxonomy in use becomes the shipped one
with the additions, and every cache that depends on it is dropped (`on_change`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import numpy as np

from matching.normalize import is_latin, normalize_skill, pinyin_key

__all__ = ["Addition", "Taxonomy", "Trade", "install_additions", "load_taxonomy", "on_change"]


@dataclass(frozen=True, slots=True)
class Trade:
    """One trade: its code, names and whether it needs a certificate."""

    code: str
    zh: str
    en: str
    category: str
    synonyms: tuple[str, ...]
    traditional: tuple[str, ...]
    en_synonyms: tuple[str, ...]
    certificate_required: bool
    certificate: str | None
    related: tuple[tuple[str, float], ...]

    def names(self) -> tuple[str, ...]:
        """Every name the trade is known by (Chinese, traditional, English)."""
        return (self.zh, *self.synonyms, *self.traditional, self.en, *self.en_synonyms)


class Taxonomy:
    """Trades indexed by code and by every normalised name, with a trade × trade similarity matrix."""

    def __init__(self, trades: list[Trade]) -> None:
        """Index the given trades; names must be unique across trades."""
        self.trades = tuple(trades)
        self.index = {t.code: i for i, t in enumerate(self.trades)}
        self.alias_to_code: dict[str, str] = {}
        self.pinyin_to_codes: dict[str, set[str]] = {}
        for trade in self.trades:
            for name in trade.names():
                norm = normalize_skill(name)
                if norm:
                    self.alias_to_code.setdefault(norm, trade.code)
                    if not is_latin(norm):
                        self.pinyin_to_codes.setdefault(pinyin_key(norm), set()).add(trade.code)
        self.cjk_aliases = tuple(sorted(a for a in self.alias_to_code if not is_latin(a)))
        self.similarity = self._similarity_matrix()
        self.certificate_required = np.array([t.certificate_required for t in self.trades], dtype=bool)

    def _similarity_matrix(self) -> np.ndarray:
        size = len(self.trades)
        matrix = np.eye(size, dtype=np.float64)
        for i, trade in enumerate(self.trades):
            for code, value in trade.related:
                j = self.index[code]
                matrix[i, j] = matrix[j, i] = max(matrix[i, j], value)
        return matrix

    def get(self, code: str) -> Trade:
        """The trade with this code (KeyError if unknown)."""
        return self.trades[self.index[code]]

    def trade_similarity(self, a: str, b: str) -> float:
        """Similarity of two trades by code: 1 for the same trade, the related value, else 0."""
        return float(self.similarity[self.index[a], self.index[b]])


def _trade_from_json(item: dict) -> Trade:
    return Trade(
        code=item["code"],
        zh=item["zh"],
        en=item["en"],
        category=item.get("category", ""),
        synonyms=tuple(item.get("synonyms", ())),
        traditional=tuple(item.get("traditional", ())),
        en_synonyms=tuple(item.get("en_synonyms", ())),
        certificate_required=bool(item.get("certificate_required", False)),
        certificate=item.get("certificate"),
        related=tuple((code, float(v)) for code, v in item.get("related", {}).items()),
    )


@lru_cache(maxsize=1)
def _shipped() -> Taxonomy:
    text = resources.files("matching").joinpath("data/trades.json").read_text(encoding="utf-8")
    return Taxonomy([_trade_from_json(item) for item in json.loads(text)["trades"]])


@dataclass(frozen=True, slots=True)
class Addition:
    """A synonym for an existing trade (`kind` "synonym": `code` the trade, `name` the word) or a new trade
    (`kind` "trade": `code`, `name` its Chinese name, `en`, `related_to` a trade it is close to, or "")."""

    kind: str
    code: str
    name: str
    en: str = ""
    category: str = ""
    related_to: str = ""


RELATED_SIMILARITY = 0.6
"""How close a new trade is to the trade it is said to be related to."""

_current: list[Taxonomy] = []
_listeners: list[Callable[[], None]] = []


def load_taxonomy() -> Taxonomy:
    """The taxonomy in use: the shipped one (loaded once per process) with the additions installed, if any."""
    return _current[0] if _current else _shipped()


def on_change(listener: Callable[[], None]) -> None:
    """Call `listener` (a cache's clear) whenever the taxonomy in use changes."""
    _listeners.append(listener)


def _with_additions(base: Taxonomy, additions: Sequence[Addition]) -> list[Trade]:
    trades = {trade.code: trade for trade in base.trades}
    taken = set(base.alias_to_code)
    for item in additions:
        name = normalize_skill(item.name)
        if not name or name in taken:
            continue  # a name must say one trade: the first to claim it keeps it
        if item.kind == "synonym" and item.code in trades:
            trade = trades[item.code]
            trades[item.code] = replace(trade, synonyms=(*trade.synonyms, item.name))
        elif item.kind == "trade" and item.code not in trades:
            related = ((item.related_to, RELATED_SIMILARITY),) if item.related_to in trades else ()
            trades[item.code] = Trade(code=item.code, zh=item.name, en=item.en or item.code, category=item.category,
                                      synonyms=(), traditional=(), en_synonyms=(), certificate_required=False,
                                      certificate=None, related=related)
        else:
            continue
        taken.add(name)
    return list(trades.values())


def install_additions(additions: Sequence[Addition]) -> Taxonomy:
    """Make the taxonomy in use the shipped one with `additions` (in order; one naming a taken name, an unknown
    trade or an existing code is skipped), drop every dependent cache, and answer it."""
    taxonomy = Taxonomy(_with_additions(_shipped(), additions)) if additions else _shipped()
    _current[:] = [taxonomy]
    for listener in _listeners:
        listener()
    return taxonomy
