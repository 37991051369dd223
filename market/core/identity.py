"""Chinese identity numbers and mobile phones: normalise, validate, build and mask (pure functions, no I/O).

Resident ID numbers (居民身份证号码) follow GB 11643-1999: six digits of region, eight of birth date, three of
sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0-9 or X).
Unified social credit codes (统一社会信用代码) follow GB 32100-2015: 18 characters from a 31-character alphabet with
a MOD 31 check character; characters 3-8 are the registering authority's region code.
Mainland mobile numbers are 11 digits starting 1[3-9], optionally written with +86 / 86 / 0086.

The ``*_problem`` functions answer a short machine code (``"length"``, ``"format"``, ``"region"``, ``"birth_date"``,
``"check_digit"``) or ``None`` when the value is valid; the API turns those codes into messages.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "PROVINCE_CODES",
    "credit_code_problem",
    "is_valid_credit_code",
    "is_valid_mobile",
    "is_valid_resident_id",
    "make_credit_code",
    "make_resident_id",
    "mask_credit_code",
    "mask_mobile",
    "mask_name",
    "mask_resident_id",
    "mobile_problem",
    "normalise_credit_code",
    "normalise_mobile",
    "normalise_resident_id",
    "resident_check_char",
    "resident_id_birth_date",
    "resident_id_is_male",
    "resident_id_problem",
]

# First two digits of GB/T 2260 region codes: the 31 mainland provinces, Taiwan (71), Hong Kong (81), Macao (82),
# and 83, which the residence permits of Taiwan residents on the mainland carry.
PROVINCE_CODES: frozenset[str] = frozenset(
    {
        *("11", "12", "13", "14", "15"),  # 华北
        *("21", "22", "23"),  # 东北
        *("31", "32", "33", "34", "35", "36", "37"),  # 华东 (35 = 福建)
        *("41", "42", "43", "44", "45", "46"),  # 中南
        *("50", "51", "52", "53", "54"),  # 西南
        *("61", "62", "63", "64", "65"),  # 西北
        *("71", "81", "82", "83"),  # 台湾, 香港, 澳门, 台湾居民居住证
    }
)

_RESIDENT_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
_RESIDENT_CHECK = "10X98765432"  # indexed by (weighted sum mod 11)
_RESIDENT_RE = re.compile(r"\d{17}[\dX]")

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
_CREDIT_VALUE = {ch: i for i, ch in enumerate(CREDIT_CODE_ALPHABET)}
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
_CREDIT_RE = re.compile(rf"[{CREDIT_CODE_ALPHABET}]{{2}}\d{{6}}[{CREDIT_CODE_ALPHABET}]{{10}}")

_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_MOBILE_SEPARATORS = re.compile(r"[\s\-().]")
_MIN_BIRTH_YEAR = 1900


def _squash(text: str) -> str:
    """Fold full-width characters to ASCII (NFKC), drop all whitespace and upper-case."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).upper()


# --- resident ID numbers -------------------------------------------------------------------------------------------


def normalise_resident_id(text: str) -> str:
    """Return the resident ID with whitespace removed, full-width folded and a lowercase x made X."""
    return _squash(text)


def resident_check_char(body17: str) -> str:
    """Compute the ISO 7064 MOD 11-2 check character of 17 digits."""
    total = sum(int(d) * w for d, w in zip(body17, _RESIDENT_WEIGHTS, strict=True))
    return _RESIDENT_CHECK[total % 11]


def _parse_birth(digits8: str) -> date | None:
    """Parse YYYYMMDD into a date, or None when it is not a calendar date."""
    try:
        return date(int(digits8[:4]), int(digits8[4:6]), int(digits8[6:8]))
    except ValueError:
        return None


def resident_id_problem(text: str, today: date | None = None) -> str | None:
    """Return why a resident ID is invalid (length/format/region/birth_date/check_digit), or None when valid."""
    value = normalise_resident_id(text)
    if len(value) != 18:
        return "length"
    if not _RESIDENT_RE.fullmatch(value):
        return "format"
    if value[:2] not in PROVINCE_CODES:
        return "region"
    birth = _parse_birth(value[6:14])
    if birth is None or birth.year < _MIN_BIRTH_YEAR or birth > (today or date.today()):
        return "birth_date"
    if resident_check_char(value[:17]) != value[17]:
        return "check_digit"
    return None


def is_valid_resident_id(text: str, today: date | None = None) -> bool:
    """Tell whether the text is a valid 18-character resident ID number."""
    return resident_id_problem(text, today) is None


