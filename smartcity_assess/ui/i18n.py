"""The app's languages: English (the source strings) and Bahasa Indonesia (a shipped translation).

Compiled translations live in resources/translations/smartcity_assess_<lang>.qm, built from the
.ts files by `.ci/build_translations.py`. The one language choice drives three things: the Qt
translator (the UI), the framework texts shown (their `id` strings) and the report's default language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..core.text import with_decimal_mark
from ..paths import resource_path

SOURCE_LANGUAGE = "en"
# code → the language's own name, as a language menu shows it
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}
TRANSLATION_PREFIX = "smartcity_assess_"


def translation_file(lang: str) -> Path | None:
    """The compiled translation for `lang`, or None when none is shipped."""
    try:
        return resource_path("translations", f"{TRANSLATION_PREFIX}{lang}.qm")
    except FileNotFoundError:
        return None


def system_language() -> str:
    """The default before the user chooses: Indonesian on an Indonesian system, else English."""
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else SOURCE_LANGUAGE


def language_locale(lang: str) -> QLocale:
    """The locale for sizes shown in `lang` ("70 byte", "1,43 MiB"). Scores keep their decimal point everywhere,
    so the application's default locale (number entry) is left as the system's."""
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia) if lang == "id" else QLocale()


def normalize_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else system_language()


class Translations:
    """Keeps the installed translator alive and swaps it when the language changes."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language = SOURCE_LANGUAGE

    def install(self, lang: str) -> bool:
        """Switch the application to `lang`; returns False when its translation cannot be loaded."""
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        self.language = SOURCE_LANGUAGE
        path = translation_file(lang)  # English has one too: the plural forms of '%n thing(s)'
        translator = QTranslator(app)
        if path is None or not translator.load(str(path)):
            return lang == SOURCE_LANGUAGE  # without its plurals English still reads, '(s)' and all
        app.installTranslator(translator)
        self._translator = translator
        self.language = lang
        return True


# The application's one translator holder: the language menu and start-up both go through it.
TRANSLATIONS = Translations()


def decimal_text(value: float, decimals: int = 2, *, signed: bool = False) -> str:
    """A score as the interface's language writes it: 3.36 in English, 3,36 in Indonesian.

    No thousands grouping: scores stay below 10, and typed values are read back without it.
    """
    text = f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"
    return with_decimal_mark(text, TRANSLATIONS.language)


def sentence(exc: BaseException) -> str:
    """An error a user caused, in the interface's language (UserErrors carry a code and parameters)."""
    from ..core.errors import UserError
    from ..core.messages import as_sentence

    if isinstance(exc, UserError):
        return exc.text(TRANSLATIONS.language, sentence=True)
    return as_sentence(str(exc))
