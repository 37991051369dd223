"""The visible signature block on the last page: who consented, how and when, the contract number and a QR code."""

from __future__ import annotations

import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from contracts.linebreak import break_lines
from contracts.terms import Consent, ContractTerms, PartyRole
from contracts.wording import BlockLabels, format_time

__all__ = ["SignatureBlock", "draw_qr"]

_INK = HexColor("#1f2933")
_RULE = HexColor("#9aa5b1")
_SEAL = HexColor("#b42318")
_HEIGHT = 60 * mm
_QR_SIZE = 27 * mm


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float, color: Color = _INK) -> None:
    """Draw a QR code for data as vector squares (one rectangle per run of dark modules) at x, y."""
    # a fixed mask skips qrcode's search over all eight (about 5 ms); any mask is valid for readers
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=2)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    count = len(matrix)
    # In module units every rectangle has integer corners, so the path is written as literal operators:
    # reportlab's per-number formatting of ~300 rectangles would cost more than the rest of the block.
    rects = []
    for row_index, row in enumerate(matrix):
        bottom = count - row_index - 1
        start = None
        for col_index, dark in enumerate([*row, False]):
            if dark and start is None:
                start = col_index
            elif not dark and start is not None:
                rects.append(f"{start} {bottom} {col_index - start} 1 re")
                start = None
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.transform(size / count, 0, 0, size / count, x, y)
    canvas.addLiteral("\n".join(rects) + "\nf")
    canvas.restoreState()


class SignatureBlock(Flowable):
    """A fixed-height block with one column per party and the QR code to the verification page."""

    def __init__(self, terms: ContractTerms, consents: dict[PartyRole, Consent], labels: BlockLabels, font: str):
        super().__init__()
        self.terms, self.consents, self.labels, self.font = terms, consents, labels, font
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Take the full width and a fixed height."""
        self._width = availWidth
        return availWidth, _HEIGHT

    def _text(self, lines: list[str], x: float, y: float, size: float, width: float) -> float:
        canvas = self.canv
        canvas.setFont(self.font, size)
        for line in lines:
            for piece in break_lines(line, lambda s: canvas.stringWidth(s, self.font, size), width):
                canvas.drawString(x, y, piece)
                y -= size * 1.45
        return y

    def _fields(self, pairs: list[tuple[str, str]], x: float, y: float, size: float, width: float) -> float:
        """Label and value on one line when they fit, else the value starts on the next line."""
        lines: list[str] = []
        for label, value in pairs:
            whole = f"{label}{self.labels.separator}{value}"
            if self.canv.stringWidth(whole, self.font, size) <= width:
                lines.append(whole)
            else:
                lines += [f"{label}{self.labels.separator}", value]
        return self._text(lines, x, y, size, width)

    def _party(self, role: PartyRole, name: str, x: float, width: float) -> None:
        labels, canvas = self.labels, self.canv
        top = _HEIGHT - 15 * mm
        canvas.setFillColor(_INK)
        y = self._text([labels.roles[role]], x, top, 10, width)
        consent = self.consents[role]
        pairs = [(labels.name, name), (labels.method, labels.methods[consent.method]),
                 (labels.time, format_time(consent.at, self.terms))]
        if consent.staff_name:
            pairs.append((labels.staff, consent.staff_name))
        y = self._fields(pairs, x, y - 1 * mm, 8, width)
        if consent.signature_png:
            image = ImageReader(io.BytesIO(consent.signature_png))
            image_width, image_height = image.getSize()
            height = min(14 * mm, (width * 0.8) * image_height / image_width, y - 2 * mm)
            canvas.drawImage(image, x, y - height, height=height, width=height * image_width / image_height,
                             mask="auto")

    def _platform(self, x: float, width: float) -> None:
        canvas, labels = self.canv, self.labels
        canvas.setFillColor(_INK)
        y = self._text([labels.roles[PartyRole.PLATFORM]], x, _HEIGHT - 15 * mm, 10, width)
        canvas.setFillColor(_SEAL)
        self._text([self.terms.platform_name, labels.seal_note], x, y - 1 * mm, 8, width)

    def draw(self) -> None:
        """Draw the frame, the three party columns and the QR code with the contract number."""
        canvas, width = self.canv, self._width
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.6)
        canvas.roundRect(0, 0, width, _HEIGHT, 2 * mm)
        canvas.setFillColor(_INK)
        self._text([self.labels.heading], 4 * mm, _HEIGHT - 7 * mm, 11, width)
        canvas.line(4 * mm, _HEIGHT - 9.5 * mm, width - 4 * mm, _HEIGHT - 9.5 * mm)
        qr_column = _QR_SIZE + 8 * mm
        column = (width - qr_column - 4 * mm) / 3
        self._party(PartyRole.EMPLOYER, self.terms.employer.name, 4 * mm, column - 4 * mm)
        self._party(PartyRole.WORKER, self.terms.worker.name, 4 * mm + column, column - 4 * mm)
        self._platform(4 * mm + 2 * column, column - 4 * mm)
        qr_x = width - _QR_SIZE - 5 * mm
        draw_qr(canvas, self.terms.verify_url, qr_x, 13 * mm, _QR_SIZE)
        canvas.setFillColor(_INK)
        canvas.setFont(self.font, 8)
        canvas.drawCentredString(qr_x + _QR_SIZE / 2, 8.5 * mm, self.labels.scan)
        canvas.drawCentredString(qr_x + _QR_SIZE / 2, 4 * mm, self.terms.number)
