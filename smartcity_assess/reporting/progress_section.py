"""The 'progress since previous assessments' section (issue 5): pillar scores per year, and the indicators
that moved most since the first compared year. Present only when the city has earlier final assessments.
"""

from __future__ import annotations

from .blocks import SMALL, Block, Cell, CondBreak, Para, Table
from .progress import LevelChange, Progress, progress
from .sections import Context

W = 17.0  # cm of an A4 page between the margins


def progress_section(ctx: Context) -> list[Block]:
    found = progress(ctx.data.current, ctx.data.earlier)
    if found is None:
        return []
    cat, info = ctx.cat, ctx.data.current.info
    story: list[Block] = [CondBreak(9), ctx.h1(cat("sec_progress"))]
    story.append(Para(cat("progress_intro", city=info.city, code=info.framework_code)))
    if found.versions_differ:
        versions = ", ".join(
            cat("version_in_year", version=y.info.framework_version, year=y.info.year) for y in found.years
        )
        story.append(Para(cat("version_change", versions=versions)))
    story.append(_score_table(ctx, found))
    first_year = found.first.info.year
    story.append(ctx.h2(cat("improvements", year=first_year)))
    story.append(_change_table(ctx, found, found.improvements) if found.improvements else Para(cat("no_improvements")))
    story.append(ctx.h2(cat("regressions", year=first_year)))
    story.append(_change_table(ctx, found, found.regressions) if found.regressions else Para(cat("no_regressions")))
    if found.not_comparable:
        story.append(Para(f"{cat('not_comparable', year=first_year)}: {', '.join(found.not_comparable)}.", SMALL))
    return story


def _year_label(ctx: Context, scored) -> str:
    year = scored.info.year
    return str(year) if scored.info.is_final else ctx.cat("year_draft", year=year)


def _score_table(ctx: Context, found: Progress):
    cat = ctx.cat
    header = [
        cat("pillar"),
        *(_year_label(ctx, y) for y in found.years),
        cat("change_since", year=found.first.info.year),
    ]
    rows: list[list] = []
    for row in found.rows:
        name = cat("overall") if row.code is None else f"{row.code} {ctx.text(ctx.framework.pillar(row.code).name)}"
        cells = [cat.number(v) if v is not None else cat("not_assessed") for v in row.scores]
        rows.append([Cell(name, bold=row.code is None), *cells, cat.signed(row.change)])
    year_width = min(2.2, (W - 5.5 - 2.4) / len(found.years))
    widths = [None, *([year_width] * len(found.years)), 2.4]
    return Table(header, rows, widths, numeric_from=1)


def _change_table(ctx: Context, found: Progress, changes: tuple[LevelChange, ...]):
    cat = ctx.cat
    first, last = found.first.info.year, found.years[-1].info.year
    header = [cat("code"), cat("indicator"), f"{cat('level')} {first} → {last}", cat("change")]
    rows = [[c.code, ctx.indicator_name(c.code), f"{c.first} → {c.last}", f"{c.change:+d}"] for c in changes]
    return Table(header, rows, [1.8, None, 3.4, 1.8], numeric_from=2)
