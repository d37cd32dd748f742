import pytest

from tests.team.helpers import Laptop


@pytest.fixture
def laptops(tmp_path):
    """laptops("lead", "ani", …): one database each, the mini framework in it; closed at the end."""
    made = []

    def make(*names):
        for name in names:
            made.append(Laptop(tmp_path, name).with_mini())
        return made[-len(names) :] if len(names) > 1 else made[-1]

    yield make
    for laptop in made:
        laptop.close()


@pytest.fixture
def lead_package(laptops):
    """The lead's assessment (answers, a note, evidence, one change) exported as a full package."""
    lead = laptops("lead")
    aid = lead.new()
    lead.answer(aid, "G1", level=2, note="no SOP yet")
    lead.answer(aid, "G2", level=3)
    lead.answer(aid, "W1", value=45.5)
    lead.answer(aid, "G1", level=3)  # a second revision
    lead.attach(aid, "G1", "sop-draft.pdf", b"%PDF-1.4 draft SOP " * 100)
    return lead, aid, lead.export(aid)
