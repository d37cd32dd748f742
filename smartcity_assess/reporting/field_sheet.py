"""Field sheets: a workbook an assessor fills in on any computer, or prints, and the app reads back.

Per pillar one sheet: code, question, the five rubric texts, unit and thresholds, then the answer columns
(level 1–5 or TB, target, value, note, source, year, recommendation, responsible unit, due) with data
validation. Row 3 holds the column keys the import reads by; a hidden sheet `_form` names the framework.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import UserError
from ..core.framework import Framework
from ..core.responses import MAX_YEAR, MIN_YEAR, YEAR_FIELDS
from ..core.text import localize
from ..files import atomic_write
from ..services.field_sheets import FORM_SHEET, KEY_ROW, NOT_APPLICABLE_WORDS, sheet_title
from .catalogue import Catalogue

ANSWER_KEYS = (
    "level",
    "target",
    "value",
    "note",
    "value_source",
    "value_year",
    "recommendation",
    "responsible",
    "due",
)
ANSWER_FILL = "FFF8E1"  # a pale yellow: where to write
HEAD_FILL = "E8EEF4"


def _info_keys(levels: tuple[int, ...]) -> tuple[str, ...]:
    return ("indicator", "name", "question", *(f"rubric_{n}" for n in levels), "unit", "thresholds")


def _add_validations(sheet, cat: Catalogue, levels: tuple[int, ...], ranges: dict[str, str]) -> None:
    """Drop-down lists for level (1–5 or TB) and target, a number for the value, years for year and due."""
    from openpyxl.worksheet.datavalidation import DataValidation

    def validate(key: str, validation: DataValidation) -> None:
        validation.showErrorMessage = True  # openpyxl's default is off, and then Excel takes any entry
        validation.add(ranges[key])
        sheet.add_data_validation(validation)

    scale = {"low": levels[0], "high": levels[-1]}
    choices = ",".join([*map(str, levels), "TB"])
    level = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True, error=cat("form_bad_level", **scale))
    validate("level", level)
    validate("target", DataValidation(type="list", formula1=f'"{",".join(map(str, levels))}"', allow_blank=True))
    number = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15", allow_blank=True)
    number.error = cat("form_bad_number")
    validate("value", number)
    for key in YEAR_FIELDS:
        year = DataValidation(
            type="whole", operator="between", formula1=str(MIN_YEAR), formula2=str(MAX_YEAR), allow_blank=True
        )
        year.error = cat("form_bad_year")
        validate(key, year)


def write_field_sheet(framework: Framework, path: str | os.PathLike, lang: str = "en") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cat = Catalogue(lang)
    path = Path(path).expanduser()
    if path.suffix.lower() != ".xlsx":
        raise UserError("form_not_xlsx", name=path.name)
    if path.is_dir():
        raise UserError("form_is_folder", path=path)
    levels = framework.level_numbers
    scale = {"low": levels[0], "high": levels[-1]}  # a framework may have 3 levels, or 10
    text = lambda value: localize(value, lang)  # noqa: E731
    workbook = Workbook()
    guide = workbook.active
    guide.title = cat("form_instructions")
    guide["A1"] = f"{cat('form_title')}: {text(framework.title)} {framework.version}"
    guide["A1"].font = Font(bold=True, size=14)
    row = 3
    for line in cat.lines("form_lines", **scale):
        guide.cell(row=row, column=1, value=f"• {line}").alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    row += 1
    guide.cell(row=row, column=1, value=cat("form_levels")).font = Font(bold=True)
    for number in levels:
        row += 1
        guide.cell(row=row, column=1, value=f"{number} – {text(framework.levels[number])}")
    guide.cell(row=row + 1, column=1, value=f"TB – {cat('form_not_applicable')}")
    guide.column_dimensions["A"].width = 120

    info_keys = _info_keys(levels)
    keys = (*info_keys, *ANSWER_KEYS)
    labels = {
        "indicator": cat("code"),
        "name": cat("indicator"),
        "question": cat("form_question"),
        **{f"rubric_{n}": f"{n} – {text(framework.levels[n])}" for n in levels},
        "unit": cat("form_unit"),
        "thresholds": cat("form_thresholds"),
        "level": cat("form_level", **scale),
        "target": cat("target"),
        "value": cat("form_value"),
        "note": cat("finding").rstrip(":"),
        "value_source": cat("form_source"),
        "value_year": cat("form_year"),
        "recommendation": cat("action"),
        "responsible": cat("form_responsible"),
        "due": cat("form_due"),
    }
    widths = {"indicator": 10, "name": 26, "question": 40, "unit": 14, "thresholds": 14, "note": 36}
    widths |= {"recommendation": 36, "value_source": 22, "responsible": 20}
    wrap = Alignment(wrap_text=True, vertical="top")
    answer_fill = PatternFill("solid", fgColor=ANSWER_FILL)
    head_fill = PatternFill("solid", fgColor=HEAD_FILL)
    for pillar in framework.pillars:
        sheet = workbook.create_sheet(sheet_title(pillar.code))
        sheet["A1"] = f"{pillar.code} {text(pillar.name)} — {text(framework.title)} {framework.version}"
        sheet["A1"].font = Font(bold=True, size=12)
        for column, key in enumerate(keys, start=1):
            head = sheet.cell(row=KEY_ROW - 1, column=column, value=labels[key])
            head.font, head.fill, head.alignment = Font(bold=True), head_fill, wrap
            sheet.cell(row=KEY_ROW, column=column, value=key).font = Font(size=7, color="888888")
            letter = get_column_letter(column)
            sheet.column_dimensions[letter].width = widths.get(key, 30 if key.startswith("rubric_") else 12)
        first = KEY_ROW + 1
        for offset, ind in enumerate(pillar.indicators):
            values = {
                "indicator": ind.code,
                "name": text(ind.name),
                "question": text(ind.question),
                **{f"rubric_{n}": text(ind.rubric.get(n)) for n in levels},
                "unit": text(ind.metric.unit) if ind.metric else "",
                "thresholds": " · ".join(f"{t:g}" for t in ind.metric.thresholds) if ind.metric else "",
            }
            for column, key in enumerate(keys, start=1):
                cell = sheet.cell(row=first + offset, column=column, value=values.get(key))
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a rubric such as "=100 %" is text, not a formula
                cell.alignment = wrap
                if key in ANSWER_KEYS:
                    cell.fill = answer_fill
        last = first + len(pillar.indicators) - 1
        column_of = {key: get_column_letter(i) for i, key in enumerate(keys, start=1)}

        _add_validations(sheet, cat, levels, {key: f"{column_of[key]}{first}:{column_of[key]}{last}" for key in keys})
        sheet.freeze_panes = f"{get_column_letter(3)}{first}"
        sheet.print_title_rows = f"{KEY_ROW - 1}:{KEY_ROW}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    form = workbook.create_sheet(FORM_SHEET)
    form.append(["framework", framework.code])
    form.append(["version", framework.version])
    form.append(["not applicable", " ".join(sorted(NOT_APPLICABLE_WORDS))])
    form.sheet_state = "hidden"
    try:
        with atomic_write(path) as handle:  # as every export: a failed one leaves the old sheet as it was
            workbook.save(handle)
    except OSError as exc:
        raise UserError("form_cannot_write", path=path, reason=exc.strerror or exc) from None
    return path
