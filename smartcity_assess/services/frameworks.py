"""Framework use cases: the built-in definitions and importing an official's own file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ..core.framework import Framework
from ..core.framework_loader import load_framework_text, read_framework_source
from ..paths import assessments_path
from ..persistence.db import DatabaseUnavailable
from ..persistence.store import FRAMEWORKS, FrameworkInfo, Store

BUILTIN_FRAMEWORK_CODE = "bandung-smart-city"


def builtin_framework_files() -> list[Path]:
    return sorted(assessments_path("frameworks").glob("*.yaml"))


_parsed_builtins: dict[str, Framework] = {}  # file text → framework: a process that opens many databases parses once


def ensure_builtin_frameworks(store: Store) -> None:
    """Import the shipped frameworks that the database does not have yet.

    Comparing the file text with the stored source first keeps start-up from parsing YAML every time.
    """
    with store.engine.connect() as conn:
        known_sources = set(conn.execute(select(FRAMEWORKS.c.source_text).where(FRAMEWORKS.c.builtin)).scalars())
    for path in builtin_framework_files():
        text = path.read_text(encoding="utf-8")
        if text not in known_sources:
            framework = _parsed_builtins.get(text)
            if framework is None:
                framework = _parsed_builtins[text] = load_framework_text(text, str(path))
            try:
                store.add_framework(framework, text, builtin=True, actor="smartcity-assess")
            except DatabaseUnavailable as exc:
                if exc.code != "db_not_allowed":
                    raise
                return  # a server login that may not add frameworks: `server init` (its owner) brings them


def import_framework_file(store: Store, path: str | Path, *, actor: str | None = None) -> FrameworkInfo:
    text = read_framework_source(path)  # refuses a file over the size cap unread
    framework = load_framework_text(text, str(path))  # validates, raising FrameworkError with place and problem
    return store.add_framework(framework, text, actor=actor)


def open_store(path_or_url: str | Path | None = None) -> Store:
    """The store for a database (default: $SMARTCITY_ASSESS_DB or the user data folder), ready to use."""
    store = Store.open(path_or_url)
    ensure_builtin_frameworks(store)
    return store
