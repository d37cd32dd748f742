"""Passwords are never stored by us: the system keyring (here an in-memory backend) or libpq's own files."""

import subprocess
import sys

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail
from sqlalchemy.engine import make_url

from smartcity_assess.cli import main
from smartcity_assess.core.errors import UserError
from smartcity_assess.services import server
from smartcity_assess.services.frameworks import open_store


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in this test only: no real keychain is touched."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not there")


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def password_used(url: str) -> str | None:
    """The password libpq was given for a connection made through the app's store."""
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            return conn.connection.driver_connection.info.password
    finally:
        store.close()


def test_a_url_without_password_takes_the_keyrings(pg_url, memory_keyring):
    url = make_url(pg_url)
    memory_keyring.set_password(f"smartcity-assess:{url.host}", url.username, "s3cret")
    assert password_used(pg_url) == "s3cret"
    with_own = url.set(password="written-in-url").render_as_string(hide_password=False)
    assert password_used(with_own) == "written-in-url"  # the URL's own password wins


def test_no_usable_keyring_leaves_it_to_libpq(pg_url):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # what a bare server without a keychain has
    try:
        assert password_used(pg_url) in (None, "")
    finally:
        keyring.set_keyring(before)


def test_server_login_checks_the_password_then_keeps_it(pg_url, memory_keyring, monkeypatch, capsys):
    url = make_url(pg_url)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "s3cret")
    assert main(["server", "login", pg_url]) == 0
    assert capsys.readouterr().out == (
        f"the server accepted the login; its password is kept in the system keyring for {url.username} on {url.host}\n"
    )
    assert memory_keyring.entries == {(f"smartcity-assess:{url.host}", url.username): "s3cret"}
    assert main(["server", "logout", pg_url]) == 0
    assert memory_keyring.entries == {}
    assert capsys.readouterr().out.startswith("the keyring no longer holds a password")
    assert main(["server", "logout", pg_url]) == 0
    assert capsys.readouterr().out.startswith("the keyring held no password")


def test_server_login_refused_keeps_nothing(pg_url, memory_keyring, monkeypatch, capsys):
    nobody = make_url(pg_url).set(username="nobody_here").render_as_string(hide_password=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "guess")
    assert main(["server", "login", nobody]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the database server ") and "refused the login" in err
    assert memory_keyring.entries == {}
    with pytest.raises(UserError, match="must name the server's host and your login"):
        server.login("postgresql+psycopg:///?service=central", "x")


def test_the_embedded_default_never_loads_keyring_or_a_driver(tmp_path):
    code = (
        "import sys; from smartcity_assess.services.frameworks import open_store; "
        f"open_store({str(tmp_path / 'x.db')!r}).close(); "
        "print(sorted(m for m in ('keyring', 'psycopg') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_connect_with_a_typed_password_kept_in_the_keyring(pg_url, memory_keyring):
    server.init(pg_url)
    url = make_url(pg_url)
    store = server.connect(pg_url, "typed", remember=True)  # what File → Connect to server… does
    try:
        with store.engine.connect() as conn:
            assert conn.connection.driver_connection.info.password == "typed"
        assert "typed" not in str(store.engine.url) and "typed" not in store.location
    finally:
        store.close()
    assert memory_keyring.entries == {(f"smartcity-assess:{url.host}", url.username): "typed"}
    assert server.url_to_remember(server.url_with_password(pg_url, "typed")) == pg_url
