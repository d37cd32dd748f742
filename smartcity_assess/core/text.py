"""Texts that framework authors may give in several languages.

A text is a mapping of language code to string. Authors may also write a plain
string; the loader stores it under ANY_LANGUAGE so it reads the same in every language.
"""

from collections.abc import Mapping

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
