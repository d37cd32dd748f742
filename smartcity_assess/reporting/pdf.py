"""The PDF renderer: report blocks → reportlab flowables, laid out on A4 with the running page frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table, TableStyle
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Spacer as PdfSpacer

from . import blocks as b
from .document import ReportDocument as PdfDocument
from .document import canvas_maker
from .fonts import REGULAR, register_fonts
from .radar import radar_drawing
from .styles import DRAFT_INK, FRAME_WIDTH, MUTED, bullet, para, styles, table, text_chunks


class Heading(Paragraph):
    """A section title; the document turns it into a PDF bookmark (outline level 0 or 1)."""

    def __init__(self, text: str, style, outline_level: int):
        super().__init__(escape(text), style)
        self.outline_text = text
        self.outline_level = outline_level


def _paragraph_style(name: str):
    s = styles()
    return {b.BODY: s.body, b.SMALL: s.small, b.CAPTION: s.caption, b.H3: s.h3}[name]


def _para(block: b.Para) -> Paragraph:
    style = styles().small_keep if block.keep_with_next and block.style == b.SMALL else _paragraph_style(block.style)
    if block.label:  # line ends stay line ends, as para() keeps them
        return Paragraph(f"<b>{escape(block.label)}</b> {escape(block.text)}".replace("\n", "<br/>"), style)
    return para(block.text, style)


def _table(block: b.Table) -> Table:
    s = styles()
    plain, bold = (s.cell_small, s.cell_small) if block.small else (s.cell, s.cell_bold)
    numeric_from = block.numeric_from

    def cell(value, column: int):
        text, is_bold = (value.text, value.bold) if isinstance(value, b.Cell) else (value, False)
        is_number = numeric_from is not None and column >= numeric_from and column not in block.text_columns
        if is_number and not is_bold:
            return text  # a plain string: right-aligned by the table style, and cheaper than a paragraph
        markup = (f"<b>{escape(text)}</b>" if is_bold and block.small else escape(text)).replace("\n", "<br/>")
        return Paragraph(markup, bold if is_bold else plain)

    rows, first_rows = _split_long_rows(block.rows)
    rows = [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    widths = [w * cm if w is not None else None for w in block.widths]
    header_rows = 0 if block.key_value else 1
    if header_rows:
        rows.insert(0, list(block.header))
    extra = [
        ("LINEABOVE", (0, first_rows[start] + header_rows), (-1, first_rows[start] + header_rows), 0.9, MUTED)
        for start in block.group_starts
    ]
    for start, end in zip(first_rows, [*first_rows[1:], len(rows) - header_rows], strict=True):
        if end - start > 1:  # the pieces of one long text read as one row: no rules between them
            top, bottom = start + header_rows, end - 1 + header_rows
            extra.append(("LINEBELOW", (0, top), (-1, bottom - 1), 0.25, colors.white))
    return table(
        rows,
        widths,
        header_rows=header_rows,
        numeric_from=numeric_from,
        text_columns=block.text_columns,
        label_column=block.key_value,
        extra=extra,
    )


def _split_long_rows(rows: list[list]) -> tuple[list[list], list[int]]:
    """Rows whose longest text is cut into pieces, one table row each, and where each given row starts.

    A table row cannot be split across pages, so a note or a name as long as the store allows would not
    fit one: in pieces, every row fits a page and the table splits between them.
    """
    out: list[list] = []
    starts: list[int] = []
    for row in rows:
        starts.append(len(out))
        pieces = [text_chunks(v.text if isinstance(v, b.Cell) else v) for v in row]
        for k in range(max(len(p) for p in pieces)):
            out.append([_piece(v, p, k) for v, p in zip(row, pieces, strict=True)])
    return out, starts


def _piece(value, pieces: list[str], k: int):
    text = pieces[k] if k < len(pieces) else ""
    return b.Cell(text, value.bold) if isinstance(value, b.Cell) else text


def _draft_box(block: b.DraftBox) -> Flowable:
    s = styles()
    box = Table(
        [[para(block.mark, s.draft)], [para(block.notice, s.caption)]],
        colWidths=[FRAME_WIDTH * 0.7],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8),  # not reportlab's default Helvetica, which is never embedded
                ("BOX", (0, 0), (-1, -1), 1.5, DRAFT_INK),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )
    return KeepTogether([box, PdfSpacer(1, 18)])


def _signatures(block: b.Signatures) -> Flowable:
    """Two columns: caption, position, room to sign, name (bold, underlined), NIP; place and date above the right."""
    s = styles()
    columns = len(block.signers)
    width = FRAME_WIDTH / columns
    place_row = [""] * (columns - 1) + [para(block.place_date, s.body)]
    rows = [
        place_row,
        [para(signer.caption, s.body) for signer in block.signers],
        [para(signer.position, s.body) for signer in block.signers],
        [""] * columns,
        [Paragraph(f"<b><u>{escape(signer.name)}</u></b>", s.body) for signer in block.signers],
        [para(signer.nip, s.body) for signer in block.signers],
    ]
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR, 9.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ]
    )
    return KeepTogether(
        Table(rows, colWidths=[width] * columns, rowHeights=[None, None, None, 2.2 * cm, None, None], style=style)
    )


def flowables(block: b.Block) -> list[Flowable]:
    s = styles()
    match block:
        case b.Title():
            found: list[Flowable] = [para(block.text, s.title if block.subtitle else s.heading_centre)]
            if block.subtitle:
                found.append(para(block.subtitle, s.subtitle))
            return found
        case b.Heading():
            return [Heading(block.text, s.h1 if block.level == 0 else s.h2, block.level)]
        case b.Para():
            return [_para(block)]
        case b.Bullet():
            return [bullet(block.text, block.label, block.marker)]
        case b.Table():
            return [_table(block)]
        case b.Radar():
            return [
                radar_drawing(block.labels, block.series, FRAME_WIDTH),
                para(block.caption, s.caption),
                PdfSpacer(1, 6),
            ]
        case b.DraftBox():
            return [_draft_box(block)]
        case b.Signatures():
            return [_signatures(block)]
        case b.Spacer():
            return [PdfSpacer(1, block.points)]
        case b.PageBreak():
            return [PdfPageBreak()]
        case b.CondBreak():
            return [CondPageBreak(block.cm * cm)]
    raise TypeError(f"no PDF form for {type(block).__name__}")


def write_pdf(
    document: b.ReportDocument,
    path: str | BinaryIO,
    on_start: Callable[[int], None] | None = None,
    on_flowable: Callable[[], None] | None = None,
) -> None:
    """Lay the document out into `path`; `on_start(count)` learns how many flowables follow, one call each."""
    register_fonts()
    story = [f for block in document.blocks for f in flowables(block)]
    if on_start is not None:
        on_start(len(story))
    pdf = PdfDocument(path, title=document.title, author=document.author, on_flowable=on_flowable)
    pdf.build(story, canvasmaker=canvas_maker(document.frame))
