"""Finds user-visible string literals in smartcity_assess/ui that skip Qt's translation.

A literal counts as user-visible when it is passed straight to a call that shows text (setText,
QLabel, QAction, QMessageBox.*, UserError …). Literals wrapped in tr()/translate() are fine, and so
are strings without words (HTML tags, entities, placeholders, numbers, symbols such as "—" or "%").
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

# Calls whose string arguments reach the screen.
SHOWING_CALLS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTabText",
    "setTabToolTip",
    "setItemText",
    "setLabelText",
    "setTitle",
    "addMenu",
    "addAction",
    "addItem",
    "addItems",
    "addTab",
    "addRow",
    "showMessage",
    "QAction",
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QMenu",
    "QProgressDialog",
    "QListWidgetItem",
    "warning",
    "information",
    "critical",
    "question",
    "about",
    "getText",
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
    "getExistingDirectory",
    "UserError",
    "RadarSeries",
    "TrendSeries",
}
TRANSLATING_CALLS = {"tr", "translate"}
# The self-test speaks to CI logs, not to a person at the app (it runs before any language is chosen).
SKIP_FILES = {"selftest.py"}
# Non-words shown as they are in every language.
ALLOWED = {"PNG", "SVG", "CSV", "PDF", "SHA-256"}

_MARKUP = re.compile(r"<[^>]*>|&\w+;|\{[^}]*\}|%\d|%n|\bpx\b|\bpt\b|#[0-9A-Fa-f]{3,6}\b")


def has_words(text: str) -> bool:
    """True when the text, without markup, placeholders and allowed non-words, still has letters."""
    rest = _MARKUP.sub(" ", text)
    # style attributes inside tags are gone with the tags; what remains is what a person reads
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return any(w not in ALLOWED for w in words)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal_parts(node: ast.expr):
    """The literal text pieces of an argument that is shown as it is (not through tr)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        # the literal pieces joined, with a placeholder for each value, so a tag split by a value stays a tag
        yield "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                yield from _literal_parts(value.value)
    elif isinstance(node, ast.BinOp):
        yield from _literal_parts(node.left)
        yield from _literal_parts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literal_parts(node.body)
        yield from _literal_parts(node.orelse)
    elif isinstance(node, ast.Call) and _name(node.func) == "format" and isinstance(node.func, ast.Attribute):
        yield from _literal_parts(node.func.value)  # "…".format(…) without tr


def untranslated(root: Path) -> list[str]:
    """'path:line: text' for each user-visible literal that does not go through translation."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name in SKIP_FILES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node.func) not in SHOWING_CALLS:
                continue
            if _name(node.func) in TRANSLATING_CALLS:
                continue
            args = list(node.args) + [k.value for k in node.keywords]
            for arg in args:
                for text in _literal_parts(arg):
                    if has_words(text):
                        found.append(f"{path.relative_to(root.parent.parent)}:{node.lineno}: {text!r}")
    return found
