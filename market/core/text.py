"""What text the market accepts: NFC-normalised, without control, format, bidi or separator characters.

The patterns are msgspec `Meta(pattern=...)` constraints, so the server refuses what the OpenAPI schema says it
refuses; `normalise` is applied to every string of a request body (`market.core.schemas.SchemaIn`).
"""

from __future__ import annotations

import sys
import unicodedata

__all__ = [
    "LINES_PATTERN", "LINE_PATTERN", "NAME_PATTERN", "PASSWORD_PATTERN", "PHONE_PATTERN", "has_control_characters",
    "hidden_beyond_bmp", "normalise",
]

PHONE_PATTERN = r"^1[3-9][0-9]{9}$"
"""A mainland mobile number as the schema shows it; the server also understands spaces, hyphens and +86."""
PASSWORD_PATTERN = r"[A-Za-z][\s\S]*[0-9]|[0-9][\s\S]*[A-Za-z]"  # noqa: S105 - a rule, not a password
"""A password has letters and digits (with its length of at least 8, `market.accounts.services`)."""

_REFUSED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}
"""Controls (NUL…), format characters (zero-width, bidi overrides such as U+202E), line and paragraph separators.
Lone surrogates never get this far (the JSON decoder refuses them), and a surrogate range would make the pattern
unreadable to ECMA regex engines such as the schema validator's."""
_INVISIBLE_LETTERS = "\u115f\u1160\u3164\uffa0\u2800"
"""Hangul fillers and the blank braille pattern: letters by category, but nothing shows."""
_LAYOUT = "\t\n\r"
"""Allowed in multi-line text (descriptions, notes) only."""


def _ranges(codepoints: list[int]) -> str:
    spans: list[list[int]] = []
    for point in codepoints:
        if spans and spans[-1][1] == point - 1:
            spans[-1][1] = point
        else:
            spans.append([point, point])
    return "".join(_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in spans)


def _escape(point: int) -> str:
    return f"\\u{point:04x}"


_ALL_REFUSED = [p for p in range(sys.maxunicode + 1) if unicodedata.category(chr(p)) in _REFUSED_CATEGORIES]
# The patterns must read the same in ECMA-262 (the schema's regex dialect), which has no escape for a character
# beyond the BMP; those few (tag characters, Egyptian and musical format controls) are refused by `hidden_beyond_bmp`.
_REFUSED = [p for p in _ALL_REFUSED if p <= 0xFFFF]
_REFUSED_BEYOND_BMP = frozenset(chr(p) for p in _ALL_REFUSED if p > 0xFFFF)
_REFUSED_CLASS = _ranges(_REFUSED)
_REFUSED_IN_LINES = _ranges([p for p in _REFUSED if chr(p) not in _LAYOUT])

LINE_PATTERN = f"^[^{_REFUSED_CLASS}]*$"
"""One line of text: no control, format, bidi or separator characters."""
LINES_PATTERN = f"^[^{_REFUSED_IN_LINES}]*$"
"""Text that may span lines (tabs and line breaks allowed), otherwise as `LINE_PATTERN`."""
_VISIBLE_CLASS = f"[^{_REFUSED_CLASS}\\s{_ranges([ord(c) for c in _INVISIBLE_LETTERS])}]"
NAME_PATTERN = f"^[^{_REFUSED_CLASS}]*{_VISIBLE_CLASS}[^{_REFUSED_CLASS}]*$"
"""A name: one line with at least one visible character."""


def normalise(value: str) -> str:
    """`value` in Unicode NFC (the one form names are compared, stored and signed in), without surrounding spaces.

    Stripping also drops a final line break, which a pattern's `$` would let through.
    """
    return unicodedata.normalize("NFC", value).strip()


def hidden_beyond_bmp(value: str) -> bool:
    """True when `value` holds a format character beyond the BMP (such as the invisible tag characters)."""
    return any(c in _REFUSED_BEYOND_BMP for c in value)


def has_control_characters(value: str) -> bool:
    """True when `value` holds a C0/C1 control character (NUL, escape, DEL…): never valid in a URL's path or query."""
    return any(unicodedata.category(c) == "Cc" for c in value)
