"""The DOCX renderer: the same report blocks as the PDF, as a Word document an office can edit.

Headings use Word's own Heading styles (so the navigation pane and a table of contents work), tables
repeat their header row, the radar is a picture, and the footer counts pages with Word's PAGE and
NUMPAGES fields. Arial throughout: every office computer has it (LibreOffice maps it to Liberation Sans).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import BinaryIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips

from . import blocks as b
from .radar import radar_drawing
from .raster import drawing_png

FONT = "Arial"
INK = RGBColor(0x22, 0x22, 0x22)
MUTED = RGBColor(0x55, 0x55, 0x55)
DRAFT = RGBColor(0xD5, 0x5E, 0x00)
HEAD_FILL = "E8EEF4"
TEXT_WIDTH_CM = 17.0  # A4 less 2 cm margins
RADAR_WIDTH_PT = 17.0 / 2.54 * 72


def _set_font(style, size: float, *, bold: bool = False, colour: RGBColor = INK) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = colour
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()  # East Asian and complex-script slots too
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _field(paragraph, instruction: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when they lay the document out."""
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(size)
        run.font.color.rgb = MUTED
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text.strip() == instruction else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _longest_word_cm(text: str, size: float) -> float:
    """About how wide the longest word of a bold header is (bold Arial runs to 0.7 em), with the cell's padding."""
    longest = max((len(word) for word in text.split()), default=0)
    return longest * size * 0.7 / 72 * 2.54 + 0.45


def _fixed_layout(table) -> None:
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


