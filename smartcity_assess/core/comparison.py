"""Comparing scored assessments side by side: one column per year (one city) or per city (one year).

The result is one wide pandas table: the overall score, each pillar's score and each indicator's level,
one column per compared assessment, then the change from the first column to the last and whether that
is an improvement, a regression or no change.

Rules:
- assessments made with different framework versions are matched by pillar and indicator code;
- a value that was not assessed (no answer, N/A, or absent from that column's framework) is missing
  (NaN in the table, null in JSON), never zero;
- change = last column − first column, and missing when either end is missing, so a change always
  spans the whole compared period; it is exact, while its trend (and what is shown) follows the
  change between the two-decimal figures a reader sees;
- a change of framework version between neighbouring columns is listed, with the codes it added and dropped.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import pandas as pd

from .errors import UserError
from .framework import Framework
from .scoring import AssessmentScore
from .text import Text, localize

OVERALL = "overall"
DOMAIN = "domain"
PILLAR = "pillar"
INDICATOR = "indicator"

IMPROVED = "improved"
REGRESSED = "regressed"
HELD = "held"

OVERALL_CODE = "OVERALL"
OVERALL_NAME: Text = {"en": "Overall", "id": "Keseluruhan"}

# Scores are shown with two decimals: a change that rounds to 0.00 is no change to the reader.
HELD_TOLERANCE = 0.005

LEADING_COLUMNS = ("kind", "code", "pillar", "name")
TRAILING_COLUMNS = ("change", "trend")
# What a reader of an exported table must know about its numbers, where they look first.
EXPORT_KIND_HEADER = "kind (indicator rows: levels 1-5; overall and pillar rows: scores, unrounded)"


@dataclass(frozen=True)
class ComparedAssessment:
    """One column of a comparison: a scored assessment under its column key (a year or a city name)."""

    key: str
    framework: Framework
    score: AssessmentScore
    draft: bool = False


@dataclass(frozen=True)
class FrameworkChange:
    """The framework version differs between two neighbouring columns."""

    before_key: str
    after_key: str
    before: str  # "code version"
    after: str
    added: tuple[str, ...]  # indicator codes only in the later column's framework
    dropped: tuple[str, ...]  # indicator codes only in the earlier column's framework

    def describe(self) -> str:
        text = f"framework changed between {self.before_key} ({self.before}) and {self.after_key} ({self.after})"
        details = []
        if self.added:
            details.append(f"added {', '.join(self.added)}")
        if self.dropped:
            details.append(f"dropped {', '.join(self.dropped)}")
        return text + (f": {'; '.join(details)}" if details else "")


@dataclass(frozen=True)
class Comparison:
    keys: tuple[str, ...]
    table: pd.DataFrame  # LEADING_COLUMNS + keys + TRAILING_COLUMNS, one row per overall/pillar/indicator
    drafts: frozenset[str] = frozenset()
    framework_changes: tuple[FrameworkChange, ...] = ()
    # (code, key) of indicators marked not applicable: missing like any unassessed value, but worth telling apart
    not_applicable: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def rows(self, kind: str) -> pd.DataFrame:
        return self.table[self.table["kind"] == kind]

    def column_label(self, key: str, draft_mark: str = " (draft)") -> str:
        return key + draft_mark if key in self.drafts else key

    def export_frame(self) -> pd.DataFrame:
        """The table as written to CSV/XLSX: indicator levels as whole numbers (2, not 2.0), scores unrounded,
        as the `kind` header says; draft columns marked in their header; not assessed = empty."""
        frame = self.table.copy()
        indicator = (frame["kind"] == INDICATOR).tolist()
        for column in (*self.keys, "change"):
            cells = [
                None if math.isnan(v) else (int(v) if whole else v)
                for v, whole in zip(frame[column].tolist(), indicator, strict=True)
            ]
            frame[column] = pd.Series(cells, index=frame.index, dtype=object)
        return frame.rename(columns={"kind": EXPORT_KIND_HEADER, **{k: self.column_label(k) for k in self.drafts}})


def shown_change(first: float | None, last: float | None) -> float:
    """last − first between the figures as shown (two decimals), so that a reader's own subtraction
    of the printed scores agrees with the printed change; NaN when either end is missing."""
    if first is None or last is None or math.isnan(first) or math.isnan(last):
        return math.nan
    return round(round(last, 2) - round(first, 2), 2)


def trend_of(change: float | None) -> str | None:
    if change is None or math.isnan(change):
        return None
    if abs(change) < HELD_TOLERANCE:
        return HELD
    return IMPROVED if change > 0 else REGRESSED


def _row_order(columns: Sequence[ComparedAssessment]) -> list[tuple[str, list[str]]]:
    """Pillars with their indicator codes: the latest framework's order first, then codes only older ones had."""
    pillars: dict[str, list[str]] = {}
    placed: set[str] = set()
    for column in reversed(columns):
        for pillar in column.framework.pillars:
            codes = pillars.setdefault(pillar.code, [])
            for ind in pillar.indicators:
                if ind.code not in placed:
                    placed.add(ind.code)
                    codes.append(ind.code)
    return list(pillars.items())


def _name(columns: Sequence[ComparedAssessment], lookup, lang: str) -> str:
    for column in reversed(columns):
        item = lookup(column.framework)
        if item is not None:
            return localize(item.name, lang)
    return ""


