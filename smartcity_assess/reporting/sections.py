"""The report's sections as reportlab flowables, in the order the issue fixes.

Every figure is read from the scoring engine's result (`ReportData.current.score`); this module only
chooses words, formats numbers and lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from ..core import chart_style
from ..core.framework import Framework
from ..core.scoring import IndicatorResult
from ..core.text import localize
from .catalogue import DASH, Catalogue
from .data import ReportData
from .fonts import REGULAR
from .radar import Series, radar_drawing
from .roadmap import roadmap
from .styles import DRAFT_INK, FRAME_WIDTH, MUTED, bullet, para, styles, table, text_chunks

W = FRAME_WIDTH


class Heading(Paragraph):
    """A section title; the document turns it into a PDF bookmark (outline level 0 or 1)."""

    def __init__(self, text: str, style, outline_level: int):
        super().__init__(text, style)
        self.outline_text = text
        self.outline_level = outline_level


@dataclass
class Context:
    data: ReportData
    cat: Catalogue
    section_number: int = 0

    @cached_property
    def results(self) -> dict[str, IndicatorResult]:
        """The engine's indicator results by code (a report of 500 indicators looks each one up)."""
        return {r.code: r for r in self.data.current.score.indicators}

    @cached_property
    def gaps(self) -> list[IndicatorResult]:
        """Indicators below target, largest priority first: the engine's order, read once."""
        return self.data.current.score.gaps_by_priority()

    @property
    def lang(self) -> str:
        return self.cat.lang

    @property
    def framework(self) -> Framework:
        return self.data.current.framework

    def text(self, value) -> str:
        return localize(value, self.lang)

    def h1(self, title: str) -> Heading:
        self.section_number += 1
        return Heading(f"{self.section_number}  {title}", styles().h1, 0)

    def h2(self, title: str) -> Heading:
        return Heading(title, styles().h2, 1)

    def indicator_name(self, code: str) -> str:
        indicator = self.framework.indicator(code)
        return self.text(indicator.name) if indicator else code

    def level_name(self, number: int) -> str:
        return self.text(self.framework.levels.get(number)) or str(number)

    def band(self, band) -> str:
        return self.text(band.label) if band else DASH

    def level_cell(self, result: IndicatorResult) -> str:
        if result.na:
            return self.cat("na")
        if result.level is None:
            return self.cat("not_answered")
        text = f"{result.level} – {self.level_name(result.level)}"
        response = self.data.responses.get(result.code)
        indicator = self.framework.indicator(result.code)
        if response and response.value is not None and indicator and indicator.metric:
            text += f" ({self.cat.measured(response.value)} {localize(indicator.metric.unit, self.lang)})"
        return text


def cover(ctx: Context) -> list[Flowable]:
    s, cat, info, fw = styles(), ctx.cat, ctx.data.current.info, ctx.framework
    story: list[Flowable] = [Spacer(1, 2.5 * cm), para(cat("report_title"), s.title)]
    story.append(para(f"{info.city} · {info.year}", s.subtitle))
    if not info.is_final:
        story.append(_draft_box(cat))
    if info.is_final:
        status = cat("status_final", date=cat.date(info.finalized_at.date()), who=info.finalized_by or DASH)
    elif info.is_in_review:
        status = cat("status_in_review", date=cat.date(info.submitted_at.date()), who=info.submitted_by or DASH)
    else:
        status = cat("status_draft")
    rows = [
        (cat("city"), info.city),
        (cat("year"), str(info.year)),
        (cat("framework"), cat("framework_version", title=ctx.text(fw.title), version=fw.version)),
        (cat("assessor"), info.assessor or cat("not_given")),
        (cat("assessed_by"), ", ".join(_assessors(ctx)) or cat("not_given")),
        (cat("status"), status),
    ]
    if info.is_final and info.reviewer:
        rows.append((cat("reviewed_by"), _reviewer(ctx)))
    if info.is_final and info.content_hash:
        rows.append((cat("content_hash"), info.content_hash))
    rows.append((cat("report_date"), cat.date(ctx.data.report_date)))
    story.append(key_value_table(rows))
    if info.is_demo:
        story += [Spacer(1, 10), para(cat("demo_notice"), s.body)]
    if fw.description:
        story += [Spacer(1, 14), para(ctx.text(fw.description), s.small)]
    story.append(PageBreak())
    return story