class _Writer:
    def __init__(self, document: b.ReportDocument):
        self.source = document
        self.doc = Document()
        self._styles()
        self._page(document.frame)
        properties = self.doc.core_properties
        properties.title, properties.author, properties.comments = document.title, document.author, "Smart City Assess"
        # Word's style ids, looked up once: python-docx looks a style name up anew on every paragraph
        self._style_ids = {
            name: self.doc.styles[name].style_id for name in ("Title", "Heading 1", "Heading 2", "Heading 3")
        }
        body = self.doc.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
            body.remove(paragraph)

    def _styles(self) -> None:
        styles = self.doc.styles
        _set_font(styles["Normal"], 10)
        styles["Normal"].paragraph_format.space_after = Pt(4)
        _set_font(styles["Title"], 20, bold=True)
        _set_font(styles["Heading 1"], 14, bold=True)
        _set_font(styles["Heading 2"], 11.5, bold=True)
        _set_font(styles["Heading 3"], 10, bold=True)
        for name in ("Heading 1", "Heading 2", "Heading 3"):
            styles[name].paragraph_format.space_before = Pt(10 if name == "Heading 1" else 6)
            styles[name].paragraph_format.keep_with_next = True

    def _page(self, frame: b.PageFrame) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
        header = section.header.paragraphs[0]
        mark = f" · {frame.draft_mark}" if frame.draft_mark else ""
        self._run(header, f"{frame.header_left}{mark}", size=8, bold=True, colour=DRAFT if mark else MUTED)
        self._run(header, f"\t{frame.header_right}", size=8, colour=MUTED)
        footer = section.footer.paragraphs[0]
        self._run(footer, f"{frame.footer_left}\t{frame.header_left} · ", size=8, colour=MUTED)
        for paragraph in (header, footer):  # one right-aligned stop at the margin instead of the style's two
            stops = paragraph.paragraph_format.tab_stops
            stops.add_tab_stop(Twips(4680), WD_TAB_ALIGNMENT.CLEAR)  # the Header and Footer styles' own stops
            stops.add_tab_stop(Twips(9360), WD_TAB_ALIGNMENT.CLEAR)
            stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
        before, _, rest = frame.page_of.partition("{page}")
        middle, _, after = rest.partition("{total}")
        for text, field in ((before, "PAGE"), (middle, "NUMPAGES"), (after, None)):
            if text:
                self._run(footer, text, size=8, colour=MUTED)
            if field:
                _field(footer, field, 8)

    @staticmethod
    def _run(paragraph, text: str, *, size: float | None = None, bold: bool = False, colour=None, underline=False):
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.underline = underline or None
        if size is not None:
            run.font.size = Pt(size)
        if colour is not None:
            run.font.color.rgb = colour
        return run

    # ---- blocks ------------------------------------------------------------------------------

    def add(self, block: b.Block) -> None:
        match block:
            case b.Title():
                paragraph = self._styled("Title")
                self._run(paragraph, block.text)
                if not block.subtitle:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                else:
                    self._run(self.doc.add_paragraph(), block.subtitle, size=13, colour=MUTED)
            case b.Heading():
                self._run(self._styled(f"Heading {block.level + 1}"), block.text)
            case b.Para():
                self._para(block)
            case b.Bullet():
                paragraph = self.doc.add_paragraph()
                paragraph.paragraph_format.left_indent = Cm(0.7)
                paragraph.paragraph_format.first_line_indent = Cm(-0.5)
                paragraph.paragraph_format.space_after = Pt(2)
                self._run(paragraph, f"{block.marker}\t")
                if block.label:
                    self._run(paragraph, f"{block.label} ", bold=True)
                self._run(paragraph, block.text)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.7))
            case b.Table():
                self._table(block)
            case b.Radar():
                picture = drawing_png(radar_drawing(block.labels, block.series, RADAR_WIDTH_PT))
                self.doc.add_picture(io.BytesIO(picture), width=Cm(TEXT_WIDTH_CM))
                self._para(b.Para(block.caption, b.CAPTION))
            case b.DraftBox():
                table = self.doc.add_table(rows=1, cols=1)
                table.style = "Table Grid"
                table.alignment = WD_TABLE_ALIGNMENT.CENTER
                cell = table.rows[0].cells[0]
                mark = cell.paragraphs[0]
                mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self._run(mark, block.mark, size=20, bold=True, colour=DRAFT)
                notice = cell.add_paragraph()
                notice.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self._run(notice, block.notice, size=8, colour=MUTED)
                self.doc.add_paragraph()
            case b.Signatures():
                self._signatures(block)
            case b.Spacer():
                self.doc.add_paragraph().paragraph_format.space_after = Pt(block.points)
            case b.PageBreak():
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            case b.CondBreak():
                pass  # Word keeps headings with the next paragraph (keep_with_next) instead
            case _:
                raise TypeError(f"no DOCX form for {type(block).__name__}")

    def _styled(self, name: str):
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self._style_ids[name]
        return paragraph

    def _para(self, block: b.Para) -> None:
        if block.style == b.H3:
            self._run(self._styled("Heading 3"), block.text)
            return
        paragraph = self.doc.add_paragraph()
        size, colour = {b.SMALL: (8.5, MUTED), b.CAPTION: (8, MUTED)}.get(block.style, (None, None))
        if block.style == b.CAPTION:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if block.label:
            self._run(paragraph, f"{block.label} ", size=size, bold=True, colour=colour)
        self._run(paragraph, block.text, size=size, colour=colour)
        if block.keep_with_next:
            paragraph.paragraph_format.keep_with_next = True

    def _table(self, block: b.Table) -> None:
        columns = len(block.widths)
        size = Pt(7 if block.small else 8.5)
        given = [
            None if w is None else max(w, _longest_word_cm(heading, size.pt) if heading else 0)
            for w, heading in zip(block.widths, block.header or [""] * columns, strict=True)
        ]
        fixed = sum(w for w in given if w is not None)
        widths = [Cm(w if w is not None else max(TEXT_WIDTH_CM - fixed, 2.0)) for w in given]
        table = self.doc.add_table(rows=0, cols=columns)
        table.style = "Table Grid"
        table.autofit = False
        _fixed_layout(table)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid: what LibreOffice lays out by (Word reads the cells' widths)

        def numeric(column: int) -> bool:
            return block.numeric_from is not None and column >= block.numeric_from and column not in block.text_columns

        def fill(row, values, *, header: bool = False) -> None:
            for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                text, bold = (value.text, value.bold) if isinstance(value, b.Cell) else (value, header)
                cell.width = widths[column]
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if numeric(column):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                run = paragraph.add_run(text)
                run.font.size = size
                if bold:
                    run.bold = True
                if header or (block.key_value and column == 0):
                    _shade(cell, HEAD_FILL)

        if not block.key_value:
            header = table.add_row()
            _repeat_header(header)
            fill(header, block.header, header=True)
            for cell in header.cells:  # a header of two lines is not left at a page's foot, nor split over it
                cell.paragraphs[0].paragraph_format.keep_with_next = True
        for values in block.rows:
            fill(table.add_row(), values)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)

    def _signatures(self, block: b.Signatures) -> None:
        columns = len(block.signers)
        table = self.doc.add_table(rows=6, cols=columns)
        _no_borders(table)
        rows = table.rows
        rows[0].cells[-1].paragraphs[0].add_run(block.place_date)
        for column, signer in enumerate(block.signers):
            rows[1].cells[column].paragraphs[0].add_run(signer.caption)
            rows[2].cells[column].paragraphs[0].add_run(signer.position)
            self._run(rows[4].cells[column].paragraphs[0], signer.name, bold=True, underline=True)
            rows[5].cells[column].paragraphs[0].add_run(signer.nip)
        rows[3].height = Cm(2.2)

    def save(self, path: str | BinaryIO) -> None:
        self.doc.save(path)


def write_docx(
    document: b.ReportDocument,
    path: str | BinaryIO,
    on_start: Callable[[int], None] | None = None,
    on_flowable: Callable[[], None] | None = None,
) -> None:
    """Write the document to `path` as DOCX; progress is one step per block."""
    writer = _Writer(document)
    if on_start is not None:
        on_start(len(document.blocks))
    for block in document.blocks:
        writer.add(block)
        if on_flowable is not None:
            on_flowable()
    writer.save(path)
