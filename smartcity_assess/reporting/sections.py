"""The report's sections as format-neutral blocks (blocks.py), in the order of an official evaluation report.

Every figure is read from the scoring engine's result (`ReportData.current.score`); this module only
chooses words and formats numbers. The PDF and the DOCX renderers lay the same blocks out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..core import chart_style
from ..core.framework import Framework, Indicator
from ..core.scoring import IndicatorResult
from ..core.text import localize
from ..services.records import ResponseRecord, TeamMemberInfo
from ..services.team import sign_place
from .blocks import (
    H3,
    SMALL,
    Block,
    Bullet,
    Cell,
    CondBreak,
    DraftBox,
    Heading,
    PageBreak,
    Para,
    Radar,
    Signatures,
    Signer,
    Spacer,
    Table,
    Title,
)
from .catalogue import DASH, Catalogue
from .data import ReportData
from .radar import Series
from .roadmap import roadmap

SIGN_PLACE_MAX_CHARS = 120


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

    @property
    def title(self) -> str:
        info = self.data.current.info
        return self.cat("report_title_full", city=info.city, year=info.year)

    def text(self, value) -> str:
        return localize(value, self.lang)

    def h1(self, title: str) -> Heading:
        self.section_number += 1
        return Heading(f"{self.section_number}  {title}", 0)

    def h2(self, title: str) -> Heading:
        return Heading(title, 1)

    def indicator_name(self, code: str) -> str:
        indicator = self.framework.indicator(code)
        return self.text(indicator.name) if indicator else code

    def level_name(self, number: int) -> str:
        return self.text(self.framework.levels.get(number)) or str(number)

    def band(self, band) -> str:
        return self.text(band.label) if band else DASH

    def response(self, code: str) -> ResponseRecord | None:
        return self.data.responses.get(code)

    def measured(self, indicator: Indicator, response: ResponseRecord | None) -> str:
        """'45 titik Wi-Fi per 100.000 penduduk', or '' when nothing was measured."""
        if response is None or response.value is None or indicator.metric is None:
            return ""
        unit = self.text(indicator.metric.unit)
        joint = "" if unit.startswith("%") else " "  # PUEBI: 97,5% without a space, 5 titik with one
        return f"{self.cat.measured(response.value)}{joint}{unit}".strip()

    def level_cell(self, result: IndicatorResult) -> str:
        if result.na:
            return self.cat("na")
        if result.level is None:
            return self.cat("not_answered")
        text = f"{result.level} – {self.level_name(result.level)}"
        measured = self.measured(self.framework.indicator(result.code), self.response(result.code))
        return f"{text} ({measured})" if measured else text


def _key_values(rows: list[tuple[str, str]]) -> Table:
    return Table([], [[Cell(k, bold=True), v] for k, v in rows], [4.5, None], key_value=True)


# ---- cover and sign-off --------------------------------------------------------------------------


def cover(ctx: Context) -> list[Block]:
    cat, info, fw = ctx.cat, ctx.data.current.info, ctx.framework
    story: list[Block] = [Spacer(70), Title(ctx.title, f"{info.city} · {info.year}")]
    if not info.is_final:
        story.append(DraftBox(cat("draft_mark"), cat("draft_notice")))
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
    story.append(_key_values(rows))
    if info.is_demo:
        story += [Spacer(10), Para(cat("demo_notice"))]
    if fw.description:
        story += [Spacer(14), Para(ctx.text(fw.description), SMALL)]
    story.append(PageBreak())
    return story


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


def review_record(ctx: Context) -> list[Block]:
    """Who assessed, who submitted, who reviewed and approved, when; the sealed content hash."""
    cat, info = ctx.cat, ctx.data.current.info
    rows = [(cat("assessed_by"), ", ".join(_assessors(ctx)) or cat("not_given"))]
    if info.submitted_at is not None:
        submitted = cat("reviewer_line", who=info.submitted_by or DASH, date=cat.date(info.submitted_at.date()))
        rows.append((cat("signoff_submitted"), submitted))
    rows.append((cat("reviewed_by"), _reviewer(ctx) if info.is_final and info.reviewer else cat("signoff_pending")))
    if info.is_final and info.content_hash:
        rows.append((cat("content_hash"), info.content_hash))
    story: list[Block] = [ctx.h2(cat("sec_review_record")), _key_values(rows)]
    if info.is_final and info.content_hash:
        story.append(Para(cat("signoff_hash_note"), SMALL))
    return story


def _agreement(ctx: Context) -> list[Block]:
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
    return [ctx.h2(cat("method_agreement")), Para(text)]


def _member(ctx: Context, role: str):
    return next((m for m in ctx.data.team if m.role == role), None)


def _approving_reviewer(ctx: Context):
    """Once approved, the reviewer who signed it off (the sealed record, as the cover says), with the team's
    NIP and position for what the approval left out when the team names the same person; before, the team's."""
    member = _member(ctx, "reviewer")
    info = ctx.data.current.info
    if not (info.is_final and info.reviewer):
        return member
    same = member if member is not None and member.name == info.reviewer else None
    return TeamMemberInfo(
        info.reviewer,
        "reviewer",
        info.reviewer_nip or (same.nip if same else ""),
        info.reviewer_role or (same.position if same else ""),
    )