def key_value_table(pairs: list[tuple[str, str]]) -> Table:
    """Labels beside values; a long value (a city name as long as the store allows) takes several rows."""
    s = styles()
    rows = []
    for key, value in pairs:
        for n, piece in enumerate(text_chunks(value)):
            rows.append([para(key if n == 0 else "", s.cell_bold), para(piece, s.cell)])
    return table(rows, [4.5 * cm, W - 4.5 * cm], header_rows=0, label_column=True)


def _assessors(ctx: Context) -> list[str]:
    """Who gave levels (the assessors of every merged package), else the assessor named at creation."""
    found = list(ctx.data.agreement.assessors) if ctx.data.agreement else []
    return found or ([ctx.data.current.info.assessor] if ctx.data.current.info.assessor else [])


def _reviewer(ctx: Context) -> str:
    info = ctx.data.current.info
    who = ", ".join(
        filter(None, [info.reviewer, info.reviewer_role, f"NIP {info.reviewer_nip}" if info.reviewer_nip else None])
    )
    return ctx.cat("reviewer_line", who=who, date=ctx.cat.date(info.finalized_at.date()))


def signoff_section(ctx: Context) -> list[Flowable]:
    """Who assessed, who submitted, who reviewed and approved, when; the sealed content hash."""
    s, cat, info = styles(), ctx.cat, ctx.data.current.info
    rows = [(cat("assessed_by"), ", ".join(_assessors(ctx)) or cat("not_given"))]
    if info.submitted_at is not None:
        rows.append(
            (
                cat("signoff_submitted"),
                cat("reviewer_line", who=info.submitted_by or DASH, date=cat.date(info.submitted_at.date())),
            )
        )
    rows.append((cat("reviewed_by"), _reviewer(ctx) if info.is_final and info.reviewer else cat("signoff_pending")))
    if info.is_final and info.content_hash:
        rows.append((cat("content_hash"), info.content_hash))
    story: list[Flowable] = [ctx.h2(cat("sec_signoff"))]
    story.append(
        table(
            [[para(k, s.cell_bold), para(v, s.cell)] for k, v in rows],
            [4.5 * cm, W - 4.5 * cm],
            header_rows=0,
            label_column=True,
        )
    )
    if info.is_final and info.content_hash:
        story.append(para(cat("signoff_hash_note"), s.small))
    return story


def _agreement(ctx: Context) -> list[Flowable]:
    found = ctx.data.agreement
    if found is None or len(found.assessors) < 2:
        return []
    cat = ctx.cat
    alpha = DASH if found.alpha is None else cat.measured(round(found.alpha, 2))
    wide = [i.indicator for i in found.indicators if i.spread is not None and i.spread >= 2]
    text = cat(
        "agreement_text",
        count=len(found.assessors),
        names=", ".join(found.assessors),
        indicators=sum(1 for i in found.indicators if i.spread is not None),
        alpha=alpha,
        wide=", ".join(wide) or DASH,
    )
    return [ctx.h2(cat("method_agreement")), para(text, styles().body)]


def _draft_box(cat: Catalogue) -> Flowable:
    s = styles()
    box = Table(
        [[para(cat("draft_mark"), s.draft)], [para(cat("draft_notice"), s.caption)]],
        colWidths=[W * 0.7],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8),  # not reportlab's default Helvetica, which is never embedded
                ("BOX", (0, 0), (-1, -1), 1.5, DRAFT_INK),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )
    return KeepTogether([box, Spacer(1, 18)])


