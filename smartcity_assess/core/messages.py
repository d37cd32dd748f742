"""The sentences of errors a user can cause, in English and Bahasa Indonesia.

Written as the command line prints them after `error: ` (lower case, no final stop); the app
makes a sentence of them (`as_sentence`).

One catalogue for every front end (CLI, report, app), so the words cannot drift apart between
them. Parameters are put in as the reader's language writes them: times in local time, numbers
with the language's decimal mark.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .text import with_decimal_mark

MESSAGES: dict[str, dict[str, str]] = {
    # the database
    "db_locked": {
        "en": "the database {where} is locked by another program; close it and try again",
        "id": "basis data {where} sedang dikunci oleh program lain; tutup program itu lalu coba lagi",
    },
    "db_damaged": {
        "en": "{where} is not a Smart City Assess database, or it is damaged",
        "id": "{where} bukan basis data Smart City Assess, atau berkas itu rusak",
    },
    "db_readonly": {
        "en": "the database {where} is read-only; copy it somewhere writable first",
        "id": "basis data {where} hanya dapat dibaca; salin dulu ke tempat yang dapat ditulisi",
    },
    "db_cannot_open": {
        "en": "the database {where} cannot be opened (check the folder exists and is writable)",
        "id": "basis data {where} tidak dapat dibuka (periksa bahwa foldernya ada dan dapat ditulisi)",
    },
    "db_full": {
        "en": "the disk holding {where} is full; nothing was changed: free some space and try again",
        "id": "disk tempat {where} penuh; tidak ada yang diubah: kosongkan sebagian ruang lalu coba lagi",
    },
    "db_io_error": {
        "en": "the database {where} could not be read or written (a disk or network error); nothing was changed",
        "id": "basis data {where} tidak dapat dibaca atau ditulis (galat disk atau jaringan); tidak ada yang diubah",
    },
    "db_unreachable": {
        "en": "the database server {where} cannot be reached; check the address and the network",
        "id": "server basis data {where} tidak dapat dihubungi; periksa alamat dan jaringannya",
    },
    "db_login_refused": {
        "en": "the database server {where} refused the login; check the user name and password",
        "id": "server basis data {where} menolak login; periksa nama pengguna dan kata sandinya",
    },
    "db_not_allowed": {
        "en": "your login on {where} may not make this change",
        "id": "login Anda di {where} tidak berhak membuat perubahan ini",
    },
    # evidence
    "evidence_is_database": {
        "en": "{name} is the assessment database itself; it cannot be attached as evidence",
        "id": "{name} adalah basis data penilaian itu sendiri; berkas ini tidak dapat dilampirkan sebagai bukti",
    },
    "evidence_not_a_file": {"en": "{name} is not a file", "id": "{name} bukan berkas"},
    "evidence_too_large": {
        "en": "{name} is {size}, more than the {limit} allowed for one evidence file",
        "id": "{name} berukuran {size}, melebihi batas {limit} untuk satu berkas bukti",
    },
    "evidence_empty": {"en": "{name} is empty", "id": "{name} kosong"},
    "evidence_unreadable": {
        "en": "{name} cannot be read ({reason})",
        "id": "{name} tidak dapat dibaca ({reason})",
    },
    "evidence_duplicate": {
        "en": "{name} is already attached to {indicator}",
        "id": "{name} sudah dilampirkan pada {indicator}",
    },
    "not_an_indicator": {
        "en": "'{indicator}' is not an indicator of framework {framework}",
        "id": "'{indicator}' bukan indikator kerangka {framework}",
    },
    "level_follows_value": {
        "en": "the level of {indicator} follows from its measured value; clear the value to choose a level by hand",
        "id": "tingkat {indicator} mengikuti nilai terukurnya; kosongkan nilai untuk memilih tingkat secara manual",
    },
    "changed_elsewhere": {
        "en": "{indicator} was changed elsewhere by {by} at {at}; what is stored now is shown and nothing was "
        "overwritten: make your change again if it still applies",
        "id": "{indicator} telah diubah di tempat lain oleh {by} pada {at}; yang kini tersimpan ditampilkan dan "
        "tidak ada yang tertimpa: ulangi perubahan Anda bila masih perlu",
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


def render(code: str, params: dict[str, Any], lang: str = "en", *, sentence: bool = False) -> str:
    """The text for `code` in `lang` (English when it has none); an unknown code is a text itself.

    sentence=True: as a dialog says it (see as_sentence), the command line's form otherwise.
    """
    texts = MESSAGES.get(code)
    if texts is None:
        return as_sentence(code) if sentence else code
    template = texts.get(lang) or texts["en"]
    if sentence:
        template = as_sentence(template)  # before filling in: a file name first stays as it is written
    return template.format(**{name: _param(value, lang, name) for name, value in params.items()})


def as_sentence(text: str) -> str:
    """A message as a dialog shows it: a capital first letter and a final stop.

    A text that starts with a name (a parameter, a file name or path, a code) keeps it as written.
    """
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if text[0].islower() and not any(mark in first for mark in "{./\\:_'"):
        text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?)" else text + "."
