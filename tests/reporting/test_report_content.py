"""The PDF says what the scoring engine says, in the order the issue fixes, in both languages."""

from __future__ import annotations

import re

import pytest

from smartcity_assess.core.text import localize
from smartcity_assess.services.assessments import score

BANDUNG, CIMAHI = "Bandung (demo)", "Cimahi (demo)"
SECTIONS = {
    "en": [
        "Executive summary",
        "Introduction",
        "Method",
        "Pillar GOV: Government",
        "Pillar INF: Infrastructure",
        "Pillar WIFI: Wi-Fi coverage",
        "Pillar COM: Community",
        "Prioritised gaps",
        "Roadmap",
        "Progress since previous assessments",
        "Conclusion",
        "Appendix: evidence files",
    ],
    "id": [
        "Ringkasan eksekutif",
        "Pendahuluan",
        "Metode",
        "Pilar GOV: Pemerintahan",
        "Pilar INF: Infrastruktur",
        "Pilar WIFI: Cakupan Wi-Fi",
        "Pilar COM: Masyarakat",
        "Kesenjangan menurut prioritas",
        "Peta jalan",
        "Kemajuan sejak penilaian sebelumnya",
        "Kesimpulan",
        "Lampiran: daftar berkas bukti",
    ],
}


def num(value: float, lang: str = "en", digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "id" else text


def heading_positions(text: str, titles: list[str]) -> list[int]:
    """Where each numbered section heading ('3 Pillar …') starts; -1 when it is missing."""
    positions = []
    for number, title in enumerate(titles, start=1):
        match = re.search(rf"\b{number} {re.escape(title)}", text)
        positions.append(match.start() if match else -1)
    return positions


def between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_sections_come_in_the_issue_order(render, demo_id, lang):
    text = " ".join(render(demo_id(BANDUNG, 2026), lang))
    positions = heading_positions(text, SECTIONS[lang])
    assert -1 not in positions, dict(zip(SECTIONS[lang], positions, strict=True))
    assert positions == sorted(positions)


def test_cover_names_city_year_framework_assessor_status_and_draft(render, demo_id, demo_store):
    scored = score(demo_store, demo_id(BANDUNG, 2026))
    cover = render(demo_id(BANDUNG, 2026))[0]
    assert f"Smart City Maturity Assessment Report, {BANDUNG}, 2026" in cover
    assert f"City {BANDUNG}" in cover and "Assessment year 2026" in cover
    assert f"{localize(scored.framework.title, 'en')}, version {scored.framework.version}" in cover
    assert f"Assessor {scored.info.assessor}" in cover
    assert "Status Draft" in cover and "Date of this report" in cover
    assert "This assessment is not final" in cover
    assert "not a real assessment" in cover  # demo data says so


def test_executive_summary_figures_are_the_engines(render, demo_id, demo_store):
    scored = score(demo_store, demo_id(BANDUNG, 2026))
    result, fw = scored.score, scored.framework
    overall = result.overall
    text = " ".join(render(demo_id(BANDUNG, 2026)))
    summary = between(text, "1 Executive summary", "2 Introduction")
    assert f"Overall index {num(overall.score)} ({localize(overall.band.label, 'en')})" in summary
    assert f"Target {num(overall.target)}" in summary and f"Gap {num(overall.gap)}" in summary
    assert (
        f"{overall.completion:.0%} ({overall.answered} answered, {overall.not_applicable} not applicable, "
        f"of {overall.total} indicators)" in summary
    )
    for p in result.pillars:
        row = (
            f"{p.code} {localize(fw.pillar(p.code).name, 'en')} {p.weight:g} {num(p.score)} "
            f"{localize(p.band.label, 'en')} {num(p.target)} {num(p.gap)} {p.completion:.0%}"
        )
        assert row in summary
    top = result.gaps_by_priority()[:5]
    rows = [
        f"{g.code} {localize(fw.indicator(g.code).name, 'en')} {g.level} → {g.target} {num(g.gap)} "
        f"{num(g.priority, digits=3)}"
        for g in top
    ]
    found = [summary.index(row) for row in rows]
    assert found == sorted(found)
    # the radar's legend: this year, the target and the previous final year of the same city
    assert "2026 (this assessment)" in summary and "2025 (previous)" in summary


def test_pillar_sections_list_every_indicator_with_level_target_gap_note_and_strengths(render, demo_id, demo_store):
    scored = score(demo_store, demo_id(BANDUNG, 2026))
    responses = demo_store.responses(demo_id(BANDUNG, 2026))
    fw, result = scored.framework, scored.score
    text = " ".join(render(demo_id(BANDUNG, 2026)))
    section = between(text, "4 Pillar GOV: Government", "5 Pillar INF")
    for ind in fw.pillar("GOV").indicators:
        r = result.indicator(ind.code)
        assert f"{ind.code} {localize(ind.name, 'en')} {r.level} – {localize(fw.levels[r.level], 'en')}" in section
        tail = f"{r.target} {num(r.gap)} {ind.weight:g} 0"  # no evidence files in the demo
        assert tail in section
    assert f"Finding: {responses['GOV-03'].note}" in section
    strengths = between(section, "Strengths (at or above target)", "Weaknesses")
    weaknesses = between(section, "Weaknesses (below target)", "Findings by indicator")
    for ind in fw.pillar("GOV").indicators:
        r = result.indicator(ind.code)
        entry = f"{ind.code} {localize(ind.name, 'en')} ({r.level} → {r.target})"
        assert entry in (strengths if r.gap == 0 else weaknesses)


def test_unanswered_and_not_applicable_indicators_read_so(render, demo_id, demo_store):
    text = " ".join(render(demo_id(BANDUNG, 2026)))
    section = between(text, "6 Pillar WIFI", "7 Pillar COM")
    assert "WIFI-08 Safe and secure Wi-Fi access not answered" in section
    cimahi = " ".join(render(demo_id(CIMAHI, 2026)))
    assert "COM-08 Inclusive access to digital services N/A" in between(cimahi, "7 Pillar COM", "8 Prioritised")


def test_prioritised_gaps_follow_the_engine_and_quote_the_rubric_up_to_the_target(render, demo_id, demo_store):
    scored = score(demo_store, demo_id(BANDUNG, 2026))
    fw = scored.framework
    text = " ".join(render(demo_id(BANDUNG, 2026)))
    section = between(text, "8 Prioritised gaps", "9 Roadmap")
    gaps = scored.score.gaps_by_priority()
    starts = [section.index(f"{g.code} {localize(fw.indicator(g.code).name, 'en')} level {g.level}") for g in gaps]
    assert starts == sorted(starts)
    for g, start, end in zip(gaps, starts, [*starts[1:], len(section)], strict=True):
        block = section[start:end]
        rubric = fw.indicator(g.code).rubric
        for level in fw.level_numbers:
            quoted = f"Level {level} – {localize(fw.levels[level], 'en')}: {localize(rubric[level], 'en')}"
            assert (quoted in block) == (g.level < level <= g.target), (g.code, level)


def test_roadmap_lists_every_gap_once_under_its_phase_and_unit(render, demo_id, demo_store):
    scored = score(demo_store, demo_id(BANDUNG, 2026))
    responses = demo_store.responses(demo_id(BANDUNG, 2026))
    text = " ".join(render(demo_id(BANDUNG, 2026)))
    section = between(text, "9 Roadmap", "10 Progress")
    shares = between(section, "Cumulative share:", ".")
    assert shares.endswith("12–24 months 100%")  # each phase's share of the whole distance to target
    section = section[section.index("Recommendation Due Priority") :]  # the table, not the lines naming phases
    gaps = scored.score.gaps_by_priority()
    positions = {g.code: section.index(f" {g.code} ") for g in gaps}
    assert all(section.count(f" {g.code} ") == 1 for g in gaps)
    # the phase rule by hand: where a gap begins on the cumulative priority decides its phase
    labels = ("0–6 months", "6–12 months", "12–24 months")
    starts = [section.index(label) for label in labels]
    total, covered, phase_of = sum(g.priority for g in gaps), 0.0, {}
    for g in gaps:
        begins = covered / total
        phase_of[g.code] = 0 if begins < 0.5 else 1 if begins < 0.8 else 2
        covered += g.priority
        end = starts[phase_of[g.code] + 1] if phase_of[g.code] < 2 else len(section)
        assert starts[phase_of[g.code]] < positions[g.code] < end, g.code
    # within a phase, the gaps of a responsible unit stand together, in priority order, with the recommendation
    for g in gaps:
        response = responses[g.code]
        if response.recommendation:
            row = section[positions[g.code] :]
            assert row.index(response.recommendation.split()[0]) < 200
            assert str(response.due) in row[: row.index(response.recommendation) + len(response.recommendation) + 40]
    for phase in range(3):
        in_phase = [g for g in gaps if phase_of[g.code] == phase]
        units = [responses[g.code].responsible or "~" for g in in_phase]
        order = sorted(in_phase, key=lambda g: positions[g.code])
        assert [responses[g.code].responsible or "~" for g in order] == sorted(
            units, key=lambda u: (u == "~", u.casefold())
        )


def test_method_states_scale_weights_bands_formulas_and_na(render, demo_id, demo_store):
    fw = score(demo_store, demo_id(BANDUNG, 2026)).framework
    text = " ".join(render(demo_id(BANDUNG, 2026)))
    method = between(text, "3 Method", "4 Pillar GOV")
    for number in fw.level_numbers:
        assert f"{number} {localize(fw.levels[number], 'en')}" in method
    total = sum(p.weight for p in fw.pillars)
    for p in fw.pillars:
        assert f"{p.code} {localize(p.name, 'en')} {p.weight:g} {p.weight / total:.0%} {len(p.indicators)}" in method
    assert "Poor 0 to below 1.8" in method and "Excellent 4.2 and above" in method
    assert "Pillar score = Σ(w × level) / Σ w" in method
    assert "never counts as zero" in method


def test_every_page_has_header_and_page_x_of_y(render, demo_id):
    pages = render(demo_id(BANDUNG, 2026))
    for number, page in enumerate(pages, start=1):
        assert f"{BANDUNG} · 2026 · page {number} of {len(pages)}" in page
        assert "DRAFT" in page  # the mark of a non-final assessment, on every page


def test_a_final_assessment_has_no_draft_mark(render, demo_id):
    pages = render(demo_id(CIMAHI, 2026))
    assert not any("DRAFT" in page or "not final" in page for page in pages)
    assert "Status Final (finalized on" in pages[0]


def test_indonesian_report_uses_framework_id_texts_and_decimal_commas(render, demo_id, demo_store):
    scored = score(demo_store, demo_id(BANDUNG, 2026))
    fw, overall = scored.framework, scored.score.overall
    pages = render(demo_id(BANDUNG, 2026), "id")
    text = " ".join(pages)
    assert f"Indeks keseluruhan {num(overall.score, 'id')} ({localize(overall.band.label, 'id')})" in text
    assert localize(fw.indicator("GOV-03").name, "id") in text
    assert localize(fw.title, "id") in text
    assert f"halaman 1 dari {len(pages)}" in pages[0] and "DRAF" in pages[0]
    assert "Executive summary" not in text and "page 1 of" not in text


def test_progress_section_shows_pillar_scores_per_year_and_largest_moves(render, demo_id, demo_store):
    order = sorted(i.year for i in demo_store.list_assessments(city=BANDUNG))
    first = order[0]
    years = {y: score(demo_store, demo_id(BANDUNG, y)) for y in order}
    fw = years[2026].framework
    text = " ".join(render(demo_id(BANDUNG, 2026)))
    section = between(text, "10 Progress since previous assessments", "11 Conclusion")
    assert f"{' '.join(map(str, order[:-1]))} 2026 (draft) Change since {first}" in section
    overall = [years[y].score.overall.score for y in order]
    delta = overall[-1] - overall[0]
    assert f"Overall {' '.join(num(v) for v in overall)} {'+' if delta > 0 else ''}{num(delta)}" in section
    for p in fw.pillars:
        scores = [years[y].score.pillar(p.code).score for y in order]
        assert f"{p.code} {localize(p.name, 'en')} {' '.join(num(v) for v in scores)}" in section
    # indicator moves from the first year to 2026, computed here from the engine's levels
    moves = {}
    for ind in years[2026].score.indicators:
        before = years[first].score.indicator(ind.code).level
        if before is not None and ind.level is not None and ind.level != before:
            moves[ind.code] = (before, ind.level)
    improved = sorted((c for c, (a, b) in moves.items() if b > a), key=lambda c: -(moves[c][1] - moves[c][0]))
    improvements = between(section, f"Largest improvements since {first}", "Largest regressions")
    listed = re.findall(r"\b([A-Z]+-\d\d) ", improvements)
    assert len(listed) == min(5, len(improved)) and set(listed) <= set(improved)
    biggest = max(b - a for a, b in moves.values())
    assert all(moves[c][1] - moves[c][0] == biggest for c in listed[:1])
    for code in listed:
        a, b = moves[code]
        assert f"{code} {localize(fw.indicator(code).name, 'en')} {a} → {b} +{b - a}" in improvements
    if not any(b < a for a, b in moves.values()):
        assert "No indicator regressed." in section


def test_progress_section_is_absent_without_an_earlier_final_assessment(render, demo_id, demo_store):
    first = min(i.year for i in demo_store.list_assessments(city=BANDUNG))
    text = " ".join(render(demo_id(BANDUNG, first)))
    assert "Progress since previous assessments" not in text
    assert "(previous)" not in text  # and no previous year on the radar
    assert re.search(r"\b10 Conclusion", text)  # the conclusion follows the roadmap directly