def summary(ctx: Context) -> list[Flowable]:
    s, cat, result = styles(), ctx.cat, ctx.data.current.score
    overall = result.overall
    story: list[Flowable] = [ctx.h1(cat("sec_summary"))]
    completion = cat(
        "completion_detail",
        percent=cat.percent(overall.completion),
        answered=overall.answered,
        na=overall.not_applicable,
        total=overall.total,
    )
    key_figures = [
        (
            cat("overall_index"),
            f"{cat.number(overall.score)} ({ctx.band(overall.band)})" if overall.score is not None else cat("unscored"),
        ),
        (cat("target"), cat.number(overall.target)),
        (cat("gap"), cat.number(overall.gap)),
        (cat("completion"), completion),
    ]
    story.append(key_value_table(key_figures))
    story.append(Spacer(1, 6))
    if not ctx.data.has_answers:
        story.append(para(cat("no_answers"), s.body))
    else:
        story += _radar(ctx)
    story.append(_pillar_table(ctx))
    story.append(ctx.h2(cat("top_gaps")))
    gaps = ctx.gaps[:5]
    if gaps:
        story.append(_gap_table(ctx, gaps))
    else:
        story.append(para(cat("no_answers_short") if not ctx.data.has_answers else cat("no_gaps"), s.body))
    return story


def _radar(ctx: Context) -> list[Flowable]:
    cat, data = ctx.cat, ctx.data
    pillars = data.current.score.pillars
    labels = [f"{p.code}" for p in pillars]
    series = [
        Series(
            cat("series_current", year=data.current.info.year),
            tuple(p.score for p in pillars),
            chart_style.CURRENT,
            filled=True,
        ),
        Series(cat("series_target"), tuple(p.target for p in pillars), chart_style.TARGET, dashed=True),
    ]
    previous = data.previous
    if previous is not None:
        earlier = [previous.score.pillar(p.code) for p in pillars]
        values = tuple(e.score if e else None for e in earlier)
        series.append(Series(cat("series_previous", year=previous.info.year), values, chart_style.PREVIOUS))
    caption = cat("radar_caption", lo=chart_style.SCALE_MIN, hi=chart_style.SCALE_MAX)
    missing = [f"{s.label}: {code}" for s in series for code, v in zip(labels, s.values, strict=True) if v is None]
    if missing:
        caption += " " + cat("radar_missing", items="; ".join(missing))
    return [radar_drawing(labels, series, W), para(caption, styles().caption), Spacer(1, 6)]


def _pillar_table(ctx: Context) -> Table:
    s, cat = styles(), ctx.cat
    header = [cat("pillar"), cat("weight"), cat("score"), cat("band"), cat("target"), cat("gap"), cat("completion")]
    rows: list[list] = [header]
    for p in ctx.data.current.score.pillars:
        name = ctx.text(ctx.framework.pillar(p.code).name)
        rows.append(
            [
                para(f"{p.code} {name}", s.cell),
                cat.measured(p.weight),
                cat.number(p.score),
                ctx.band(p.band),
                cat.number(p.target),
                cat.number(p.gap),
                cat.percent(p.completion),
            ]
        )
    widths = [None, 1.4 * cm, 1.4 * cm, 2.4 * cm, 1.4 * cm, 1.4 * cm, 1.8 * cm]
    return table(rows, widths, numeric_from=1, text_columns=(3,), extra=[("LEFTPADDING", (3, 0), (3, -1), 10)])


def _gap_table(ctx: Context, gaps: list[IndicatorResult]) -> Table:
    s, cat = styles(), ctx.cat
    rows: list[list] = [[cat("code"), cat("indicator"), cat("level_to_target"), cat("gap"), cat("priority")]]
    for g in gaps:
        rows.append(
            [
                g.code,
                para(ctx.indicator_name(g.code), s.cell),
                f"{g.level} → {g.target}",
                cat.number(g.gap),
                cat.number(g.priority, 3),
            ]
        )
    return table(rows, [1.8 * cm, None, 2.4 * cm, 1.5 * cm, 1.6 * cm], numeric_from=3)


