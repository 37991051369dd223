"""An export's columns: the header in the reader's language, and each cell as a spreadsheet should read it.

Kinds: `text` (guarded against formulas), `number`, `money` (fen shown as yuan, 250.00), `time` (the market's
clock, 2026-12-01 09:00), `words` (a stored value put in words: 已接单 / accepted), and personal data, masked
unless the reader may see it: `name` (张*), `phone` (138****5678), `id_number` (always as stored masked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any, Literal

from market.core.i18n import translate
from market.core.identity import mask_mobile, mask_name
from market.core.messages import MESSAGES
from market.core.zone import market_zone

__all__ = ["PERSONAL_KINDS", "Column", "cell", "formatter"]

Kind = Literal["text", "number", "money", "time", "words", "name", "phone", "id_number"]
PERSONAL_KINDS = frozenset({"name", "phone", "id_number"})
"""Column kinds that hold personal data: masked unless the reader is entitled (`policy.export_unmasks`)."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell starting with these as a formula: text that does gets a leading apostrophe."""


@dataclass(frozen=True)
class Column:
    """One column: the row's `key`, its `kind`, and for `words` the catalogue prefix its values are looked up
    under (`order_status.` → 已接单). The header is the catalogue entry `exports.col.<key>`."""

    key: str
    kind: Kind = "text"
    words: str = ""

    def header(self, language: str) -> str:
        """The column's name in `language`."""
        return translate(f"exports.col.{self.key}", language)


def _text(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _number(value: Any) -> str:
    return "" if value is None else str(value)


def _money(value: Any) -> str:
    if value is None:
        return ""
    fen = int(value)
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def _time_in(zone: tzinfo) -> Callable[[Any], str]:
    def shown(value: Any) -> str:
        if value is None or value == "":
            return ""
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        moment = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(zone)
        return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"

    return shown


def _words_in(prefix: str, language: str) -> Callable[[Any], str]:
    said: dict[Any, str] = {}

    def words(value: Any) -> str:
        if value is None or value == "":
            return ""
        if value not in said:
            key = ("yes" if value else "no") if prefix == "exports.yes_no." else value
            code = f"{prefix}{key}"
            said[value] = translate(code, language) if code in MESSAGES else _text(value)
        return said[value]

    return words


def _personal(kind: str, shown_in_full: bool) -> Callable[[Any], str]:
    mask = {"name": mask_name, "phone": mask_mobile}.get(kind)

    def personal(value: Any) -> str:
        if not value:
            return ""
        if shown_in_full or mask is None:  # ID numbers are stored masked: the clear number never leaves its column
            return _text(value)
        return _text(mask(str(value)))

    return personal


def formatter(column: Column, language: str, unmasked: frozenset[str]) -> Callable[[Any], str]:
    """The function that turns `column`'s values into cells for a reader of `language` who may see `unmasked`
    personal data in full (made once per export: a million rows call it twenty million times)."""
    if column.kind == "number":
        return _number
    if column.kind == "money":
        return _money
    if column.kind == "time":
        return _time_in(market_zone())
    if column.kind == "words":
        return _words_in(column.words, language)
    if column.kind in PERSONAL_KINDS:
        return _personal(column.kind, column.kind in unmasked and column.kind != "id_number")
    return _text


def cell(column: Column, row: dict[str, Any], language: str, unmasked: frozenset[str]) -> str:
    """The text of `column` in `row` (one cell; exports use `formatter` once per column instead)."""
    return formatter(column, language, unmasked)(row.get(column.key))
