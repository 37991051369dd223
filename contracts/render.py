"""Render a contract's terms and consents into an unsigned A4 PDF with reportlab."""

from __future__ import annotations

import io
from collections.abc import Iterable

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from contracts.fonts import FontSpec, register_font
from contracts.layout import TextBlock, TextStyle, build_document, paged_canvas
from contracts.signature_block import SignatureBlock
from contracts.terms import Consent, ContractTerms, PartyRole
from contracts.wording import ContractText, contract_text

__all__ = ["render_contract"]

_MARGIN = 20 * mm
_GREY = HexColor("#52606d")
_RULE = HexColor("#cbd2d9")
_SHADE = HexColor("#f0f4f8")


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        self.title = TextStyle(font, 20, 28, bold=True, centred=True, space_after=2)
        self.subtitle = TextStyle(font, 9, 14, color=_GREY, centred=True, space_after=8)
        self.heading = TextStyle(font, 11.5, 18, bold=True, space_after=2)
        self.body = TextStyle(font, 10, 15.5, space_after=2.5)
        self.cell_label = TextStyle(font, 9, 13.5, color=_GREY)
        self.cell = TextStyle(font, 9.5, 13.5)


def _table(rows: Iterable[tuple[str, str]], styles: _Styles, width: float, caption: str | None = None) -> Table:
    data: list[list[Flowable]] = []
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), styles.font),  # tables set a font per cell, Helvetica by default
        ("GRID", (0, 0), (-1, -1), 0.4, _RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), _SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if caption:
        data.append([TextBlock(caption, styles.heading), Spacer(0, 0)])
        commands += [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (1, 0), _SHADE)]
    data += [[TextBlock(label, styles.cell_label), TextBlock(value, styles.cell)] for label, value in rows]
    table = Table(data, colWidths=[30 * mm, width - 30 * mm], hAlign="LEFT", splitInRow=1, repeatRows=0)
    table.setStyle(TableStyle(commands))
    return table


def _story(terms: ContractTerms, text: ContractText, consents: dict[PartyRole, Consent], font: str) -> list[Flowable]:
    styles = _Styles(font)
    width = A4[0] - 2 * _MARGIN
    story: list[Flowable] = [
        TextBlock(text.title, styles.title),
        TextBlock(text.subtitle, styles.subtitle),
        TextBlock(text.intro, styles.body),
        Spacer(1, 3 * mm),
    ]
    for caption, rows in text.parties:
        story += [_table(rows, styles, width, caption), Spacer(1, 3 * mm)]
    story += [_table(text.terms, styles, width), Spacer(1, 4 * mm)]
    for heading, paragraphs in text.clauses[:-1]:
        blocks = [TextBlock(paragraph, styles.body) for paragraph in paragraphs]
        story += [KeepTogether([TextBlock(heading, styles.heading), blocks[0]]), *blocks[1:]]
    heading, paragraphs = text.clauses[-1]  # the last clause stays on the page of the signature block
    last = [TextBlock(heading, styles.heading), *(TextBlock(paragraph, styles.body) for paragraph in paragraphs)]
    story.append(KeepTogether([*last, Spacer(1, 5 * mm), SignatureBlock(terms, consents, text.block, font)]))
    return story


def _furniture(text: ContractText, terms: ContractTerms, font: str):
    def draw(canvas: Canvas, page: int, total: int) -> None:
        """Running header with title, number and platform; "page x of y" footer."""
        width, height = A4
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(_GREY)
        canvas.drawString(_MARGIN, height - 12 * mm, text.running_header)
        canvas.drawRightString(width - _MARGIN, height - 12 * mm, terms.platform_name)
        canvas.setStrokeColor(_RULE)
        canvas.line(_MARGIN, height - 13.5 * mm, width - _MARGIN, height - 13.5 * mm)
        canvas.drawCentredString(width / 2, 10 * mm, text.page_label.format(page=page, total=total))
        canvas.restoreState()

    return draw


def render_contract(terms: ContractTerms, consents: Iterable[Consent], font: FontSpec | None = None) -> bytes:
    """Render the unsigned contract PDF (A4, font embedded as a subset) with the visible signature block."""
    by_role = {consent.role: consent for consent in consents}
    missing = {PartyRole.WORKER, PartyRole.EMPLOYER} - by_role.keys()
    if missing:
        raise ValueError(f"missing consent of {', '.join(sorted(missing))}")
    font_name = register_font(font)
    text = contract_text(terms)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN, bottomMargin=_MARGIN,
        title=text.title, subject=terms.number, author=terms.platform_name, creator="linggong contracts",
        lang=terms.language.value,
    )
    build_document(document, _story(terms, text, by_role, font_name),
                   paged_canvas(_furniture(text, terms, font_name), font_name))
    return buffer.getvalue()
