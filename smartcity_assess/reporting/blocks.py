"""The report as format-neutral blocks: the sections say *what* the report holds, once, and the PDF
(reportlab) and DOCX (python-docx) renderers each say how it looks. So both files always carry the same
content, and a change to a section reaches both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .radar import Series

# paragraph styles every renderer knows
BODY, SMALL, CAPTION, H3 = "body", "small", "caption", "h3"


@dataclass(frozen=True)
class Title:
    text: str
    subtitle: str = ""


@dataclass(frozen=True)
class Heading:
    """A numbered section title (level 0) or a subsection title (level 1); both become bookmarks."""

    text: str
    level: int = 0


@dataclass(frozen=True)
class Para:
    """A paragraph of plain text; `label` is printed bold before it ('Finding:')."""

    text: str
    style: str = BODY
    label: str = ""
    keep_with_next: bool = False  # on the same page as what follows (a gap's line and its first rubric)


@dataclass(frozen=True)
class Bullet:
    text: str
    label: str = ""  # printed bold before the text
    marker: str = "•"  # or "1.", "2.", … for numbered steps


@dataclass(frozen=True)
class Cell:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Table:
    """Rows of cells under a repeated header. Widths are in cm; one None takes the rest of the line.

    Numbers are right-aligned from column `numeric_from` on, except `text_columns`. `key_value` tables have
    no header and a shaded first column. `group_starts` are the rows (0-based) that begin a new group.
    """

    header: list[str]
    rows: list[list[str | Cell]]
    widths: list[float | None]
    numeric_from: int | None = None
    text_columns: tuple[int, ...] = ()
    key_value: bool = False
    group_starts: tuple[int, ...] = ()
    small: bool = False  # a smaller type, for long listings (the evidence appendix)


@dataclass(frozen=True)
class Radar:
    labels: list[str]
    series: list[Series]
    caption: str


@dataclass(frozen=True)
class DraftBox:
    mark: str
    notice: str


@dataclass(frozen=True)
class Signer:
    caption: str  # "Ketua Tim Penilai,"
    position: str  # jabatan; "" for none
    name: str  # a dotted line when nobody holds the role yet
    nip: str  # "NIP. 1982 …" or a dotted line


@dataclass(frozen=True)
class Signatures:
    place_date: str
    signers: tuple[Signer, ...]


@dataclass(frozen=True)
class Spacer:
    points: float = 10


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class CondBreak:
    """A page break unless `cm` of the page are still free (keeps a heading off the bottom of a page)."""

    cm: float


Block = Title | Heading | Para | Bullet | Table | Radar | DraftBox | Signatures | Spacer | PageBreak | CondBreak


@dataclass(frozen=True)
class PageFrame:
    header_left: str  # city and year
    header_right: str  # report title
    footer_left: str  # framework and version
    page_of: str  # "page {page} of {total}": the PDF fills it in, the DOCX puts page fields there
    draft_mark: str | None  # None for a final assessment


@dataclass
class ReportDocument:
    """Everything a renderer needs: the frame of every page and the blocks in order."""

    title: str
    author: str
    frame: PageFrame
    blocks: list[Block] = field(default_factory=list)
