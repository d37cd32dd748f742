"""File → Connect to server… and File → Sync with server…, against a real PostgreSQL server."""

import pytest

from smartcity_assess.services import server
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.ui.server import SyncDialog
from tests.conftest import database_rows
from tests.server.sync_helpers import Laptop, server_rows


@pytest.fixture
def central(pg_url):
    server.init(pg_url)
    return pg_url


@pytest.fixture
def laptop(tmp_path):
    ani = Laptop(tmp_path, "ani")
    yield ani
    ani.close()


def test_sync_from_the_file_menu_with_progress_and_the_line(qtbot, make_window, central, laptop, app_settings):
    aid = laptop.new()
    for code in laptop.codes(aid)[:3]:
        laptop.answer(aid, code, level=4)
    laptop.attach(aid, laptop.codes(aid)[0], "bcc.jpg", b"\xff\xd8 jpeg " * 200_000)
    colleague = open_store(central)  # meanwhile, on the server, a colleague's assessment of Cimahi
    from smartcity_assess.services.assessments import new_assessment

    new_assessment(colleague, "Kota Cimahi", 2026, assessor="lead")
    colleague.close()

    window = make_window(laptop.store)
    assert window.sync_action.isEnabled()
    progress = []
    dialog = window.sync_with_server(central)
    assert isinstance(dialog, SyncDialog)
    dialog.worker.signals.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(dialog.worker.signals.finished, timeout=30000):
        pass
    assert dialog.result is not None and dialog.result.counts() == {"pushed": 3, "pulled": 0, "conflicts": 0}
    assert (
        dialog.status.text()
        == "Pushed 3, pulled 0, conflicts 0. New here: Kota Cimahi 2026. New on the server: Kota Bandung 2026."
    )
    assert progress and progress[-1][0] == progress[-1][1]
    assert dialog.progress.value() == dialog.progress.maximum()
    # the window shows what came in: Cimahi is in the list now
    cities = {window.list_page.model.row_at(r).city for r in range(window.list_page.model.rowCount())}
    assert cities == {"Kota Bandung", "Kota Cimahi"}
    assert app_settings.server_url == central
    dialog.close()

    again = window.sync_with_server(central)
    with qtbot.waitSignal(again.worker.signals.finished, timeout=30000):
        pass
    assert again.status.text() == (
        "Pushed 0, pulled 0, conflicts 0. Nothing to do: this database and the server hold the same."
    )
    again.close()


def test_sync_refused_says_one_sentence_and_changes_nothing(qtbot, make_window, central, laptop, errors):
    aid = laptop.new()
    laptop.answer(aid, laptop.codes(aid)[0], level=2)
    window = make_window(laptop.store)
    before = (database_rows(laptop.path), server_rows(central))
    wrong = central.rsplit("/", 1)[0] + "/no_such_database_here"
    dialog = window.sync_with_server(wrong)
    with qtbot.waitSignal(dialog.worker.signals.finished, timeout=30000):
        pass
    assert len(errors) == 1 and "has no database as named in" in errors[0] and errors[0].endswith(".")
    assert (database_rows(laptop.path), server_rows(central)) == before
    assert dialog.action_button.isEnabled()  # the person may correct the URL and try again
    dialog.close()


def test_sync_in_indonesian(qtbot, make_window, central, laptop, app_settings):
    aid = laptop.new()
    laptop.answer(aid, laptop.codes(aid)[0], level=2)
    window = make_window(laptop.store)
    assert window.set_language("id")
    dialog = window.sync_with_server(central)
    with qtbot.waitSignal(dialog.worker.signals.finished, timeout=30000):
        pass
    assert dialog.status.text() == "Dikirim 1, diambil 0, konflik 0. Baru di server: Kota Bandung 2026."
    assert dialog.windowTitle() == "Sinkronkan dengan server"
    dialog.close()
    window.set_language("en")


def test_connect_to_server_opens_it_and_a_refused_login_keeps_the_file(
    qtbot, make_window, central, laptop, errors, app_settings
):
    laptop.new()
    window = make_window(laptop.store)
    worker = window.connect_to_server(central.replace("postgres@", "nobody_at_all@"))
    with qtbot.waitSignal(worker.signals.finished, timeout=30000):
        pass
    assert len(errors) == 1 and "refused the login" in errors[0]
    assert window.store is laptop.store and app_settings.server_url == ""  # stays on what it had

    colleague = open_store(central)
    from smartcity_assess.services.assessments import new_assessment

    new_assessment(colleague, "Kota Cimahi", 2026, assessor="lead")
    colleague.close()
    worker = window.connect_to_server(central)
    with qtbot.waitSignal(worker.signals.finished, timeout=30000):
        pass
    assert window.store is not laptop.store
    assert [a.city for a in window.store.list_assessments()] == ["Kota Cimahi"]
    cities = {window.list_page.model.row_at(r).city for r in range(window.list_page.model.rowCount())}
    assert cities == {"Kota Cimahi"}
    assert app_settings.server_url == central  # offered the next time
    laptop.store = open_store(laptop.path)  # the window closed the file's store when it switched
