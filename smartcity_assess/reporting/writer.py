"""write_report: the one entry point that turns a stored assessment into the PDF gap report.

Runs without Qt (CLI, or the app's worker thread). The PDF is written through files.atomic_write, so a
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
from .catalogue import Catalogue
from .data import gather
from .document import PageFrame, ReportDocument, canvas_maker
from .fonts import register_fonts
from .progress_section import progress_section
from .sections import Context, cover, gaps_section, method_section, pillar_sections, roadmap_section, summary

Progress = Callable[[int, int], None]
_STEPS = 100  # progress is reported in at most this many steps, however long the document


def build_story(ctx: Context) -> list:
    """The flowables in the order the issue fixes, the progress section just before the method."""
    return [
        *cover(ctx),
        *summary(ctx),
        *pillar_sections(ctx),
        *gaps_section(ctx),
        *roadmap_section(ctx),
        *progress_section(ctx),
        *method_section(ctx),
    ]


def write_report(
    store: Store,
    assessment_id: uuid.UUID | str,
    path: str | os.PathLike,
    lang: str = "en",
    progress: Progress | None = None,
    *,
    report_date: date | None = None,
) -> Path:
    """Write the gap report of one assessment to `path` (PDF); returns the path written.

    `progress(done, total)` is called from this thread as the work advances (at most ~100 times).
    Raises UserError for an unknown assessment, an unknown language or a path that cannot be written.
    """
    cat = Catalogue(lang)
    target = _checked_target(Path(path))
    report = _Progress(progress)
    register_fonts()
    data = gather(store, assessment_id, report_date)
    ctx = Context(data, cat)
    story = build_story(ctx)
    report.start(len(story))

    info, framework = data.current.info, data.current.framework
    frame = PageFrame(
        header_left=f"{info.city} · {info.year}",
        header_right=cat("report_title"),
        footer_left=f"{localize(framework.title, lang)} {framework.version}",
        page_of=lambda page, total: cat("page_of", page=page, total=total),
        draft_mark=None if info.is_final else cat("draft_mark"),
    )
    try:
        with atomic_write(target) as handle:
            doc = ReportDocument(
                handle,
                title=f"{cat('report_title')}: {info.city} {info.year}",
                author=info.assessor or "",
                on_flowable=report.advance,
            )
            doc.build(story, canvasmaker=canvas_maker(frame))
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}; nothing was changed") from None
    report.finish()
    return target


def _checked_target(path: Path) -> Path:
    path = path.expanduser()
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name such as report.pdf")
    if path.suffix.lower() != ".pdf":
        # A PDF named .txt or .csv opens in the wrong program, or overwrites a file of that kind.
        raise UserError(f"the report is a PDF: give a file name ending in .pdf, not {path.name}")
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
