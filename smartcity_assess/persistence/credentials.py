"""Server passwords, never stored by us: the system keyring holds one per (host, login), if asked to.

libpq's own `~/.pgpass` and service files work as they always do (psycopg hands the URL to libpq).
The keyring (the `keyring` package, in the `[server]` extra) is looked up only for a PostgreSQL URL
without a password, and only when the package is installed: the embedded default never imports it.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..core.errors import UserError

SERVICE_PREFIX = "smartcity-assess"


def _service(url: URL) -> str:
    return f"{SERVICE_PREFIX}:{url.host}"


def _keyring():
    try:
        import keyring
        import keyring.errors
    except ImportError:
        return None
    return keyring


def _key(url: str | URL) -> URL | None:
    """The URL when it names the host and the login a keyring entry is kept for (a service file may not)."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return None
    if not parsed.get_backend_name().startswith("postgresql") or not parsed.host or not parsed.username:
        return None
    return parsed


def keyring_password(url: str | URL) -> str | None:
    """The keyring's password for the URL's host and login, when the URL has none of its own."""
    parsed = _key(url)
    keyring = _keyring()
    if parsed is None or parsed.password is not None or keyring is None:
        return None
    try:
        return keyring.get_password(_service(parsed), parsed.username)
    except keyring.errors.KeyringError:
        return None  # no usable keyring here (a bare server, a locked one): libpq's ~/.pgpass may still do


def save_password(url: str, password: str) -> None:
    """Keep the password in the system keyring for the URL's host and login."""
    parsed, keyring = _needs_keyring(url)
    try:
        keyring.set_password(_service(parsed), parsed.username, password)
    except keyring.errors.KeyringError as exc:
        raise UserError("keyring_failed", reason=str(exc) or type(exc).__name__) from None


def forget_password(url: str) -> bool:
    """Remove the keyring's password for the URL's host and login; False when it held none."""
    parsed, keyring = _needs_keyring(url)
    try:
        keyring.delete_password(_service(parsed), parsed.username)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise UserError("keyring_failed", reason=str(exc) or type(exc).__name__) from None
    return True


def _needs_keyring(url: str):
    parsed = _key(url)
    if parsed is None:
        raise UserError("keyring_needs_host_and_login")
    return parsed, _needs_keyring_module()


def login_and_host(url: str) -> tuple[str, str]:
    parsed = _key(url)
    if parsed is None:
        raise UserError("keyring_needs_host_and_login")
    return parsed.username, parsed.host


def require_keyring() -> None:
    _needs_keyring_module()


def _needs_keyring_module():
    keyring = _keyring()
    if keyring is None:
        raise UserError("keyring_missing")
    return keyring
