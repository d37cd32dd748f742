"""The 'progress since previous assessments' section (issue 5): pillar scores per year, and the indicators
that moved most since the first compared year. Present only when the city has earlier final assessments.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable

from .progress import LevelChange, Progress, progress
from .sections import Context
from .styles import FRAME_WIDTH, para, styles, table

W = FRAME_WIDTH


def progress_section(ctx: Context) -> list[Flowable]:
    found = progress(ctx.data.current, ctx.data.earlier)
    if found is None:
        return []
    s, cat, info = styles(), ctx.cat, ctx.data.current.info
    story: list[Flowable] = [CondPageBreak(9 * cm), ctx.h1(cat("sec_progress"))]
    story.append(para(cat("progress_intro", city=info.city, code=info.framework_code), s.body))
    if found.versions_differ:
        versions = ", ".join(
            cat("version_in_year", version=y.info.framework_version, year=y.info.year) for y in found.years
        )
        story.append(para(cat("version_change", versions=versions), s.body))
    story.append(_score_table(ctx, found))
    first_year = found.first.info.year
    story.append(ctx.h2(cat("improvements", year=first_year)))
    story.append(
        _change_table(ctx, found, found.improvements) if found.improvements else para(cat("no_improvements"), s.body)
    )
    story.append(ctx.h2(cat("regressions", year=first_year)))
    story.append(
        _change_table(ctx, found, found.regressions) if found.regressions else para(cat("no_regressions"), s.body)
    )
    if found.not_comparable:
        story.append(para(f"{cat('not_comparable', year=first_year)}: {', '.join(found.not_comparable)}.", s.small))
    return story


def _year_label(ctx: Context, scored) -> str:
    year = scored.info.year
    return str(year) if scored.info.is_final else ctx.cat("year_draft", year=year)


def _score_table(ctx: Context, found: Progress):
    s, cat = styles(), ctx.cat
    header = [
        cat("pillar"),
        *(_year_label(ctx, y) for y in found.years),
        cat("change_since", year=found.first.info.year),
    ]
    rows: list[list] = [header]
    for row in found.rows:
        name = cat("overall") if row.code is None else f"{row.code} {ctx.text(ctx.framework.pillar(row.code).name)}"
        cells = [cat.number(v) if v is not None else cat("not_assessed") for v in row.scores]
        rows.append([para(name, s.cell_bold if row.code is None else s.cell), *cells, cat.signed(row.change)])
    year_width = min(2.2 * cm, (W - 5.5 * cm - 2.4 * cm) / len(found.years))
    widths = [None, *([year_width] * len(found.years)), 2.4 * cm]
    return table(rows, widths, numeric_from=1)


def _change_table(ctx: Context, found: Progress, changes: tuple[LevelChange, ...]):
    s, cat = styles(), ctx.cat
    first, last = found.first.info.year, found.years[-1].info.year
    rows: list[list] = [[cat("code"), cat("indicator"), f"{cat('level')} {first} → {last}", cat("change")]]
    for c in changes:
        rows.append([c.code, para(ctx.indicator_name(c.code), s.cell), f"{c.first} → {c.last}", f"{c.change:+d}"])
    return table(rows, [1.8 * cm, None, 3.4 * cm, 1.8 * cm], numeric_from=2)