def pillar_sections(ctx: Context) -> list[Flowable]:
    s, cat, result = styles(), ctx.cat, ctx.data.current.score
    story: list[Flowable] = []
    for pillar in ctx.framework.pillars:
        p = result.pillar(pillar.code)
        story.append(CondPageBreak(6 * cm))
        story.append(ctx.h1(cat("sec_pillar", code=pillar.code, name=ctx.text(pillar.name))))
        if pillar.description:
            story.append(para(ctx.text(pillar.description), s.small))
        counts = dict(answered=p.answered, total=p.total, na=p.not_applicable, weight=cat.measured(p.weight))
        if p.score is None:
            line = cat("pillar_line_unscored", **counts)
        else:
            line = cat(
                "pillar_line",
                score=cat.number(p.score),
                band=ctx.band(p.band),
                target=cat.number(p.target),
                gap=cat.number(p.gap),
                **counts,
            )
        story.append(para(line, s.body))
        indicators = [ctx.results[ind.code] for ind in pillar.indicators]
        story.append(_indicator_table(ctx, indicators))
        strengths = [i for i in indicators if i.gap == 0]
        weaknesses = [g for g in ctx.gaps if g.pillar == pillar.code]
        story.append(ctx.h2(cat("strengths")))
        story += _indicator_bullets(ctx, strengths)
        story.append(ctx.h2(cat("weaknesses")))
        story += _indicator_bullets(ctx, weaknesses)
    return story


def _indicator_table(ctx: Context, indicators: list[IndicatorResult]) -> Table:
    s, cat = styles(), ctx.cat
    header = [
        cat("code"),
        cat("indicator"),
        cat("level"),
        cat("target"),
        cat("gap"),
        cat("weight"),
        cat("evidence_files"),
    ]
    rows: list[list] = [header]
    extra = []
    for result in indicators:
        rows.append(
            [
                result.code,
                para(ctx.indicator_name(result.code), s.cell),
                para(ctx.level_cell(result), s.cell),
                str(result.target),
                cat.number(result.gap),
                cat.measured(result.weight),
                str(ctx.data.evidence_counts.get(result.code, 0)),
            ]
        )
        response = ctx.data.responses.get(result.code)
        if response and response.note.strip():
            first = len(rows)
            pieces = text_chunks(f"{cat('note')}: {response.note.strip()}")  # one row each: a row cannot split
            for piece in pieces:
                rows.append(["", para(piece, s.note), "", "", "", "", ""])
                extra.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
            extra += [
                ("LINEABOVE", (1, first), (-1, first), 0, MUTED),
                ("LINEBELOW", (0, first - 1), (-1, first - 1), 0, MUTED),
            ]
            if len(pieces) > 1:  # the pieces of one note read as one block
                extra.append(("LINEBELOW", (0, first), (-1, len(rows) - 2), 0.25, colors.white))
    widths = [1.8 * cm, None, 4.2 * cm, 1.2 * cm, 1.2 * cm, 1.2 * cm, 1.1 * cm]
    return table(rows, widths, numeric_from=3, extra=extra)


def _indicator_bullets(ctx: Context, indicators: list[IndicatorResult]) -> list[Flowable]:
    s = styles()
    if not indicators:
        return [para(ctx.cat("none"), s.body)]
    return [bullet(f"{i.code} {ctx.indicator_name(i.code)} ({i.level} → {i.target})") for i in indicators]


def gaps_section(ctx: Context) -> list[Flowable]:
    s, cat = styles(), ctx.cat
    story: list[Flowable] = [PageBreak(), ctx.h1(cat("sec_gaps"))]
    gaps = ctx.gaps
    if not gaps:
        return [*story, para(cat("no_answers_short") if not ctx.data.has_answers else cat("no_gaps"), s.body)]
    story.append(para(cat("gaps_intro"), s.body))
    for g in gaps:
        block: list[Flowable] = [
            para(f"{g.code} {ctx.indicator_name(g.code)}", s.h2),
            para(
                cat(
                    "gap_head",
                    level=g.level,
                    level_name=ctx.level_name(g.level),
                    target=g.target,
                    gap=cat.number(g.gap),
                    priority=cat.number(g.priority, 3),
                ),
                s.small_keep,
            ),
        ]
        indicator = ctx.framework.indicator(g.code)
        for number in ctx.framework.level_numbers:
            if g.level < number <= g.target:
                label = cat("rubric_level", number=number, name=ctx.level_name(number))
                rubric = ctx.text(indicator.rubric.get(number))
                block.append(Paragraph(f"<b>{escape(label)}</b> {escape(rubric)}", s.bullet, bulletText="•"))
        # The title and the gap line stay with the first rubric line (keepWithNext); a KeepTogether of the
        # whole block would wrap every paragraph twice, which a 500-indicator report notices.
        story += block
    return story


