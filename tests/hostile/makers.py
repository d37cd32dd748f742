"""Hostile and worst-case input files, shared by the hostile tests and benchmarks/bench_hostile.py."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

RUBRIC = "{1: none, 2: some, 3: defined, 4: integrated, 5: optimised}"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """'Billion laughs': each level lists the one before `width` times; the code is the last level."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * width)}]")
    lines.append(f"code: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def framework_yaml(indicators: int, *, pillars: int = 4, text: str = "x", shared_rubric: bool = False) -> str:
    """A valid framework with `indicators` indicators over `pillars` pillars; `text` fills every question."""
    head = [
        "code: big",
        'version: "1"',
        "title: Big framework",
        "levels: {1: Initial, 2: Managed, 3: Defined, 4: Integrated, 5: Optimised}",
        "bands: [{min: 0, label: Poor}, {min: 2.6, label: Good}]",
        "pillars:",
    ]
    body = []
    per_pillar = -(-indicators // pillars)
    made = 0
    for p in range(pillars):
        body.append(f"  - {{code: P{p}, name: Pillar {p}, weight: 1, indicators: [")
        for _ in range(min(per_pillar, indicators - made)):
            rubric = RUBRIC
            if shared_rubric:  # one anchored rubric, then aliases to it: what officials write
                rubric = "&rubric " + RUBRIC if made == 0 else "*rubric"
            body.append(f"      {{code: I{made}, name: Indicator {made}, question: '{text}', rubric: {rubric}}},")
            made += 1
        body.append("    ]}")
    return "\n".join(head + body) + "\n"


def responses_workbook(path: Path, rows: list[list]) -> Path:
    """A workbook whose first sheet holds `rows` (the first is the header), as a spreadsheet saves it."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        '<sheets><sheet name="responses" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    ),
}


def shared_string_workbook(path: Path, rows: list[list[str]], *, huge_note: int = 0) -> Path:
    """A workbook as Excel writes it (every text a shared string); `huge_note` characters are added to
    the last cell's string, streamed, so the file stays small while the string is as large as asked."""
    strings = [cell for row in rows for cell in row]
    sheet = [f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>']
    index = 0
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, _ in enumerate(row):
            cells.append(f'<c r="{chr(65 + c)}{r}" t="s"><v>{index}</v></c>')
            index += 1
        sheet.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet.append("</sheetData></worksheet>")
    block = b"a" * (1 << 20)

    def shared():
        yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}" uniqueCount="{len(strings)}">'.encode()
        for n, text in enumerate(strings):
            yield f"<si><t>{escape(text)}".encode()
            if n == len(strings) - 1:
                left = huge_note
                while left > 0:
                    yield block[: min(left, len(block))]
                    left -= len(block)
            yield b"</t></si>"
        yield b"</sst>"

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", "".join(sheet))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            for chunk in shared():
                out.write(chunk)
    return path