def resident_id_birth_date(text: str) -> date:
    """Return the birth date written in a valid resident ID; raise ValueError when the ID is invalid."""
    problem = resident_id_problem(text)
    if problem is not None:
        raise ValueError(f"invalid resident ID: {problem}")
    birth = _parse_birth(normalise_resident_id(text)[6:14])
    assert birth is not None
    return birth


def resident_id_is_male(text: str) -> bool:
    """Tell whether a valid resident ID belongs to a man (odd sequence digit); raise ValueError when invalid."""
    problem = resident_id_problem(text)
    if problem is not None:
        raise ValueError(f"invalid resident ID: {problem}")
    return int(normalise_resident_id(text)[16]) % 2 == 1


def make_resident_id(region6: str, birth: date, sequence3: int) -> str:
    """Build a valid resident ID from a region code, a birth date and a sequence number 0-999 (odd = male)."""
    if not re.fullmatch(r"\d{6}", region6) or region6[:2] not in PROVINCE_CODES:
        raise ValueError(f"region6 must be six digits starting with a province code, got {region6!r}")
    if not 0 <= sequence3 <= 999:
        raise ValueError(f"sequence3 must be 0-999, got {sequence3}")
    if birth.year < _MIN_BIRTH_YEAR:
        raise ValueError(f"birth year must be at least {_MIN_BIRTH_YEAR}, got {birth.year}")
    body = f"{region6}{birth:%Y%m%d}{sequence3:03d}"
    return body + resident_check_char(body)


# --- unified social credit codes -----------------------------------------------------------------------------------


def normalise_credit_code(text: str) -> str:
    """Return the credit code with whitespace removed, full-width folded and letters upper-cased."""
    return _squash(text)


def _credit_check_char(body17: str) -> str:
    """Compute the GB 32100 MOD 31 check character of a 17-character body."""
    total = sum(_CREDIT_VALUE[ch] * w for ch, w in zip(body17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(text: str) -> str | None:
    """Return why a unified social credit code is invalid (length/format/check_digit), or None when valid."""
    value = normalise_credit_code(text)
    if len(value) != 18:
        return "length"
    if not _CREDIT_RE.fullmatch(value):
        return "format"
    if _credit_check_char(value[:17]) != value[17]:
        return "check_digit"
    return None


def is_valid_credit_code(text: str) -> bool:
    """Tell whether the text is a valid 18-character unified social credit code."""
    return credit_code_problem(text) is None


def make_credit_code(body17: str) -> str:
    """Append the check character to a 17-character body (alphabet chars, characters 3-8 digits)."""
    body = normalise_credit_code(body17)
    if len(body) != 17 or not _CREDIT_RE.fullmatch(body + "0"):
        raise ValueError(f"body17 must be 17 credit-code characters with digits in places 3-8, got {body17!r}")
    return body + _credit_check_char(body)


# --- mobile numbers ------------------------------------------------------------------------------------------------


def normalise_mobile(text: str) -> str:
    """Return the phone with spaces, hyphens, brackets and a leading +86 / 0086 / 86 removed."""
    value = _MOBILE_SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    for prefix in ("+86", "0086", "86"):
        if value.startswith(prefix) and len(value) == len(prefix) + 11:
            return value[len(prefix) :]
    return value


def mobile_problem(text: str) -> str | None:
    """Return "format" when the text is not a mainland mobile number (11 digits, 1[3-9]...), else None."""
    return None if _MOBILE_RE.fullmatch(normalise_mobile(text)) else "format"


def is_valid_mobile(text: str) -> bool:
    """Tell whether the text is a mainland mobile number."""
    return mobile_problem(text) is None


# --- masking -------------------------------------------------------------------------------------------------------


def _mask_middle(value: str, head: int, tail: int) -> str:
    """Keep ``head`` leading and ``tail`` trailing characters and star the rest; star everything if too short."""
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[-tail:]


def mask_resident_id(text: str) -> str:
    """Mask a resident ID to its first 4 and last 4 characters: 3502**********1234."""
    return _mask_middle(normalise_resident_id(text), 4, 4)


def mask_credit_code(text: str) -> str:
    """Mask a credit code to its first 4 and last 4 characters: 9135**********0X1A."""
    return _mask_middle(normalise_credit_code(text), 4, 4)


def mask_mobile(text: str) -> str:
    """Mask a mobile number to its first 3 and last 4 digits: 138****5678."""
    return _mask_middle(normalise_mobile(text), 3, 4)


def mask_name(name: str) -> str:
    """Mask a person's name to its first character: 张三丰 -> 张**, 李四 -> 李*; a one-character name becomes *."""
    value = name.strip()
    if len(value) <= 1:
        return "*" * len(value)
    return value[0] + "*" * (len(value) - 1)
