"""Texts that framework authors may give in several languages.

A text is a mapping of language code to string. Authors may also write a plain
string; the loader stores it under ANY_LANGUAGE so it reads the same in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

ANY_LANGUAGE = "*"
FALLBACK_LANGUAGE = "en"
LANGUAGES = ("en", "id")

Text = Mapping[str, str]


def localize(text: Text | None, lang: str = FALLBACK_LANGUAGE) -> str:
    """The text in `lang`, else English, else whatever language it has."""
    if not text:
        return ""
    for key in (lang, ANY_LANGUAGE, FALLBACK_LANGUAGE):
        if key in text:
            return text[key]
    return next(iter(text.values()))


DECIMAL_COMMA_LANGUAGES = frozenset({"id"})  # languages that write 3,36 where English writes 3.36


def with_decimal_mark(number_text: str, lang: str) -> str:
    """A number written with a point (Python's way), in `lang`'s decimal mark; no thousands grouping."""
    return number_text.replace(".", ",") if lang in DECIMAL_COMMA_LANGUAGES else number_text


def local_time(moment: datetime, with_zone: bool = True) -> str:
    """A stored (UTC) time as the clock on the wall reads it: the computer's time zone (WIB for most users)."""
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M" + (" %Z" if with_zone else ""))
