"""Line breaking for Chinese and mixed text: no line starts with closing punctuation or ends with an opening one."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["CANNOT_END", "CANNOT_START", "break_lines", "break_units"]

CANNOT_START = (
    "，。、；：！？）」』】》〉〕〗｝］”’…—·～％‰℃"
    ",.;:!?)]}%"
    "\u30fb\u3005"
)
"""Characters that may not begin a line (Chinese kinsoku): they stick to the character before them."""

CANNOT_END = "（「『【《〈〔〖｛［“‘([{¥￥$#＃"
"""Characters that may not end a line: they stick to the character after them."""

_WORD_JOINERS = "-_/@&+=.'"


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in _WORD_JOINERS)


def _glues(previous: str, char: str) -> bool:
    if not previous:
        return False
    if previous.rstrip()[-1:] in CANNOT_END and previous.strip():
        return True  # an opening bracket (and any space after it) waits for the next character
    if char in CANNOT_START:
        return not previous.isspace()
    return _is_word_char(char) and _is_word_char(previous[-1])


def break_units(text: str) -> list[str]:
    """Split text into unbreakable units: CJK characters, Latin words, spaces, with punctuation glued on."""
    units: list[str] = []
    for char in text:
        if char in CANNOT_START and len(units) > 1 and units[-1].isspace():
            space = units.pop()  # "text ）": the space and the bracket both stay with "text"
            units[-1] += space + char
        elif units and _glues(units[-1], char):
            units[-1] += char
        else:
            units.append(char)
    return units


def _split_long(unit: str, measure: Callable[[str], float], width: float) -> list[str]:
    pieces: list[str] = []
    current = ""
    for char in unit:
        if current and measure(current + char) > width and char not in CANNOT_START:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def _fill(units: list[str], measure: Callable[[str], float], width: float) -> list[str]:
    lines: list[str] = []
    current, used = "", 0.0
    for unit in units:
        if unit.isspace() and not current:
            continue
        unit_width = measure(unit)
        if current and used + unit_width > width:
            lines.append(current.rstrip())
            if unit.isspace():
                current, used = "", 0.0
                continue
            current, used = "", 0.0
        if not current and unit_width > width:
            *full, unit = _split_long(unit, measure, width)
            lines.extend(full)
            unit_width = measure(unit)
        current += unit
        used += unit_width
    if current.strip():
        lines.append(current.rstrip())
    return lines


def break_lines(text: str, measure: Callable[[str], float], width: float) -> list[str]:
    """Break text into lines no wider than width (as measured), honouring newlines and CJK line rules."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_fill(break_units(paragraph), measure, width) or [""])
    return lines
