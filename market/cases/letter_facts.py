"""What a case letter (提醒函, 督办函) says, as plain values the caller loads from the case; amounts in capitals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = ["Claimant", "Issuer", "LetterFacts", "LetterKind", "WorkDone", "amount_in_words"]

LetterKind = Literal["reminder", "supervision"]
"""`reminder`: 提醒函, from the station to the employer; `supervision`: 督办函, from the labour bureau."""


@dataclass(frozen=True, slots=True)
class WorkDone:
    """One order a claimant worked: the job's title, where, the days (local dates) and the contract's number."""

    title: str
    address: str
    first_day: date
    last_day: date
    contract_number: str | None = None


@dataclass(frozen=True, slots=True)
class Claimant:
    """A worker of the case, the amount still owed to them (fen) and the orders the claim is about."""

    name: str
    amount_fen: int
    work: tuple[WorkDone, ...] = ()


@dataclass(frozen=True, slots=True)
class Issuer:
    """Who sends the letter (a station or the bureau) and whom to contact there."""

    name: str
    address: str
    phone: str
    contact_name: str = ""


@dataclass(frozen=True, slots=True)
class LetterFacts:
    """Everything a case letter states. Dates are the market's local dates; amounts are fen.

    `handling_station` is the station that received the case (named in a supervision letter); `reminded_on`, when
    a reminder letter went out before; `copy_to`, who receives a copy (抄送)."""

    case_number: str
    employer_name: str
    employer_credit_code: str | None
    claimants: tuple[Claimant, ...]
    received_on: date
    issued_on: date
    pay_by: date
    issuer: Issuer
    language: Literal["zh-CN", "en"] = "zh-CN"
    handling_station: str = ""
    reminded_on: date | None = None
    copy_to: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        """Refuse a letter that would state nothing or a negative debt."""
        if not self.claimants:
            raise ValueError("a letter names at least one claimant")
        if any(c.amount_fen < 0 for c in self.claimants):
            raise ValueError("amounts owed are not negative")

    @property
    def total_fen(self) -> int:
        """What the employer owes all claimants together."""
        return sum(c.amount_fen for c in self.claimants)


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def _group_in_words(group: int) -> str:
    """0 < group < 10000 in capital numerals, with inner zeros read once (1005 -> 壹仟零伍)."""
    out, zero = "", False
    for position in range(3, -1, -1):
        digit = group // 10**position % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + _SMALL_UNITS[position]
    return out


def amount_in_words(fen: int) -> str:
    """An amount in capital Chinese numerals as on a cheque (大写金额): 345050 -> 叁仟肆佰伍拾元伍角整."""
    if fen < 0:
        raise ValueError("amount must not be negative")
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    groups: list[int] = []
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    if len(groups) > len(_BIG_UNITS):
        raise ValueError("amount too large")
    words, gap = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            gap = bool(words)
            continue
        if words and (gap or group < 1000):
            words += "零"
        words += _group_in_words(group) + _BIG_UNITS[index]
        gap = False
    words = f"{words}元" if words else ""
    if jiao == 0 and cents == 0:
        return f"{words or '零元'}整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif words:
        words += "零"
    if cents:
        words += _DIGITS[cents] + "分"
    else:
        words += "整"
    return words
