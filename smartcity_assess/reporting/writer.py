"""write_report: the one entry point that turns a stored assessment into its report, PDF or DOCX.

Runs without Qt (CLI, or the app's worker thread). The file is written through files.atomic_write, so a
failure or a kill never leaves a half-written report, nor a stray temporary file.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..core.errors import UserError
from ..core.text import localize
from ..files import atomic_write
from ..services.records import Store
from .blocks import Block, PageFrame, ReportDocument
from .catalogue import Catalogue
from .data import gather
from .progress_section import progress_section
from .sections import (
    Context,
    conclusion_section,
    cover,
    evidence_appendix,
    gaps_section,
    introduction,
    method_section,
    pillar_sections,
    roadmap_section,
    signoff_page,
    summary,
)

Progress = Callable[[int, int], None]
_STEPS = 100  # progress is reported in at most this many steps, however long the document


REPORT_SUFFIXES = (".pdf", ".docx")


def build_story(ctx: Context) -> list[Block]:
    """The blocks in the order of an official evaluation report (laporan hasil evaluasi)."""
    return [
        *cover(ctx),
        *signoff_page(ctx),
        *summary(ctx),
        *introduction(ctx),
        *method_section(ctx),
        *pillar_sections(ctx),
        *gaps_section(ctx),
        *roadmap_section(ctx),
        *progress_section(ctx),
        *conclusion_section(ctx),
        *evidence_appendix(ctx),
    ]


def build_document(store: Store, assessment_id: uuid.UUID | str, lang: str = "en", report_date: date | None = None):
    """The report's content, ready for either renderer."""
    cat = Catalogue(lang)
    data = gather(store, assessment_id, report_date)
    ctx = Context(data, cat)
    info, framework = data.current.info, data.current.framework
    frame = PageFrame(
        header_left=f"{info.city} · {info.year}",
        header_right=cat("report_title"),
        footer_left=f"{localize(framework.title, lang)} {framework.version}",
        page_of=cat("page_of", page="{page}", total="{total}"),
        draft_mark=None if info.is_final else cat("draft_mark"),
    )
    return ReportDocument(title=ctx.title, author=info.assessor or "", frame=frame, blocks=build_story(ctx))


def write_report(
    store: Store,
    assessment_id: uuid.UUID | str,
    path: str | os.PathLike,
    lang: str = "en",
    progress: Progress | None = None,
    *,
    report_date: date | None = None,
) -> Path:
    """Write the report of one assessment to `path` (.pdf or .docx, the same content); returns the path written.

    `progress(done, total)` is called from this thread as the work advances (at most ~100 times).
    Raises UserError for an unknown assessment, an unknown language or a path that cannot be written.
    """
    Catalogue(lang)  # an unknown language is refused before anything is read
    target = _checked_target(Path(path))
    report = _Progress(progress)
    document = build_document(store, assessment_id, lang, report_date)
    if target.suffix.lower() == ".docx":
        from .docx_writer import write_docx as render  # python-docx loads only when a DOCX is asked for
    else:
        from .pdf import write_pdf as render
    try:
        with atomic_write(target) as handle:
            render(document, handle, on_start=report.start, on_flowable=report.advance)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}; nothing was changed") from None
    report.finish()
    return target


def _checked_target(path: Path) -> Path:
    path = path.expanduser()
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name such as report.pdf")
    if path.suffix.lower() not in REPORT_SUFFIXES:
        # A PDF named .txt or .csv opens in the wrong program, or overwrites a file of that kind.
        raise UserError(
            f"the report is a PDF or a Word document: give a file name ending in .pdf or .docx, not {path.name}"
        )
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(f"cannot write {path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UserError(f"cannot write {path}: permission denied")
    return path.resolve()


class _Progress:
    """Turns 'one more flowable laid out' into at most _STEPS calls of progress(done, total)."""

    def __init__(self, callback: Progress | None):
        self.callback = callback
        self.total = 1
        self.done = 0
        self.last_step = -1

    def start(self, flowables: int) -> None:
        self.total = max(flowables, 1)
        self._emit()

    def advance(self) -> None:
        self.done = min(self.done + 1, self.total)
        self._emit()

    def finish(self) -> None:
        self.done = self.total
        self._emit()

    def _emit(self) -> None:
        if self.callback is None:
            return
        step = self.done * _STEPS // self.total
        if step != self.last_step:
            self.last_step = step
            self.callback(step, _STEPS)
