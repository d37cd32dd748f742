"""Errors a user can cause. Their message is one sentence fit to show as it is."""


class UserError(Exception):
    """Bad input from a person: a file, a value, an id. Shown as one clear sentence."""


class NotFoundError(UserError):
    """Something named by the user does not exist."""


class ReadOnlyError(UserError):
    """A change was asked of something that is finalized."""
