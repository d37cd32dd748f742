import pytest

from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.frameworks import open_store


@pytest.fixture
def shared_db(tmp_path):
    """A database file several processes write to, with one draft assessment; yields (path, id)."""
    path = tmp_path / "shared.db"
    store = open_store(path)
    assessment_id = new_assessment(store, "Kota Bandung", 2026, assessor="lead")
    store.close()
    return path, assessment_id


# The app's fixtures (a main window on the test database, answered message boxes) for the tests that
# run the app beside other processes.
from tests.ui.conftest import answers, app_settings, errors, make_window, walk_window  # noqa: E402, F401
