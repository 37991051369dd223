"""An export's columns: the header in the reader's language, and each cell as a spreadsheet should read it.

Kinds: `text` (guarded against formulas), `number`, `money` (fen shown as yuan, 250.00), `time` (the market's
clock, 2026-12-01 09:00), `words` (a stored value put in words: 已接单 / accepted), and personal data, masked
unless the reader may see it: `name` (张*), `phone` (138****5678), `id_number` (always as stored masked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from market.core.i18n import translate
from market.core.identity import mask_mobile, mask_name
from market.core.messages import MESSAGES
from market.core.zone import local

__all__ = ["PERSONAL_KINDS", "Column", "cell"]

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


def _time(value: Any) -> str:
    if value is None or value == "":
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return f"{local(moment):%Y-%m-%d %H:%M}"


def _money(value: Any) -> str:
    if value is None:
        return ""
    fen = int(value)
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def _words(prefix: str, value: Any, language: str) -> str:
    if value is None or value == "":
        return ""
    if prefix == "exports.yes_no.":
        value = "yes" if value else "no"
    code = f"{prefix}{value}"
    return translate(code, language) if code in MESSAGES else _text(value)


def cell(column: Column, row: dict[str, Any], language: str, unmasked: frozenset[str]) -> str:
    """The text of `column` in `row` for a reader of `language` who may see `unmasked` personal data in full."""
    value = row.get(column.key)
    kind = column.kind
    if kind == "number":
        return "" if value is None else str(value)
    if kind == "money":
        return _money(value)
    if kind == "time":
        return _time(value)
    if kind == "words":
        return _words(column.words, value, language)
    if not value:
        return ""
    if kind == "name":
        return _text(value if "name" in unmasked else mask_name(str(value)))
    if kind == "phone":
        return value if "phone" in unmasked else mask_mobile(str(value))
    if kind == "id_number":
        return _text(value)  # stored masked; the clear number never leaves the encrypted column
    return _text(value)