def signoff_page(ctx: Context) -> list[Block]:
    """Lembar pengesahan: place and date, the lead's and the reviewer's name, position and NIP, room to sign."""
    cat, info = ctx.cat, ctx.data.current.info
    place = sign_place(info.city, info.sign_place)
    if len(place) > SIGN_PLACE_MAX_CHARS:  # the signature block is kept on one page: a name cannot run on for ever
        place = place[:SIGN_PLACE_MAX_CHARS].rstrip() + "…"
    day = cat.date(info.finalized_at.date()) if info.is_final else cat("dotted")
    signers = []
    for role, caption in (("reviewer", cat("signoff_reviewed")), ("lead", cat("signoff_approved"))):
        member = _approving_reviewer(ctx) if role == "reviewer" else _member(ctx, role)
        signers.append(
            Signer(
                caption=caption,
                position=(member.position if member and member.position else "")
                or (cat("signoff_reviewer") if role == "reviewer" else ""),
                name=member.name if member else cat("dotted"),
                nip=cat("nip_line", nip=_spaced_nip(member.nip) if member and member.nip else cat("dotted")),
            )
        )
    return [
        Spacer(40),
        Title(cat("signoff_title")),
        Para(cat("signoff_text", title=ctx.title)),
        Spacer(24),
        Signatures(f"{place}, {day}", tuple(signers)),
        PageBreak(),
    ]


def _spaced_nip(nip: str) -> str:
    """A NIP as printed on official documents: 19820315 200604 2 001."""
    if len(nip) != 18:
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


# ---- executive summary -------------------------------------------------------------------------


def summary(ctx: Context) -> list[Block]:
    cat, result = ctx.cat, ctx.data.current.score
    overall = result.overall
    story: list[Block] = [ctx.h1(cat("sec_summary"))]
    completion = cat(
        "completion_detail",
        percent=cat.percent(overall.completion),
        answered=overall.answered,
        na=overall.not_applicable,
        total=overall.total,
    )
    index = f"{cat.number(overall.score)} ({ctx.band(overall.band)})" if overall.score is not None else cat("unscored")
    story.append(
        _key_values(
            [
                (cat("overall_index"), index),
                (cat("target"), cat.number(overall.target)),
                (cat("gap"), cat.number(overall.gap)),
                (cat("completion"), completion),
            ]
        )
    )
    story.append(Spacer(6))
    if not ctx.data.has_answers:
        story.append(Para(cat("no_answers")))
    else:
        story.append(_radar(ctx))
    if result.domains:
        story += [ctx.h2(cat("domain_scores")), _domain_table(ctx)]
    story.append(_pillar_table(ctx))
    story.append(ctx.h2(cat("top_gaps")))
    gaps = ctx.gaps[:5]
    if gaps:
        story.append(_gap_table(ctx, gaps))
    else:
        story.append(Para(cat("no_answers_short") if not ctx.data.has_answers else cat("no_gaps")))
    return story


def _radar(ctx: Context) -> Radar:
    cat, data = ctx.cat, ctx.data
    pillars = data.current.score.pillars
    labels = [p.code for p in pillars]
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
    return Radar(labels, series, caption)


def _figure_rows(ctx: Context, results, name_of) -> list[list]:
    cat = ctx.cat
    return [
        [
            f"{r.code} {ctx.text(name_of(r.code).name)}",
            cat.measured(r.weight),
            cat.number(r.score),
            ctx.band(r.band),
            cat.number(r.target),
            cat.number(r.gap),
            cat.percent(r.completion),
        ]
        for r in results
    ]


