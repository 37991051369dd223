"""Case letters as PDFs: the station's 提醒函 (reminder) and the bureau's 督办函 (supervision letter), set in the
contracts' embedded CJK font with their line rules (contracts.layout), A4, numbered "page x of y"."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from contracts.fonts import FontSpec, register_font
from contracts.layout import TextBlock, TextStyle, build_document, paged_canvas
from market.cases.letter_facts import Claimant, Issuer, LetterFacts, LetterKind, WorkDone, amount_in_words
from market.cases.letter_wording import LetterText, letter_text

__all__ = ["Claimant", "Issuer", "LetterFacts", "LetterKind", "WorkDone", "amount_in_words", "render_letter"]

_MARGIN = 22 * mm
_RED = HexColor("#b42318")
_GREY = HexColor("#52606d")
_RULE = HexColor("#cbd2d9")
_SHADE = HexColor("#f0f4f8")
_AMOUNT_COLUMN = 34 * mm
_NAME_COLUMN = 30 * mm


class _Styles:
    def __init__(self, font: str) -> None:
        self.letterhead = TextStyle(font, 17, 24, color=_RED, bold=True, centred=True, space_after=1)
        self.title = TextStyle(font, 18, 26, bold=True, centred=True, space_after=1)
        self.number = TextStyle(font, 9.5, 14, color=_GREY, centred=True, space_after=6)
        self.addressee = TextStyle(font, 11, 18, bold=True, space_after=3)
        self.body = TextStyle(font, 11, 19, space_after=5)
        self.head = TextStyle(font, 9.5, 14, color=_GREY)
        self.cell = TextStyle(font, 10, 15)
        self.total = TextStyle(font, 10, 15, bold=True)
        self.small = TextStyle(font, 9, 14, color=_GREY, space_after=2)
        self.sign = TextStyle(font, 11, 19, centred=True)


def _claims_table(text: LetterText, styles: _Styles, font: str, width: float) -> Table:
    data: list[list[Flowable]] = [[TextBlock(cell, styles.head) for cell in text.table_head]]
    data += [[TextBlock(name, styles.cell), TextBlock(work, styles.cell), TextBlock(amount, styles.cell)]
             for name, work, amount in text.rows]
    data.append([TextBlock(text.total[0], styles.total), TextBlock(text.total[1], styles.total), Spacer(0, 0)])
    last = len(data) - 1
    table = Table(data, colWidths=[_NAME_COLUMN, width - _NAME_COLUMN - _AMOUNT_COLUMN, _AMOUNT_COLUMN],
                  hAlign="LEFT", repeatRows=1)  # a row moves whole to the next page
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),  # a table sets Helvetica per cell unless told
        ("GRID", (0, 0), (-1, -1), 0.4, _RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
        ("BACKGROUND", (0, last), (-1, last), _SHADE),
        ("SPAN", (1, last), (2, last)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _signature(text: LetterText, styles: _Styles, font: str, width: float) -> Table:
    """The issuer and the date, centred in a column on the right, as a letter is signed."""
    column = min(80 * mm, width / 2)
    cell = [TextBlock(text.signature[0], styles.sign), TextBlock(text.signature[1], styles.sign)]
    table = Table([[Spacer(0, 0), cell]], colWidths=[width - column, column], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _story(text: LetterText, issuer: Issuer, font: str) -> list[Flowable]:
    styles = _Styles(font)
    width = A4[0] - 2 * _MARGIN
    story: list[Flowable] = [
        TextBlock(issuer.name, styles.letterhead),
        _Rule(width),
        Spacer(1, 5 * mm),
        TextBlock(text.title, styles.title),
        TextBlock(text.number, styles.number),
        TextBlock(text.addressee, styles.addressee),
        *(TextBlock(paragraph, styles.body) for paragraph in text.paragraphs),
        _claims_table(text, styles, font, width),
        Spacer(1, 5 * mm),
        *(TextBlock(paragraph, styles.body) for paragraph in text.closing),
        Spacer(1, 2 * mm),
    ]
    ending: list[Flowable] = [TextBlock(line, styles.small) for line in text.contact]
    ending += [Spacer(1, 8 * mm), _signature(text, styles, font, width), Spacer(1, 8 * mm)]
    if text.copy_to:
        ending.append(TextBlock(text.copy_to, styles.small))
    ending.append(TextBlock(text.note, styles.small))
    story.append(KeepTogether(ending))  # contact, signature and note stay on one page
    return story


class _Rule(Flowable):
    """The red double line under the letterhead."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 3.2

    def draw(self) -> None:
        """Draw a thick and a thin line."""
        self.canv.setStrokeColor(_RED)
        self.canv.setLineWidth(1.6)
        self.canv.line(0, 2.4, self.width, 2.4)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 0, self.width, 0)


def _furniture(text: LetterText, font: str):
    def draw(canvas: Canvas, page: int, total: int) -> None:
        """Running header (from the second page) and "page x of y" footer."""
        width, height = A4
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(_GREY)
        if page > 1:
            canvas.drawString(_MARGIN, height - 12 * mm, text.running_header)
        canvas.drawCentredString(width / 2, 10 * mm, text.page_label.format(page=page, total=total))
        canvas.restoreState()

    return draw


def render_letter(kind: LetterKind, facts: LetterFacts, font: FontSpec | None = None) -> bytes:
    """The PDF of a `reminder` (提醒函) or `supervision` (督办函) letter, in the facts' language, its font embedded
    as a subset; ValueError for an unknown kind."""
    text = letter_text(kind, facts)
    font_name = register_font(font)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=18 * mm, bottomMargin=18 * mm,
        title=text.title, subject=facts.case_number, author=facts.issuer.name, creator="linggong cases",
        lang=facts.language,
    )
    build_document(document, _story(text, facts.issuer, font_name),
                   paged_canvas(_furniture(text, font_name), font_name))
    return buffer.getvalue()
