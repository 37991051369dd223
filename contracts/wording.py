"""The text of a contract in either language, built from its terms; rendering only lays it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from contracts.terms import ConsentMethod, ContractTerms, Language, PartyRole

__all__ = ["BlockLabels", "ContractText", "contract_text", "format_fen", "format_time"]


@dataclass(frozen=True, slots=True)
class BlockLabels:
    """Labels of the visible signature block on the last page."""

    heading: str
    roles: dict[PartyRole, str]
    methods: dict[ConsentMethod, str]
    name: str
    method: str
    time: str
    staff: str
    seal_note: str
    scan: str
    number: str
    separator: str


@dataclass(frozen=True, slots=True)
class ContractText:
    """All the words of one contract: title, party and term tables, numbered clauses, block labels."""

    title: str
    subtitle: str
    running_header: str
    page_label: str
    intro: str
    parties: list[tuple[str, list[tuple[str, str]]]]
    terms: list[tuple[str, str]]
    clauses: list[tuple[str, list[str]]]
    block: BlockLabels


def format_fen(fen: int) -> str:
    """Show an amount of fen as yuan with two decimals: 12345 -> ¥123.45."""
    return f"¥{fen // 100:,}.{fen % 100:02d}"


def format_time(value: datetime, terms: ContractTerms) -> str:
    """Show a time in the market's zone, in the contract's language."""
    local = value.astimezone(terms.zone)
    if terms.language is Language.EN:
        return local.strftime("%d %b %Y %H:%M")
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def contract_text(terms: ContractTerms) -> ContractText:
    """Build the words of the contract in the language its terms ask for."""
    if terms.language is Language.EN:
        from contracts import wording_en

        return wording_en.build(terms)
    from contracts import wording_zh

    return wording_zh.build(terms)
