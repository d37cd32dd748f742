"""What the app remembers between runs, over QSettings, with defaults in one place.

Tests pass their own QSettings (an INI file in a temporary folder), so they never touch the user's.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from .i18n import normalize_language

ORGANIZATION = "SmartCityAssess"
APPLICATION = "SmartCityAssess"

DEFAULT_EVIDENCE_LIMIT_MB = 25


def default_qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class AppSettings:
    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings if qsettings is not None else default_qsettings()

    @property
    def qsettings(self) -> QSettings:
        return self._q

    def _str(self, key: str, default: str = "") -> str:
        value = self._q.value(key, default)
        return str(value) if value is not None else default

    # One language for the interface, the framework texts and the report; the system's until chosen.
    @property
    def language(self) -> str:
        return normalize_language(self._str("language") or None)

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("language", value)

    @property
    def assessor(self) -> str:
        return self._str("assessor")

    @assessor.setter
    def assessor(self, value: str) -> None:
        self._q.setValue("assessor", value)

    @property
    def evidence_limit_bytes(self) -> int:
        try:
            megabytes = float(self._q.value("evidence/limit_mb", DEFAULT_EVIDENCE_LIMIT_MB))
        except (TypeError, ValueError):
            megabytes = DEFAULT_EVIDENCE_LIMIT_MB
        return int(megabytes * 1024 * 1024)

    @property
    def last_assessment(self) -> str:
        return self._str("last_assessment")

    @last_assessment.setter
    def last_assessment(self, value: str) -> None:
        self._q.setValue("last_assessment", value)

    @property
    def last_indicator(self) -> str:
        """The indicator the assessor was on in the last assessment, to pick up there after a restart."""
        return self._str("last_indicator")

    @last_indicator.setter
    def last_indicator(self, value: str) -> None:
        self._q.setValue("last_indicator", value)

    @property
    def last_folder(self) -> str:
        """The folder of the file last chosen in a file dialog."""
        return self._str("last_folder")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._q.setValue("last_folder", value)

    @property
    def server_url(self) -> str:
        """The central server last connected to or synced with (never with a password in it)."""
        return self._str("server/url")

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._q.setValue("server/url", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        value = self._q.value("window/walk_splitter")
        return value if isinstance(value, QByteArray) else None

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._q.setValue("window/walk_splitter", value)

    def sync(self) -> None:
        self._q.sync()


_for_dialogs: AppSettings | None = None


def use_for_dialogs(settings: AppSettings) -> None:
    """The settings in which file dialogs remember the folder last used (the main window's)."""
    global _for_dialogs
    _for_dialogs = settings


def for_dialogs() -> AppSettings:
    return _for_dialogs if _for_dialogs is not None else AppSettings()