_FIGURE_WIDTHS = [None, 1.4, 1.4, 2.4, 1.4, 1.6, 1.8]


def _figure_header(ctx: Context, first: str) -> list[str]:
    cat = ctx.cat
    return [first, cat("weight"), cat("score"), cat("band"), cat("target"), cat("gap"), cat("completion")]


def _domain_table(ctx: Context) -> Table:
    rows = _figure_rows(ctx, ctx.data.current.score.domains, ctx.framework.domain)
    return Table(_figure_header(ctx, ctx.cat("domain")), rows, _FIGURE_WIDTHS, numeric_from=1, text_columns=(3,))


def _pillar_table(ctx: Context) -> Table:
    rows = _figure_rows(ctx, ctx.data.current.score.pillars, ctx.framework.pillar)
    return Table(_figure_header(ctx, ctx.cat("pillar")), rows, _FIGURE_WIDTHS, numeric_from=1, text_columns=(3,))


def _gap_table(ctx: Context, gaps: list[IndicatorResult]) -> Table:
    cat = ctx.cat
    header = [cat("code"), cat("indicator"), cat("level_to_target"), cat("gap"), cat("priority")]
    rows = [
        [g.code, ctx.indicator_name(g.code), f"{g.level} → {g.target}", cat.number(g.gap), cat.number(g.priority, 3)]
        for g in gaps
    ]
    return Table(header, rows, [1.8, None, 2.4, 1.5, 1.6], numeric_from=3)


# ---- introduction and method -----------------------------------------------------------------------


def introduction(ctx: Context) -> list[Block]:
    cat, info, fw = ctx.cat, ctx.data.current.info, ctx.framework
    framework_title = ctx.text(fw.title)
    story: list[Block] = [PageBreak(), ctx.h1(cat("sec_intro")), ctx.h2(cat("legal_basis"))]
    if fw.legal_basis:
        parts = [part.strip().rstrip(".") for part in ctx.text(fw.legal_basis).split(";") if part.strip()]
        story += [Bullet(part[:1].upper() + part[1:] + ".") for part in parts]  # one regulation a line
    else:
        story.append(Para(cat("no_legal_basis")))
    story += [
        ctx.h2(cat("purpose")),
        Para(cat("purpose_text", city=info.city, year=info.year, framework=framework_title)),
        ctx.h2(cat("scope")),
    ]
    levels = fw.level_numbers
    domains = cat("scope_domains", count=len(fw.domains)) if fw.domains else ""
    story.append(
        Para(
            cat(
                "scope_text",
                city=info.city,
                year=info.year,
                indicators=len(fw.indicators),
                pillars=len(fw.pillars),
                domains=domains,
                lo=levels[0],
                hi=levels[-1],
                framework=framework_title,
                version=fw.version,
            )
        )
    )
    story.append(ctx.h2(cat("team")))
    if ctx.data.team:
        header = [cat("number"), cat("name"), cat("team_role"), cat("position"), cat("nip")]
        rows = [
            [str(n), m.name, cat(f"role_{m.role}"), m.position or DASH, _spaced_nip(m.nip) or DASH]
            for n, m in enumerate(ctx.data.team, start=1)
        ]
        story.append(Table(header, rows, [1.0, None, 3.0, 4.2, 4.0]))
    else:
        story.append(Para(cat("no_team")))
    return story


