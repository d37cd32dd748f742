"""Errors a user can cause, raised with a code and parameters and put into words at the edge.

`UserError("code", name=value, …)` names a sentence of core.messages; the CLI, the report and the
app render it in the user's language with `exc.text(lang)`. `str(exc)` is the English sentence
(logs, tests). A first argument that is not a known code is taken as an English sentence as it is.
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Bad input from a person: a file, a value, an id. Shown as one clear sentence."""

    def __init__(self, code: str, /, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params

    def text(self, lang: str = "en", *, sentence: bool = False) -> str:
        """The message in `lang`: as the CLI prints it after `error: `, or (sentence) as a dialog says it."""
        from .messages import render  # the catalogue is only needed when an error is shown

        return render(self.code, self.params, lang, sentence=sentence)

    def __str__(self) -> str:
        return self.text("en")


class NotFoundError(UserError):
    """Something named by the user does not exist."""


class ReadOnlyError(UserError):
    """A change was asked of something that is finalized."""


class ChangedElsewhere(UserError):
    """A write based on an older view of a response that someone else has changed since.

    `current` is the response as it now stands, for the front end to show instead.
    """

    def __init__(self, *, indicator: str, by: str, at, current=None):
        super().__init__("changed_elsewhere", indicator=indicator, by=by or "?", at=at)
        self.current = current