def roadmap_section(ctx: Context) -> list[Flowable]:
    s, cat = styles(), ctx.cat
    story: list[Flowable] = [CondPageBreak(8 * cm), ctx.h1(cat("sec_roadmap"))]
    items = roadmap(ctx.data.current.score)
    if not items:
        return [*story, para(cat("no_answers_short") if not ctx.data.has_answers else cat("no_roadmap"), s.body)]
    story.append(para(cat("roadmap_intro"), s.body))
    header = [
        cat("phase"),
        cat("code"),
        cat("indicator"),
        cat("level_to_target"),
        cat("priority"),
        cat("cumulative"),
        cat("next_step"),
    ]
    rows: list[list] = [header]
    extra = []
    previous_phase = None
    for item in items:
        g = item.gap
        new_phase = item.phase != previous_phase
        if new_phase and previous_phase is not None:
            extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.9, MUTED))
        step = cat("next_step_text", number=g.level + 1, name=ctx.level_name(g.level + 1))
        rows.append(
            [
                para(cat(item.phase), s.cell_bold if new_phase else s.cell),  # on every row: tables split across pages
                g.code,
                para(ctx.indicator_name(g.code), s.cell),
                f"{g.level} → {g.target}",
                cat.number(g.priority, 3),
                cat.percent(item.cumulative_share),
                para(step, s.cell),
            ]
        )
        previous_phase = item.phase
    widths = [2.6 * cm, 1.6 * cm, None, 1.6 * cm, 1.4 * cm, 1.3 * cm, 3.6 * cm]
    story.append(table(rows, widths, numeric_from=4, text_columns=(6,), extra=extra))
    return story


def method_section(ctx: Context) -> list[Flowable]:
    s, cat, fw = styles(), ctx.cat, ctx.framework
    story: list[Flowable] = [PageBreak(), ctx.h1(cat("sec_method"))]
    story.append(ctx.h2(cat("method_scale")))
    rows: list[list] = [[cat("level"), cat("level_name")]] + [[str(n), ctx.level_name(n)] for n in fw.level_numbers]
    story.append(table(rows, [2 * cm, 8 * cm]))

    story.append(ctx.h2(cat("method_weights")))
    total = sum(p.weight for p in fw.pillars)
    scored = {r.code: r for r in ctx.data.current.score.pillars if r.score is not None}
    scored_total = sum(r.weight for r in scored.values())
    # When a pillar has no score, the engine's shares differ from the framework's: show both.
    show_scored = bool(scored) and len(scored) < len(fw.pillars)
    header = [cat("pillar"), cat("weight"), cat("share")] + ([cat("share_scored")] if show_scored else [])
    rows = [[*header, cat("indicators")]]
    for p in fw.pillars:
        cells = [f"{p.code} {ctx.text(p.name)}", cat.measured(p.weight), cat.percent(p.weight / total if total else 0)]
        if show_scored:
            cells.append(cat.percent(p.weight / scored_total) if p.code in scored else "—")
        rows.append([*cells, str(len(p.indicators))])
    widths = [6 * cm, 2 * cm, 2 * cm] + ([3.2 * cm] if show_scored else []) + [2 * cm]
    story.append(table(rows, widths, numeric_from=1))
    story.append(para(cat("method_weights_note", weight=cat("weight")), s.small))
    if show_scored:
        story.append(para(cat("share_scored_note"), s.small))

    story.append(ctx.h2(cat("method_bands")))
    rows = [[cat("band"), cat("range")]]
    for i, band in enumerate(fw.bands):
        lo = cat.measured(band.min)
        if i + 1 < len(fw.bands):
            span = cat("range_between", lo=lo, hi=cat.measured(fw.bands[i + 1].min))
        else:
            span = cat("range_from", lo=lo)
        rows.append([ctx.text(band.label), span])
    story.append(table(rows, [4 * cm, 6 * cm]))

    story.append(ctx.h2(cat("method_formulas")))
    story += [bullet(line) for line in cat.lines("formulas")]
    story.append(ctx.h2(cat("method_na")))
    story += [para(cat("na_text"), s.body), para(cat("rounding"), s.body), para(cat("earlier_rule"), s.body)]
    story += _agreement(ctx)
    story += signoff_section(ctx)
    return story