def method_section(ctx: Context) -> list[Block]:
    cat, fw = ctx.cat, ctx.framework
    story: list[Block] = [CondBreak(8), ctx.h1(cat("sec_method")), ctx.h2(cat("method_stages"))]
    story += [Bullet(line, marker=f"{n}.") for n, line in enumerate(cat.lines("stages"), start=1)]
    story.append(ctx.h2(cat("method_sources")))
    sources = sorted({r.value_source for r in ctx.data.responses.values() if r.value_source})
    count = len(ctx.data.evidence)
    files = cat("source_files_one") if count == 1 else cat("source_files", count=count)
    if sources:
        story.append(Para(cat("sources_text", files=files, sources="; ".join(sources))))
    else:  # not "measured values from no source stated yet"
        story.append(Para(cat("sources_text_unsourced", files=files)))
    story.append(ctx.h2(cat("method_scale")))
    story.append(
        Table([cat("level"), cat("level_name")], [[str(n), ctx.level_name(n)] for n in fw.level_numbers], [2, 8])
    )

    story.append(ctx.h2(cat("method_weights")))
    total = sum(p.weight for p in fw.pillars)
    scored = {r.code: r for r in ctx.data.current.score.pillars if r.score is not None}
    scored_total = sum(r.weight for r in scored.values())
    # When a pillar has no score, the engine's shares differ from the framework's: show both.
    show_scored = bool(scored) and len(scored) < len(fw.pillars)
    header = [cat("pillar"), cat("weight"), cat("share")] + ([cat("share_scored")] if show_scored else [])
    header.append(cat("indicators"))
    rows = []
    for p in fw.pillars:
        cells = [f"{p.code} {ctx.text(p.name)}", cat.measured(p.weight), cat.percent(p.weight / total if total else 0)]
        if show_scored:
            cells.append(cat.percent(p.weight / scored_total) if p.code in scored else DASH)
        rows.append([*cells, str(len(p.indicators))])
    widths = [6, 2, 2] + ([3.2] if show_scored else []) + [2]
    story.append(Table(header, rows, widths, numeric_from=1))
    story.append(Para(cat("method_weights_note", weight=cat("weight")), SMALL))
    if show_scored:
        story.append(Para(cat("share_scored_note"), SMALL))

    story.append(ctx.h2(cat("method_bands")))
    rows = []
    for i, band in enumerate(fw.bands):
        lo = cat.measured(band.min)
        if i + 1 < len(fw.bands):
            span = cat("range_between", lo=lo, hi=cat.measured(fw.bands[i + 1].min))
        else:
            span = cat("range_from", lo=lo)
        rows.append([ctx.text(band.label), span])
    story.append(Table([cat("band"), cat("range")], rows, [4, 6]))

    story.append(ctx.h2(cat("method_formulas")))
    story += [Bullet(line) for line in cat.lines("formulas")]
    story.append(ctx.h2(cat("method_na")))
    story += [Para(cat("na_text")), Para(cat("rounding")), Para(cat("earlier_rule"))]
    story += _agreement(ctx)
    story += review_record(ctx)
    return story


# ---- pillars and indicators -----------------------------------------------------------------------


def pillar_sections(ctx: Context) -> list[Block]:
    cat, result = ctx.cat, ctx.data.current.score
    story: list[Block] = []
    for pillar in ctx.framework.pillars:
        p = result.pillar(pillar.code)
        story.append(CondBreak(6))
        story.append(ctx.h1(cat("sec_pillar", code=pillar.code, name=ctx.text(pillar.name))))
        if pillar.domain is not None:
            domain = ctx.framework.domain(pillar.domain)
            story.append(Para(cat("domain_of", code=domain.code, name=ctx.text(domain.name)), SMALL))
        if pillar.description:
            story.append(Para(ctx.text(pillar.description), SMALL))
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
        story.append(Para(line))
        indicators = [ctx.results[ind.code] for ind in pillar.indicators]
        story.append(_indicator_table(ctx, indicators))
        strengths = [i for i in indicators if i.gap == 0]
        weaknesses = [g for g in ctx.gaps if g.pillar == pillar.code]
        story.append(ctx.h2(cat("strengths")))
        story += _indicator_bullets(ctx, strengths)
        story.append(ctx.h2(cat("weaknesses")))
        story += _indicator_bullets(ctx, weaknesses)
        story.append(ctx.h2(cat("sec_findings")))
        for indicator in pillar.indicators:
            story += _indicator_details(ctx, indicator)
    return story


def _indicator_table(ctx: Context, indicators: list[IndicatorResult]) -> Table:
    cat = ctx.cat
    header = [
        cat("code"),
        cat("indicator"),
        cat("level"),
        cat("target"),
        cat("gap"),
        cat("weight"),
        cat("evidence_files"),
    ]
    rows = [
        [
            r.code,
            ctx.indicator_name(r.code),
            ctx.level_cell(r),
            str(r.target),
            cat.number(r.gap),
            cat.measured(r.weight),
            str(ctx.data.evidence_counts.get(r.code, 0)),
        ]
        for r in indicators
    ]
    return Table(header, rows, [1.8, None, 4.2, 1.2, 1.2, 1.2, 1.1], numeric_from=3)


def _indicator_bullets(ctx: Context, indicators: list[IndicatorResult]) -> list[Block]:
    if not indicators:
        return [Para(ctx.cat("none"))]
    return [Bullet(f"{i.code} {ctx.indicator_name(i.code)} ({i.level} → {i.target})") for i in indicators]


