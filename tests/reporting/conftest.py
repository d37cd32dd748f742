"""Shared for the report tests: one demo database per module and PDF text extraction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from smartcity_assess.reporting import write_report
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store


def page_texts(path: Path) -> list[str]:
    """Each page's text with runs of whitespace collapsed, so table rows read as one line of words."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("demo") / "demo.db")
    load_demo(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def demo_id(demo_store):
    """demo_id(city, year) → the id of that demo assessment."""

    def find(city: str, year: int):
        (info,) = demo_store.list_assessments(city=city, year=year)
        return info.id

    return find


@pytest.fixture(scope="module")
def render(demo_store, tmp_path_factory):
    """render(id, lang) → text of each page of the report (cached: each report is written once per module)."""
    cache: dict = {}
    folder = tmp_path_factory.mktemp("reports")

    def make(assessment_id, lang: str = "en") -> list[str]:
        key = (assessment_id, lang)
        if key not in cache:
            path = write_report(demo_store, assessment_id, folder / f"{assessment_id}-{lang}.pdf", lang=lang)
            cache[key] = page_texts(path)
        return cache[key]

    return make
