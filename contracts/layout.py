"""Layout pieces for reportlab: a CJK-aware text block, a canvas that numbers pages as "page x of y", and one
guarded way to build a document (shared by contracts and any other document set in the same font)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from contracts.linebreak import break_lines

__all__ = ["TextBlock", "TextStyle", "build_document", "paged_canvas"]

_JUSTIFY_MAX_SLACK = 3.0  # justify a line only when the gap is under three em
_build_lock = threading.Lock()  # reportlab's font subsetting state is shared per process


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Font, size, leading and colour of a text block; bold is drawn by stroking the glyph outlines."""

    font: str
    size: float
    leading: float
    color: Color = black
    bold: bool = False
    space_after: float = 0.0
    indent: float = 0.0
    centred: bool = False


class TextBlock(Flowable):
    """A paragraph broken by our CJK line rules, justified, and splittable across pages."""

    def __init__(
        self, text: str, style: TextStyle, lines: list[str] | None = None, *, ends_paragraph: bool = True
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._lines = lines
        self._fixed = lines is not None
        self._ends_paragraph = ends_paragraph
        self._width = 0.0

    def _measure(self, text: str) -> float:
        return stringWidth(text, self.style.font, self.style.size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Break the text for the available width and report the height it needs."""
        lines = self._lines
        if lines is None or (not self._fixed and availWidth != self._width):
            lines = self._lines = break_lines(self.text, self._measure, availWidth - self.style.indent)
        self._width = availWidth
        return availWidth, len(lines) * self.style.leading + self.style.space_after

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Split between lines when the block does not fit the rest of the page."""
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fits = int(availHeight // self.style.leading)
        if fits <= 0 or fits >= len(self._lines):
            # Every line fits but the space after does not: the whole block goes to the next page (answering
            # [self] would be a split that changes nothing, which reportlab aborts the document for).
            return []
        head = TextBlock(self.text, self.style, self._lines[:fits], ends_paragraph=False)
        tail = TextBlock(self.text, self.style, self._lines[fits:], ends_paragraph=self._ends_paragraph)
        return [head, tail]

    def _char_space(self, line: str, is_last: bool) -> float:
        if is_last or self.style.centred or len(line) < 2:
            return 0.0
        slack = self._width - self.style.indent - self._measure(line)
        if slack <= 0 or slack > _JUSTIFY_MAX_SLACK * self.style.size:
            return 0.0
        return slack / (len(line) - 1)

    def draw(self) -> None:
        """Draw the lines, justifying all but the paragraph's last line."""
        style, canvas = self.style, self.canv
        lines = self._lines or []
        canvas.setFillColor(style.color)
        canvas.setStrokeColor(style.color)
        text = canvas.beginText()
        text.setFont(style.font, style.size)
        if style.bold:
            text.setTextRenderMode(2)
            canvas.setLineWidth(style.size * 0.03)
        top = len(lines) * style.leading + style.space_after
        for index, line in enumerate(lines):
            baseline = top - (index + 1) * style.leading + (style.leading - style.size) / 2 + style.size * 0.15
            x = style.indent
            if style.centred:
                x = (self._width - self._measure(line)) / 2
            last = index == len(lines) - 1 and self._ends_paragraph
            text.setCharSpace(self._char_space(line, last))
            text.setTextOrigin(x, baseline)
            text.textOut(line)
        canvas.drawText(text)


def paged_canvas(draw_furniture: Callable[[Canvas, int, int], None], font: str) -> type[Canvas]:
    """Make a canvas class that holds pages back until the end, then draws header and footer knowing the total."""

    class PagedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["initialFontName"] = font  # no stray non-embedded Helvetica
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._held_pages: list[dict[str, object]] = []

        def showPage(self) -> None:  # noqa: N802
            """Hold the finished page back instead of writing it."""
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            """Write every held page with its header and footer, now that the total is known."""
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                draw_furniture(self, number, total)
                super().showPage()
            super().save()

    return PagedCanvas


@contextmanager
def _plain_streams() -> Iterator[None]:
    """Skip reportlab's ASCII85 layer on streams (a quarter smaller, faster); restored after the build."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def build_document(document: BaseDocTemplate, story: list[Flowable], canvasmaker: type[Canvas]) -> None:
    """Build `story` into `document`, one build at a time per process (reportlab's font state is shared), with
    plain (not ASCII85) streams."""
    with _build_lock, _plain_streams():
        document.build(story, canvasmaker=canvasmaker)