def _indicator_details(ctx: Context, indicator: Indicator) -> list[Block]:
    """Per indicator: the level reached with its rubric text, the finding, the value with its source and year,
    the recommendation with its unit and due year, references and evidence."""
    cat, result, response = ctx.cat, ctx.results[indicator.code], ctx.response(indicator.code)
    blocks: list[Block] = [Para(f"{indicator.code} {ctx.text(indicator.name)}", H3)]
    if result.na:
        reached = cat("na")
    elif result.level is None:
        reached = cat("not_answered")
    else:
        reached = cat(
            "level_reached_text", number=result.level, name=ctx.level_name(result.level), target=result.target
        )
        reached += " " + ctx.text(indicator.rubric.get(result.level))
    blocks.append(Para(reached, label=cat("level_reached")))
    if response is not None and response.note.strip():
        blocks.append(Para(response.note.strip(), label=cat("finding")))
    measured = ctx.measured(indicator, response)
    if measured:
        source = ", ".join(str(x) for x in (response.value_source, response.value_year) if x)
        blocks.append(
            Para(f"{measured} ({cat('source')}: {source or cat('source_unknown')})", label=cat("measured_value"))
        )
    if response is not None and response.recommendation:
        extra = [f"{cat('responsible')}: {response.responsible}" if response.responsible else ""]
        extra.append(f"{cat('due')}: {response.due}" if response.due else "")
        tail = "; ".join(e for e in extra if e)
        blocks.append(Para(response.recommendation + (f" ({tail})" if tail else ""), label=cat("recommendation")))
    if indicator.references:
        blocks.append(Para("; ".join(indicator.references), SMALL, label=cat("references")))
    files = ctx.data.evidence_counts.get(indicator.code, 0)
    if files:
        words = cat("evidence_count_one") if files == 1 else cat("evidence_count", count=files)
        blocks.append(Para(words, SMALL, label=cat("evidence_line")))
    return blocks


# ---- gaps, roadmap, conclusion, appendix --------------------------------------------------------------


def gaps_section(ctx: Context) -> list[Block]:
    cat = ctx.cat
    story: list[Block] = [PageBreak(), ctx.h1(cat("sec_gaps"))]
    gaps = ctx.gaps
    if not gaps:
        return [*story, Para(cat("no_answers_short") if not ctx.data.has_answers else cat("no_gaps"))]
    story.append(Para(cat("gaps_intro")))
    for g in gaps:
        story.append(Para(f"{g.code} {ctx.indicator_name(g.code)}", H3))
        story.append(
            Para(
                cat(
                    "gap_head",
                    level=g.level,
                    level_name=ctx.level_name(g.level),
                    target=g.target,
                    gap=cat.number(g.gap),
                    priority=cat.number(g.priority, 3),
                ),
                SMALL,
                keep_with_next=True,
            )
        )
        indicator = ctx.framework.indicator(g.code)
        for number in ctx.framework.level_numbers:
            if g.level < number <= g.target:
                label = cat("rubric_level", number=number, name=ctx.level_name(number))
                story.append(Bullet(ctx.text(indicator.rubric.get(number)), label=label))
    return story


def roadmap_section(ctx: Context) -> list[Block]:
    """The gaps in phases; within a phase grouped by responsible unit, each with its recommendation and due year
    (or, where the assessors wrote none, the next level to reach)."""
    cat = ctx.cat
    story: list[Block] = [CondBreak(8), ctx.h1(cat("sec_roadmap"))]
    items = roadmap(ctx.data.current.score)
    if not items:
        return [*story, Para(cat("no_answers_short") if not ctx.data.has_answers else cat("no_roadmap"))]
    story.append(Para(cat("roadmap_intro")))
    header = [
        cat("phase"),
        cat("unit"),
        cat("indicator"),
        cat("action"),
        cat("due_year"),
        cat("priority"),
    ]
    not_assigned = cat("no_unit")

    def unit(item) -> str:
        response = ctx.response(item.gap.code)
        return response.responsible if response and response.responsible else not_assigned

    phases = {phase: i for i, phase in enumerate(dict.fromkeys(item.phase for item in items))}
    ordered = sorted(items, key=lambda item: (phases[item.phase], unit(item) == not_assigned, unit(item).casefold()))
    rows: list[list] = []
    starts = []
    previous = None
    for item in ordered:
        g, response = item.gap, ctx.response(item.gap.code)
        group = (item.phase, unit(item))
        if previous is not None and group != previous:
            starts.append(len(rows))
        if response is not None and response.recommendation:
            action = response.recommendation
        else:
            action = cat("next_step_text", number=g.level + 1, name=ctx.level_name(g.level + 1))
        rows.append(
            [
                Cell(cat(item.phase), bold=group[0] != (previous or ("",))[0]),
                Cell(unit(item), bold=group != previous),
                f"{g.code} {ctx.indicator_name(g.code)}",
                action,
                str(response.due) if response is not None and response.due else DASH,
                cat.number(g.priority, 3),
            ]
        )
        previous = group
    # Within a phase the rows go by unit, so a running share per row would jump about: each phase states
    # the share of the whole distance to target that is closed once it is done.
    reached = {item.phase: item.cumulative_share for item in items}
    shares = ", ".join(f"{cat(phase)} {cat.percent(share)}" for phase, share in reached.items())
    story.append(Para(f"{cat('cumulative')}: {shares}.", SMALL))
    widths = [1.8, 2.8, None, 4.8, 1.4, 1.5]
    story.append(Table(header, rows, widths, numeric_from=4, group_starts=tuple(starts)))
    return story