def _framework_changes(columns: Sequence[ComparedAssessment]) -> tuple[FrameworkChange, ...]:
    changes = []
    for before, after in pairwise(columns):
        a, b = before.framework, after.framework
        if (a.code, a.version) == (b.code, b.version):
            continue
        a_codes = [i.code for i in a.indicators]
        b_codes = [i.code for i in b.indicators]
        a_set, b_set = set(a_codes), set(b_codes)
        changes.append(
            FrameworkChange(
                before_key=before.key,
                after_key=after.key,
                before=f"{a.code} {a.version}",
                after=f"{b.code} {b.version}",
                added=tuple(c for c in b_codes if c not in a_set),
                dropped=tuple(c for c in a_codes if c not in b_set),
            )
        )
    return tuple(changes)


def _value(number: float | None) -> float:
    return math.nan if number is None else float(number)


def build_comparison(columns: Sequence[ComparedAssessment], lang: str = "en") -> Comparison:
    """The wide comparison table of `columns`, in the order given (oldest year or first city first)."""
    columns = list(columns)
    keys = tuple(c.key for c in columns)
    if len(set(keys)) != len(keys):
        raise ValueError(f"column keys must be unique: {keys}")
    clashing = set(keys) & set(LEADING_COLUMNS + TRAILING_COLUMNS)
    if clashing:
        raise UserError("name_clashes_with_column", name=repr(sorted(clashing)[0]))

    pillar_scores = [{p.code: p.score for p in c.score.pillars} for c in columns]
    indicator_levels = [{i.code: i.level for i in c.score.indicators} for c in columns]
    not_applicable = frozenset((i.code, c.key) for c in columns for i in c.score.indicators if i.na)

    # Built column by column and handed to pandas once: a DataFrame per row or per cast costs ~5 ms a table.
    kinds, codes, pillars, names = [OVERALL], [OVERALL_CODE], [""], [localize(OVERALL_NAME, lang)]
    values: list[list[float]] = [[_value(c.score.overall.score)] for c in columns]
    domain_scores = [{d.code: d.score for d in c.score.domains} for c in columns]
    domain_codes = list(dict.fromkeys(d.code for c in reversed(columns) for d in c.framework.domains))
    for domain_code in domain_codes:  # a grouping above pillars (SPBE's domains), right under the overall row
        kinds.append(DOMAIN)
        codes.append(domain_code)
        pillars.append("")
        names.append(_name(columns, lambda f, code=domain_code: f.domain(code), lang))
        for column_values, scores in zip(values, domain_scores, strict=True):
            column_values.append(_value(scores.get(domain_code)))
    for pillar_code, indicator_codes in _row_order(columns):
        kinds.append(PILLAR)
        codes.append(pillar_code)
        pillars.append(pillar_code)
        names.append(_name(columns, lambda f, code=pillar_code: f.pillar(code), lang))
        for column_values, scores in zip(values, pillar_scores, strict=True):
            column_values.append(_value(scores.get(pillar_code)))
        for code in indicator_codes:
            kinds.append(INDICATOR)
            codes.append(code)
            pillars.append(pillar_code)
            names.append(_name(columns, lambda f, code=code: f.indicator(code), lang))
            for column_values, levels in zip(values, indicator_levels, strict=True):
                column_values.append(_value(levels.get(code)))

    numbers = [np.array(v, dtype="float64") for v in values]
    # one column has no change, not a change of zero
    change = numbers[-1] - numbers[0] if len(numbers) >= 2 else np.full(len(kinds), math.nan)
    data = {"kind": kinds, "code": codes, "pillar": pillars, "name": names}
    data.update(zip(keys, numbers, strict=True))
    data["change"] = change
    # The trend follows the change as shown, so a row never reads "+0.00 improved"; `change` itself
    # stays exact (the JSON contract). object dtype: "no trend" stays None (null in JSON), not NaN.
    shown = [shown_change(a, b) for a, b in zip(numbers[0].tolist(), numbers[-1].tolist(), strict=True)]
    data["trend"] = pd.Series([trend_of(v) for v in shown] if len(numbers) >= 2 else [None] * len(kinds), dtype=object)
    table = pd.DataFrame(data)
    return Comparison(
        keys=keys,
        table=table,
        drafts=frozenset(c.key for c in columns if c.draft),
        framework_changes=_framework_changes(columns),
        not_applicable=not_applicable,
    )


# ---- the JSON contract of `smartcity-assess compare --json` -------------------------------------


def _json_number(value: float, integer: bool = False):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value) if integer else float(value)


def comparison_to_dict(comparison: Comparison, key_name: str = "years") -> dict:
    """{"years"|"cities": [...], "overall": {scores, change}, "domains": [...], "pillars": [...], "indicators": [...]}.

    Years are listed as numbers and keyed as strings (JSON object keys are strings); null = not assessed.
    """
    keys = comparison.keys
    listed = [int(k) for k in keys] if key_name == "years" else list(keys)

    def values(row, integer=False) -> dict:
        return {k: _json_number(row[k], integer) for k in keys}

    overall = comparison.rows(OVERALL).iloc[0]
    return {
        key_name: listed,
        "overall": {"scores": values(overall), "change": _json_number(overall["change"])},
        "domains": [
            {"code": row["code"], "scores": values(row), "change": _json_number(row["change"])}
            for _, row in comparison.rows(DOMAIN).iterrows()
        ],
        "pillars": [
            {"code": row["code"], "scores": values(row), "change": _json_number(row["change"])}
            for _, row in comparison.rows(PILLAR).iterrows()
        ],
        "indicators": [
            {
                "code": row["code"],
                "pillar": row["pillar"],
                "levels": values(row, integer=True),
                "change": _json_number(row["change"], integer=True),
            }
            for _, row in comparison.rows(INDICATOR).iterrows()
        ],
    }
