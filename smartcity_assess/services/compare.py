"""Comparing assessments: choose them (one city over years, or one year across cities), load, export.

Loading reads the assessment list once and all their answers in one query (`score_many`), so a comparison
of many assessments costs two queries, not one per assessment.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..core.comparison import ComparedAssessment, Comparison, build_comparison
from ..core.errors import NotFoundError, UserError
from ..persistence.store import AssessmentInfo, Store, city_key
from .assessments import score_many
from .tables import write_table

BY_YEAR = "years"
BY_CITY = "cities"


def framework_codes(infos: Sequence[AssessmentInfo]) -> list[str]:
    """The framework codes among assessments, the latest assessment's first: the choice to offer.

    Different frameworks (not versions of one) cannot be compared; when there are several, the
    person chooses (the CLI's --framework, the app's framework list), never the program behind
    their back.
    """
    latest_first = sorted(infos, key=lambda i: (i.year, i.updated_at), reverse=True)
    return list(dict.fromkeys(i.framework_code for i in latest_first))


def one_framework(infos: list[AssessmentInfo], framework_code: str | None, what: str) -> list[AssessmentInfo]:
    """Assessments made with one framework code: the one asked for, else the only one there is."""
    if framework_code is not None:
        chosen = [i for i in infos if i.framework_code == framework_code]
        if not chosen:
            raise NotFoundError("compare_no_such_framework", what=what, framework=framework_code)
        return chosen
    codes = sorted({i.framework_code for i in infos})
    if len(codes) > 1:
        raise UserError("compare_several_frameworks", what=what, codes=", ".join(codes))
    return infos


def _drop_drafts(infos: list[AssessmentInfo], include_drafts: bool) -> list[AssessmentInfo]:
    return infos if include_drafts else [i for i in infos if i.is_final]


def select_years(
    store: Store,
    city: str,
    years: Sequence[int] | None = None,
    *,
    framework_code: str | None = None,
    include_drafts: bool = False,
) -> list[AssessmentInfo]:
    """One city's assessments in year order: the years given, else all of them (finals only unless asked)."""
    infos = store.list_assessments(city=city)
    if not infos:
        known = ", ".join(store.list_cities()) or "—"
        raise NotFoundError("compare_no_city", city=city, known=known)
    name = infos[0].city
    infos = one_framework(infos, framework_code, name)
    by_year = {i.year: i for i in infos}
    if years:
        wanted = sorted(set(years))
        missing = [y for y in wanted if y not in by_year]
        if missing:
            have = ", ".join(str(y) for y in sorted(by_year))
            raise NotFoundError("compare_missing_years", name=name, missing=", ".join(map(str, missing)), have=have)
        drafts = [y for y in wanted if not by_year[y].is_final]
        if drafts and not include_drafts:
            raise UserError("compare_year_is_draft", years=", ".join(map(str, drafts)), name=name)
        return [by_year[y] for y in wanted]
    chosen = _drop_drafts(sorted(infos, key=lambda i: i.year), include_drafts)
    if not chosen:
        raise UserError("compare_only_drafts", name=name)
    return chosen


def select_cities(
    store: Store, year: int, cities: Sequence[str], *, framework_code: str | None = None, include_drafts: bool = False
) -> list[AssessmentInfo]:
    """One year's assessments of the cities given, in the order given."""
    if not cities:
        raise UserError("compare_no_cities")
    infos = store.list_assessments(year=year)
    if not infos:
        raise NotFoundError("compare_no_year", year=year)
    infos = one_framework(infos, framework_code, str(year)) if framework_code else infos
    by_city: dict[str, list[AssessmentInfo]] = {}
    for info in infos:
        by_city.setdefault(city_key(info.city), []).append(info)
    known_cities = {city_key(c) for c in store.list_cities()}
    chosen: list[AssessmentInfo] = []
    given = {city_key(c): c for c in reversed(cities)}  # the first spelling of each city
    for key in dict.fromkeys(city_key(c) for c in cities):  # keeps the order, drops repeats
        if key not in known_cities:
            known = ", ".join(store.list_cities())
            raise NotFoundError("compare_no_city", city=given[key], known=known)
        found = by_city.get(key)
        if not found:
            raise NotFoundError("compare_city_no_year", city=given[key], year=year)
        chosen.extend(found)
    chosen = one_framework(chosen, framework_code, str(year))
    drafts = [i.city for i in chosen if not i.is_final]
    if drafts and not include_drafts:
        raise UserError("compare_cities_draft", year=year, cities=", ".join(drafts))
    return chosen


def compare_assessments(
    store: Store, infos: Sequence[AssessmentInfo], by: str = BY_YEAR, lang: str = "en"
) -> Comparison:
    """Score the assessments with one read of their answers and lay them side by side."""
    columns = [
        ComparedAssessment(
            key=str(s.info.year) if by == BY_YEAR else s.info.city,
            framework=s.framework,
            score=s.score,
            draft=not s.info.is_final,
        )
        for s in score_many(store, infos)
    ]
    return build_comparison(columns, lang)


def compare_years(
    store: Store,
    city: str,
    years: Sequence[int] | None = None,
    *,
    framework_code: str | None = None,
    include_drafts: bool = False,
    lang: str = "en",
) -> Comparison:
    infos = select_years(store, city, years, framework_code=framework_code, include_drafts=include_drafts)
    return compare_assessments(store, infos, BY_YEAR, lang)


def compare_cities(
    store: Store,
    year: int,
    cities: Sequence[str],
    *,
    framework_code: str | None = None,
    include_drafts: bool = False,
    lang: str = "en",
) -> Comparison:
    infos = select_cities(store, year, cities, framework_code=framework_code, include_drafts=include_drafts)
    return compare_assessments(store, infos, BY_CITY, lang)


def comparison_notes(comparison: Comparison) -> list[str]:
    """What a reader must know besides the numbers: drafts and framework changes."""
    notes = [change.describe() for change in comparison.framework_changes]
    drafts = [k for k in comparison.keys if k in comparison.drafts]
    if drafts:
        notes.append(f"draft (not final): {', '.join(drafts)}")
    return notes


def export_comparison(comparison: Comparison, path: str | Path) -> Path:
    """Write the table to CSV or XLSX (draft columns marked; not assessed = empty cell, never 0)."""
    sheets = {"comparison": comparison.export_frame()}
    notes = comparison_notes(comparison)
    if notes:
        sheets["notes"] = pd.DataFrame({"note": notes})  # in the workbook; a CSV holds one table
    return write_table(path, sheets)
