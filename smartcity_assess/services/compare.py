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


def _one_framework(infos: list[AssessmentInfo], framework_code: str | None, what: str) -> list[AssessmentInfo]:
    """Assessments made with one framework code: the one asked for, else the only one there is."""
    if framework_code is not None:
        chosen = [i for i in infos if i.framework_code == framework_code]
        if not chosen:
            raise NotFoundError(f"{what} has no assessments with framework {framework_code}")
        return chosen
    codes = sorted({i.framework_code for i in infos})
    if len(codes) > 1:
        raise UserError(f"{what} has assessments with several frameworks ({', '.join(codes)}); choose one")
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
        known = ", ".join(store.list_cities()) or "none yet"
        raise NotFoundError(f"no assessments for city '{city}' (cities: {known})")
    name = infos[0].city
    infos = _one_framework(infos, framework_code, name)
    by_year = {i.year: i for i in infos}
    if years:
        wanted = sorted(set(years))
        missing = [y for y in wanted if y not in by_year]
        if missing:
            have = ", ".join(str(y) for y in sorted(by_year))
            raise NotFoundError(f"{name} has no assessment for {', '.join(map(str, missing))} (years: {have})")
        drafts = [y for y in wanted if not by_year[y].is_final]
        if drafts and not include_drafts:
            raise UserError(
                f"the {', '.join(map(str, drafts))} assessment of {name} is a draft; include drafts to compare it"
            )
        return [by_year[y] for y in wanted]
    chosen = _drop_drafts(sorted(infos, key=lambda i: i.year), include_drafts)
    if not chosen:
        raise UserError(f"{name} has only draft assessments; include drafts to compare them")
    return chosen


def select_cities(
    store: Store, year: int, cities: Sequence[str], *, framework_code: str | None = None, include_drafts: bool = False
) -> list[AssessmentInfo]:
    """One year's assessments of the cities given, in the order given."""
    if not cities:
        raise UserError("name at least one city to compare")
    infos = store.list_assessments(year=year)
    if not infos:
        raise NotFoundError(f"no assessments for {year}")
    infos = _one_framework(infos, framework_code, str(year)) if framework_code else infos
    by_city: dict[str, list[AssessmentInfo]] = {}
    for info in infos:
        by_city.setdefault(city_key(info.city), []).append(info)
    known_cities = {city_key(c) for c in store.list_cities()}
    chosen: list[AssessmentInfo] = []
    given = {city_key(c): c for c in reversed(cities)}  # the first spelling of each city
    for key in dict.fromkeys(city_key(c) for c in cities):  # keeps the order, drops repeats
        if key not in known_cities:
            known = ", ".join(store.list_cities())
            raise NotFoundError(f"no assessments for city '{given[key]}' (cities: {known})")
        found = by_city.get(key)
        if not found:
            raise NotFoundError(f"{given[key]} has no assessment for {year}")
        chosen.extend(found)
    chosen = _one_framework(chosen, framework_code, str(year))
    drafts = [i.city for i in chosen if not i.is_final]
    if drafts and not include_drafts:
        raise UserError(f"the {year} assessment of {', '.join(drafts)} is a draft; include drafts to compare it")
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
