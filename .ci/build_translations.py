#!/usr/bin/env python3
"""Build the app's translations: pyside6-lupdate over smartcity_assess/ui into the .ts, pyside6-lrelease into the .qm.

    python .ci/build_translations.py            # update the .ts (new strings come in unfinished) and build the .qm
    python .ci/build_translations.py --check    # exit 1, naming what, when the .ts or .qm is behind the sources

lupdate keeps the translations already made and (-no-obsolete) drops strings no longer in the code. Qt's own
texts (standard buttons, the file dialog, text fields' context menus) are not in our code and PySide6-Essentials
ships no qtbase_id.qm, so their contexts (QT_CONTEXTS) are kept in the same .ts by hand; this script puts them
back after lupdate, which would otherwise drop them as vanished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "smartcity_assess" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("id", "en")  # English is the source language: its .ts holds only the plural forms (see english_plurals)
PLURAL_ONLY = {"en"}
# Qt's own contexts, translated by hand in our .ts (see the module docstring).
QT_CONTEXTS = (
    "QPlatformTheme",
    "QGnomeTheme",
    "QMessageBox",
    "QFileDialog",
    "QFileSystemModel",
    "QLineEdit",
    "QWidgetTextControl",
)


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"smartcity_assess_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"smartcity_assess_{lang}.qm"


def tool(name: str) -> str:
    """A PySide6 tool from the running interpreter's environment (the venv), else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"error: {name} not found (install PySide6-Essentials)")
    return found


def source_files() -> list[str]:
    return [str(p) for p in sorted(SOURCES.rglob("*.py"))]


def run_lupdate(ts: Path, lang: str) -> None:
    """Merge the strings of the sources into `ts` (created when missing), without Qt's hand-kept contexts."""
    command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language", lang]
    if lang in PLURAL_ONLY:
        command.append("-pluralonly")
    subprocess.run([*command, *source_files(), "-ts", str(ts)], check=True)
    if lang in PLURAL_ONLY:
        english_plurals(ts)


def english_plurals(ts: Path) -> None:
    """The English forms of every '%n thing(s)' source: 'thing' for one, 'things' for more.

    The sources are written once, with '(s)'; Qt shows the source as it is unless a translation gives the
    forms, so English needs a catalogue too, made here by rule rather than by hand.
    """
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        for form in list(translation):
            translation.remove(form)
        for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    write_ts(tree, ts)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def qt_contexts(ts: Path) -> list[ET.Element]:
    if not ts.exists():
        return []
    return [c for c in ET.parse(ts).getroot().iter("context") if c.findtext("name") in QT_CONTEXTS]


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    """Write in lupdate's own layout (4-space indent, DOCTYPE), so a rebuild changes nothing that was not changed."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode", short_empty_elements=False)
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def update_ts(ts: Path, lang: str) -> None:
    """lupdate into `ts`, then put Qt's hand-translated contexts back at the end."""
    kept = qt_contexts(ts)
    run_lupdate(ts, lang)
    tree = ET.parse(ts)
    root = tree.getroot()
    for context in [c for c in root.iter("context") if c.findtext("name") in QT_CONTEXTS]:
        root.remove(context)
    for context in kept:
        root.append(context)
    write_ts(tree, ts)


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) of every message in a .ts."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message.find("translation")))
    return found


def is_finished(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    forms = translation.findall("numerusform")
    texts = [f.text for f in forms] if forms else [translation.text]
    return all(t and t.strip() for t in texts)


def problems(lang: str) -> list[str]:
    """What is missing or unfinished in the shipped .ts/.qm for `lang` (empty when all is in order)."""
    ts, qm = ts_path(lang), qm_path(lang)
    if not ts.exists():
        return [f"{ts.relative_to(ROOT)} is missing"]
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        run_lupdate(fresh, lang)
        ours, theirs = messages(ts), messages(fresh)  # the shipped .ts, and what the code has now
        shipped = {(c, s) for c, s, _ in ours}
        in_code = {(c, s) for c, s, _ in theirs}
        for context, source, _ in theirs:
            if (context, source) not in shipped:
                found.append(f"{ts.name}: not in the .ts (run .ci/build_translations.py): {context}: {source!r}")
        for context, source, _ in ours:
            if context not in QT_CONTEXTS and (context, source) not in in_code:
                found.append(f"{ts.name}: no longer in the code (run .ci/build_translations.py): {context}: {source!r}")
        for context, source, translation in ours:
            if not is_finished(translation):
                found.append(f"{ts.name}: unfinished or empty translation: {context}: {source!r}")
        built = Path(tmp) / qm.name
        run_lrelease(ts, built)
        if not qm.exists() or qm.read_bytes() != built.read_bytes():
            found.append(f"{qm.relative_to(ROOT)} is not what lrelease builds from the .ts (run the script)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 naming what is missing")
    args = parser.parse_args(argv)
    if args.check:
        found = [p for lang in LANGUAGES for p in problems(lang)]
        for problem in found:
            print(problem, file=sys.stderr)
        return 1 if found else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        update_ts(ts_path(lang), lang) if lang not in PLURAL_ONLY else run_lupdate(ts_path(lang), lang)
        run_lrelease(ts_path(lang), qm_path(lang))
        found = messages(ts_path(lang))
        open_ = sum(not is_finished(t) for _, _, t in found)
        print(f"{ts_path(lang).relative_to(ROOT)}: {len(found)} strings, {open_} unfinished → {qm_path(lang).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
