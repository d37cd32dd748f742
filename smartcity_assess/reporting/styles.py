"""The report's typography and table look, in one place, all in the embedded DejaVu family."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from ..core import chart_style
from .fonts import BOLD, OBLIQUE, REGULAR, register_fonts

PAGE_SIZE = A4
MARGIN = 2 * cm
TOP_MARGIN = 2.4 * cm  # room for the running header
BOTTOM_MARGIN = 2.2 * cm  # room for the running footer
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN

INK = colors.HexColor(chart_style.TEXT)
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor(chart_style.GRID)
HEAD_FILL = colors.HexColor("#E8EEF4")
ZEBRA_FILL = colors.HexColor("#F6F8FA")
DRAFT_INK = colors.HexColor("#D55E00")  # vermilion of the colour-blind-safe palette


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    small_keep: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    note: ParagraphStyle
    draft: ParagraphStyle
    caption: ParagraphStyle
    bullet: ParagraphStyle
    h3: ParagraphStyle
    cell_small: ParagraphStyle
    heading_centre: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=9.5, leading=13, textColor=INK, spaceAfter=5
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=22, leading=28, spaceAfter=10),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=13, leading=17, textColor=MUTED, spaceAfter=24),
        h1=ParagraphStyle(
            "h1", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceBefore=6, spaceAfter=8, keepWithNext=1
        ),
        h2=ParagraphStyle(
            "h2", parent=body, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4, keepWithNext=1
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=MUTED),
        small_keep=ParagraphStyle("small_keep", parent=body, fontSize=8, leading=10.5, textColor=MUTED, keepWithNext=1),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        head=ParagraphStyle("head", parent=cell, fontName=BOLD),
        head_right=ParagraphStyle("head_right", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
        note=ParagraphStyle("note", parent=cell, fontName=OBLIQUE, textColor=MUTED),
        draft=ParagraphStyle(
            "draft", parent=body, fontName=BOLD, fontSize=20, leading=26, alignment=TA_CENTER, textColor=DRAFT_INK
        ),
        caption=ParagraphStyle("caption", parent=body, fontSize=8, leading=10.5, textColor=MUTED, alignment=TA_CENTER),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=2),
        h3=ParagraphStyle(
            "h3", parent=body, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=6, spaceAfter=2, keepWithNext=1
        ),
        cell_small=ParagraphStyle("cell_small", parent=cell, fontSize=6.8, leading=8.5),
        heading_centre=ParagraphStyle(
            "heading_centre", parent=body, fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=14
        ),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: user and framework texts may hold '<' or '&', which are not markup.
    Line ends stay line ends (a note of several lines reads as the assessor wrote it)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


CELL_CHUNK_CHARS = 1_500  # far less than a page of 8-point text in the narrowest text column


def text_chunks(text: str, most: int = CELL_CHUNK_CHARS) -> list[str]:
    """The text in pieces of at most `most` characters, cut at line ends, else spaces, else anywhere.

    A table row cannot be split across pages, so a long note or name goes into one row per piece:
    whatever length the store holds, every row fits a page and the table splits between them.
    """
    pieces: list[str] = []
    rest = text
    while len(rest) > most:
        cut = rest.rfind("\n", 0, most + 1)
        if cut <= 0:
            cut = rest.rfind(" ", 0, most + 1)
        if cut <= 0:
            cut = most
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def bullet(text: str, label: str = "", marker: str = "•") -> Paragraph:
    bold = f"<b>{escape(label)}</b> " if label else ""
    return Paragraph(bold + escape(text), styles().bullet, bulletText=marker)


def table(
    rows: list[list],
    widths: list[float | None],
    *,
    header_rows: int = 1,
    numeric_from: int | None = None,
    text_columns: tuple[int, ...] = (),
    label_column: bool = False,
    extra=(),
) -> Table:
    """A data table: shaded repeated header, hairline rules; numbers right-aligned from `numeric_from`
    (except `text_columns`).

    Header texts become paragraphs so that they wrap between words, and every column is made at least as
    wide as the longest word of its header (Indonesian headers are long). One width may be None: that
    column takes the rest of the frame.
    `label_column` shades the first column instead (a key–value table without a header row).
    """
    s = styles()

    def numeric(column: int) -> bool:
        return numeric_from is not None and column >= numeric_from and column not in text_columns

    widths = list(widths)
    for row in rows[:header_rows]:
        for i, cell in enumerate(row):
            if isinstance(cell, str):
                longest = max((stringWidth(w, BOLD, s.head.fontSize) for w in cell.split()), default=0)
                if widths[i] is not None:
                    widths[i] = max(widths[i], longest + 7)
                row[i] = Paragraph(escape(cell), s.head_right if numeric(i) else s.head)
    if None in widths:
        flexible = widths.index(None)
        widths[flexible] = FRAME_WIDTH - sum(w for w in widths if w is not None)
    commands = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, MUTED),
        ]
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), HEAD_FILL))
    commands += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i in range(len(widths)) if numeric(i)]
    commands.extend(extra)
    result = Table(rows, colWidths=widths, repeatRows=header_rows, style=TableStyle(commands), hAlign="LEFT")
    result.spaceAfter = 6
    return result
