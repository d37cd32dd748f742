"""The one rule for every text the app takes in: notes, names, city, assessor, framework texts.

- Unicode NFC, so "é" typed on a Mac and on Windows is one and the same text;
- line ends are "\\n" (a "\\r\\n" or a lone "\\r" becomes "\\n"), so a note reads back identically from
  every format (XLSX turns "\\r\\n" into "\\n" on its own);
- control characters other than tab and newline, lone surrogates and the non-characters U+FFFE and
  U+FFFF are refused, naming the field: a workbook or a PDF cannot hold them;
- an explicit length limit per field (core.limits).
What passes is stored; whatever is stored can then be written to CSV, XLSX and PDF and read back the same.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import UserError
from .limits import FILE_NAME_MAX_BYTES

NFC_GROWTH = 3  # NFC makes a text at most three times longer (UAX #15)


class TextError(UserError):
    """A text that breaks the rule; the message starts with the field's name ("note: …")."""

    def __init__(self, field: str, problem: str):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


# C0 and C1 controls but tab and newline, lone surrogates, and the two non-characters XML refuses
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def forbidden_character(text: str) -> str | None:
    """The first character the rule refuses, or None."""
    found = _FORBIDDEN.search(text)
    return found.group() if found else None


def describe_character(char: str) -> str:
    names = {"\x00": "a NUL character", "\r": "a carriage return"}
    return names.get(char, f"the control character U+{ord(char):04X}")


def text_problem(text: str, limit: int) -> str | None:
    """Why a stored text cannot be written to a file, or None: exports check what older versions stored."""
    bad = forbidden_character(text)
    if bad is not None:
        return f"holds {describe_character(bad)}"
    if len(text) > limit:
        return f"{len(text):,} characters, more than the {limit:,} a cell holds"
    return None


def clean_text(text: str, field: str, limit: int, *, single_line: bool = False) -> str:
    """The text as it is stored (NFC, "\\n" line ends; runs of white space made one space when
    `single_line`), or a TextError naming `field`."""
    if not isinstance(text, str):
        raise TextError(field, "must be a text")
    if len(text) > NFC_GROWTH * limit:  # refused before the work of normalising megabytes
        raise TextError(field, f"{len(text):,} characters, more than the {limit:,} allowed")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if single_line:
        text = " ".join(text.split())
    bad = forbidden_character(text)
    if bad is not None:
        raise TextError(field, f"holds {describe_character(bad)}, which cannot be stored; remove it")
    if len(text) > limit:
        raise TextError(field, f"{len(text):,} characters, more than the {limit:,} allowed")
    return text


FALLBACK_FILE_NAME = "evidence"
_RESERVED_WINDOWS_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"{port}{i}" for port in ("COM", "LPT") for i in range(1, 10))}
_SEPARATORS_AND_RESERVED = set('/\\:*?"<>|')


def safe_file_name(name: str) -> str:
    """A base name safe to create in any folder on any system: the last path component only, no
    separators, NUL or control characters, no leading dots, at most FILE_NAME_MAX_BYTES of UTF-8 (the
    extension kept), never empty, "." or ".." (FALLBACK_FILE_NAME instead) nor a reserved Windows name."""
    name = unicodedata.normalize("NFC", str(name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join("_" if c in _SEPARATORS_AND_RESERVED or forbidden_character(c) else c for c in name)
    name = name.strip().lstrip(".").rstrip(". ")
    if not name:
        return FALLBACK_FILE_NAME
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix.encode()) > 16:
        stem, suffix = name, ""
    if stem.split(".")[0].upper() in _RESERVED_WINDOWS_NAMES:
        stem = f"_{stem}"
    ending = f".{suffix}" if suffix else ""
    room = FILE_NAME_MAX_BYTES - len(ending.encode())
    stem = stem.encode()[:room].decode("utf-8", "ignore").rstrip(". ") or FALLBACK_FILE_NAME
    return stem + ending
