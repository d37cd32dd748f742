"""The house rule: only ui/ imports Qt, so the CLI and the report run without a display."""

import ast
from pathlib import Path

import smartcity_assess

PACKAGE = Path(smartcity_assess.__file__).parent
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "smartcity_assess.ui")
LAZY_DOORS = {"smartcity_assess.ui.app", "smartcity_assess.ui.selftest"}


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the package path
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
                yield ".".join((*parts, node.module or ""))
            else:
                yield node.module or ""


def test_only_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for module in imported_modules(path):
            if path.name == "cli.py" and module in LAZY_DOORS:
                continue  # imported inside a function, only when the app or its self-test is asked for
            if module.startswith(QT_MODULES):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert offenders == []


STORE_WRITES = {
    "save_response",
    "save_responses",
    "add_evidence",
    "remove_evidence",
    "finalize",
    "reopen",
    "delete_assessment",
    "create_assessment",
    "add_framework",
    "transaction",
}
FRONT_ENDS = ("ui", "reporting")


def test_front_ends_write_only_through_services():
    """import-linter keeps front ends from importing persistence; this keeps them from calling the
    store's writes on the handle services give them (`store.finalize(…)` instead of the use case)."""
    offenders = []
    paths = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] in FRONT_ENDS]
    for path in [*paths, PACKAGE / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in STORE_WRITES
                and "store" in ast.unparse(node.func.value).lower()
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {ast.unparse(node.func)}")
    assert offenders == []
