"""The sentences of errors a user can cause, in English and Bahasa Indonesia.

One catalogue for every front end (CLI, report, app), so the words cannot drift apart between
them. Parameters are put in as the reader's language writes them: times in local time, numbers
with the language's decimal mark.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .text import with_decimal_mark

MESSAGES: dict[str, dict[str, str]] = {
    # evidence
    "evidence_is_database": {
        "en": "{name} is the assessment database itself; it cannot be attached as evidence.",
        "id": "{name} adalah basis data penilaian itu sendiri; berkas ini tidak dapat dilampirkan sebagai bukti.",
    },
    "evidence_not_a_file": {"en": "{name} is not a file.", "id": "{name} bukan berkas."},
    "evidence_too_large": {
        "en": "{name} is {size}, more than the {limit} allowed for one evidence file.",
        "id": "{name} berukuran {size}, melebihi batas {limit} untuk satu berkas bukti.",
    },
    "evidence_empty": {"en": "{name} is empty.", "id": "{name} kosong."},
    "evidence_unreadable": {
        "en": "{name} cannot be read ({reason}).",
        "id": "{name} tidak dapat dibaca ({reason}).",
    },
    "evidence_duplicate": {
        "en": "{name} is already attached to {indicator}.",
        "id": "{name} sudah dilampirkan pada {indicator}.",
    },
    "not_an_indicator": {
        "en": "'{indicator}' is not an indicator of framework {framework}.",
        "id": "'{indicator}' bukan indikator kerangka {framework}.",
    },
    "level_follows_value": {
        "en": "The level of {indicator} follows from its measured value; clear the value to choose a level by hand.",
        "id": "Tingkat {indicator} mengikuti nilai terukurnya; kosongkan nilai untuk memilih tingkat secara manual.",
    },
    "changed_elsewhere": {
        "en": "{indicator} was changed elsewhere by {by} at {at}; it now shows what is stored, so nothing was "
        "overwritten: make your change again if it still applies.",
        "id": "{indicator} telah diubah di tempat lain oleh {by} pada {at}; kini ditampilkan apa yang tersimpan, "
        "jadi tidak ada yang tertimpa: ulangi perubahan Anda bila masih perlu.",
    },
}


def local_time(moment: datetime, lang: str = "en") -> str:
    """A stored UTC time as the reader's clock shows it, with its zone (WIB for most users)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S ") + (local.tzname() or "")


SIZE_PARAMS = frozenset({"size", "limit"})  # byte counts, written as a person reads them


def human_size(size: int, lang: str = "en") -> str:
    """1536 → "1.5 KB" (binary multiples, as file managers show them); a decimal comma in Indonesian."""
    amount, unit = float(size), "bytes"
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            break
        amount /= 1024
    text = f"{int(amount)} {unit}" if unit == "bytes" else f"{amount:.1f} {unit}"
    return with_decimal_mark(text, lang)


def _param(value: Any, lang: str, name: str = "") -> str:
    if name in SIZE_PARAMS and isinstance(value, int):
        return human_size(value, lang)
    if isinstance(value, datetime):
        return local_time(value, lang)
    if isinstance(value, float):
        return with_decimal_mark(f"{value:g}", lang)
    return str(value)


def render(code: str, params: dict[str, Any], lang: str = "en") -> str:
    """The sentence for `code` in `lang` (English when it has none); an unknown code is a sentence itself."""
    texts = MESSAGES.get(code)
    if texts is None:
        return code
    template = texts.get(lang) or texts["en"]
    return template.format(**{name: _param(value, lang, name) for name, value in params.items()})