def conclusion_section(ctx: Context) -> list[Block]:
    cat, info, result = ctx.cat, ctx.data.current.info, ctx.data.current.score
    story: list[Block] = [CondBreak(6), ctx.h1(cat("sec_conclusion"))]
    overall = result.overall
    if overall.score is None:
        return [*story, Para(cat("conclusion_none", city=info.city, year=info.year))]
    story.append(
        Para(
            cat(
                "conclusion_index",
                city=info.city,
                year=info.year,
                score=cat.number(overall.score),
                band=ctx.band(overall.band),
                target=cat.number(overall.target),
                completion=cat.percent(overall.completion),
            )
        )
    )
    if result.domains:
        kind, scored, name_of = (
            cat("kind_domain"),
            [d for d in result.domains if d.score is not None],
            ctx.framework.domain,
        )
    else:
        kind, scored, name_of = (
            cat("kind_pillar"),
            [p for p in result.pillars if p.score is not None],
            ctx.framework.pillar,
        )
    if len(scored) > 1:
        best = max(scored, key=lambda r: r.score)
        worst = min(scored, key=lambda r: r.score)
        story.append(
            Para(
                cat(
                    "conclusion_extremes",
                    kind=kind,
                    kind_cap=kind[:1].upper() + kind[1:],
                    best=f"{best.code} {ctx.text(name_of(best.code).name)}",
                    best_score=cat.number(best.score),
                    worst=f"{worst.code} {ctx.text(name_of(worst.code).name)}",
                    worst_score=cat.number(worst.score),
                )
            )
        )
    if ctx.gaps:
        codes = ", ".join(g.code for g in ctx.gaps[:3])
        story.append(Para(cat("conclusion_gaps", count=len(ctx.gaps), codes=codes)))
    else:
        story.append(Para(cat("conclusion_no_gaps")))
    recommended = [r for r in ctx.data.responses.values() if r.recommendation]
    if recommended:
        units = {r.responsible.casefold() for r in recommended if r.responsible}
        story.append(Para(cat("conclusion_recommendations", count=len(recommended), units=len(units))))
    previous = ctx.data.previous
    if previous is not None and previous.score.overall.score is not None:
        change = cat.signed(overall.score - previous.score.overall.score)
        story.append(Para(cat("conclusion_change", year=previous.info.year, change=change)))
    if not info.is_final:
        story.append(Para(cat("conclusion_draft")))
    return story


def evidence_appendix(ctx: Context) -> list[Block]:
    cat = ctx.cat
    story: list[Block] = [PageBreak(), ctx.h1(cat("sec_appendix"))]
    if not ctx.data.evidence:
        return [*story, Para(cat("no_evidence"))]
    story.append(Para(cat("appendix_intro")))
    order = {ind.code: i for i, ind in enumerate(ctx.framework.indicators)}
    files = sorted(ctx.data.evidence, key=lambda e: (order.get(e.indicator_code, len(order)), e.added_at))
    header = [cat("indicator"), cat("file"), cat("date"), cat("added_by"), cat("sha256")]
    rows = [[e.indicator_code, e.file_name, cat.date(e.added_at.date()), e.added_by or DASH, e.sha256] for e in files]
    story.append(Table(header, rows, [1.8, None, 2.6, 2.4, 5.4], small=True))
    return story
