"""The central server's set-up: schema, built-in frameworks, roles and per-city rights."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select

from ..core.errors import UserError
from ..persistence import credentials, db, server
from ..persistence.models import utcnow
from ..persistence.store import CITIES, Store, city_key
from .frameworks import open_store


def _server_store(url: str) -> Store:
    if "://" not in url or not url.split("://", 1)[0].startswith("postgresql"):
        raise UserError("server_needs_postgresql")
    return open_store(url)


def init(url: str) -> None:
    """Schema (migrated), the built-in frameworks and the access rules; run by the database's owner."""
    store = _server_store(url)
    try:
        server.install(store.engine)
    finally:
        store.close()


def _city_ids(conn, names: Sequence[str]) -> list:
    ids = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            raise UserError("city_empty")
        city_id = conn.execute(select(CITIES.c.id).where(CITIES.c.name_key == city_key(name))).scalar()
        if city_id is None:  # rights for a city whose first assessment is still to come
            import uuid

            city_id = uuid.uuid4()
            conn.execute(insert(CITIES).values(id=city_id, name=name, name_key=city_key(name), created_at=utcnow()))
        ids.append(city_id)
    return ids


def grant(url: str, login: str, role: str, cities: Sequence[str] = ()) -> None:
    if role not in server.ROLES:
        raise UserError("server_unknown_role", role=role)
    store = _server_store(url)
    try:
        with store.transaction() as conn:
            if not server.login_exists(conn, login):
                raise UserError("server_no_login", login=login)
            server.grant(conn, login, role, _city_ids(conn, cities))
    finally:
        store.close()


def revoke(url: str, login: str, cities: Sequence[str] = ()) -> None:
    store = _server_store(url)
    try:
        with store.transaction() as conn:
            if not server.login_exists(conn, login):
                raise UserError("server_no_login", login=login)
            server.revoke(conn, login, _city_ids(conn, cities) if cities else None)
    finally:
        store.close()


def login(url: str, password: str) -> tuple[str, str]:
    """Check the password with the server, then keep it in the system keyring; (login, host)."""
    url = url.strip()
    if "://" not in url or not url.split("://", 1)[0].startswith("postgresql"):
        raise UserError("sync_needs_server")
    login_name, host = credentials.login_and_host(url)
    if not password:
        raise UserError("password_empty")
    credentials.require_keyring()  # before the server is asked: a password that could not be kept is no use
    db.check_login(url, password)
    credentials.save_password(url, password)
    return login_name, host


def logout(url: str) -> tuple[str, str, bool]:
    """Remove the keyring's password for the URL's login and host; (login, host, whether one was there)."""
    login_name, host = credentials.login_and_host(url.strip())
    return login_name, host, credentials.forget_password(url.strip())


def url_with_password(url: str, password: str | None) -> str:
    """The URL with a password typed in the app put in, for this connection only (it is never kept)."""
    from sqlalchemy.engine import make_url

    url = url.strip()
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def url_to_remember(url: str) -> str:
    """The URL as the settings keep it: never with a password in it."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    url = url.strip()
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    # URL.set(password=None) would keep it (None means "unchanged" there)
    return parsed._replace(password=None).render_as_string(hide_password=False) if parsed.password else url


def connect(url: str, password: str | None = None, *, remember: bool = False) -> Store:
    """The server's store for the app (File → Connect to server…): set up by its owner, the login accepted.

    remember: the password typed goes to the system keyring once the server has accepted it.
    """
    from .sync import open_server

    if password and remember:
        login(url, password)
    return open_server(url_with_password(url, password))
