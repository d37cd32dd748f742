"""The page frame: running header and footer ("page X of Y"), the DRAFT mark, PDF bookmarks.

"Y" is only known once every page is laid out, so the canvas keeps each page's state and draws the
frame when the document is saved (the usual reportlab two-step, without building the story twice).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from .blocks import PageFrame
from .fonts import BOLD, REGULAR
from .styles import BOTTOM_MARGIN, DRAFT_INK, MARGIN, MUTED, PAGE_SIZE, RULE, TOP_MARGIN


def canvas_maker(frame: PageFrame):
    class FramedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_frame(self, frame, number, total)
                super().showPage()
            super().save()

    return FramedCanvas


def _draw_frame(canvas: Canvas, frame: PageFrame, number: int, total: int) -> None:
    width, height = PAGE_SIZE
    canvas.saveState()
    if frame.draft_mark:
        # Drawn last but faint, diagonally across the page: visible on every page, never hiding text.
        canvas.setFillColor(DRAFT_INK, alpha=0.10)
        canvas.setFont(BOLD, 96)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -30, frame.draft_mark)
        canvas.rotate(-50)
        canvas.translate(-width / 2, -height / 2)
    canvas.setFillColor(MUTED)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    top = height - TOP_MARGIN + 0.6 * cm
    line_room = width - 2 * MARGIN
    header_left = _fit(frame.header_left, "", line_room / 2, font=BOLD)  # a city name may be 120 characters
    canvas.setFont(BOLD, 8)
    canvas.drawString(MARGIN, top + 4, header_left)
    canvas.setFont(REGULAR, 8)
    room = line_room - stringWidth(header_left, BOLD, 8) - 12
    canvas.drawRightString(width - MARGIN, top + 4, _fit(frame.header_right, "", room))
    canvas.line(MARGIN, top, width - MARGIN, top)
    bottom = BOTTOM_MARGIN - 0.8 * cm
    canvas.line(MARGIN, bottom + 10, width - MARGIN, bottom + 10)
    page_of = frame.page_of.format(page=number, total=total)
    footer_right = f"{_fit(frame.header_left, '', line_room / 3)} · {page_of}"
    canvas.drawRightString(width - MARGIN, bottom, footer_right)
    room = width - 2 * MARGIN - stringWidth(footer_right, REGULAR, 8) - 12
    suffix = f" · {frame.draft_mark}" if frame.draft_mark else ""
    canvas.drawString(MARGIN, bottom, _fit(frame.footer_left, suffix, room))
    canvas.restoreState()


def _fit(text: str, suffix: str, room: float, size: float = 8, font: str = REGULAR) -> str:
    """`text` + `suffix`, with `text` shortened by an ellipsis if both do not fit in `room` points."""
    if stringWidth(text + suffix, font, size) <= room:
        return text + suffix
    low, high = 0, len(text)  # the longest prefix that fits, by bisection: a name may be thousands of characters
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…" + suffix, font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…" + suffix


class ReportDocument(BaseDocTemplate):
    """One-column A4 document that bookmarks its headings and reports layout progress."""

    def __init__(self, filename, *, title: str, author: str, on_flowable: Callable[[], None] | None = None):
        super().__init__(
            filename,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=title,
            author=author,
            creator="Smart City Assess",
            initialFontName=REGULAR,  # reportlab would open every page with Helvetica, which it never embeds
        )
        body = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[body])])
        self._on_flowable = on_flowable
        self._bookmarks = 0

    def afterFlowable(self, flowable):
        level = getattr(flowable, "outline_level", None)
        if level is not None:
            key = f"h{self._bookmarks}"
            self._bookmarks += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=level, closed=level > 0)
        if self._on_flowable is not None:
            self._on_flowable()
