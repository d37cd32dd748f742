"""The agreement view: the levels each assessor gave, the spread, wide spreads first and highlighted,
and Krippendorff's alpha exactly as services.agreement computes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from smartcity_assess.services.agreement import agreement
from tests.team.helpers import Laptop


@pytest.fixture
def three_assessors(tmp_path):
    lead, ani, budi = (Laptop(tmp_path, n).with_mini() for n in ("lead", "ani", "budi"))
    aid = lead.new()
    start = lead.export(aid, name="start.scapkg")
    ani.receive(start)
    budi.receive(start)
    for laptop, levels in ((lead, (3, 4, 2)), (ani, (3, 2, 2)), (budi, (4, 5, 2))):
        for code, level in zip(("G1", "G2", "W2"), levels, strict=True):
            laptop.answer(aid, code, level=level)
    lead.receive(ani.export(aid))
    lead.receive(budi.export(aid))
    yield lead, aid
    for laptop in (lead, ani, budi):
        laptop.close()


def test_levels_spread_and_alpha_from_the_service(qtbot, qtmodeltester, make_window, three_assessors):
    lead, aid = three_assessors
    window = make_window(lead.store)
    window.open_assessment(aid)
    assert window.agreement_action.isEnabled()
    window.agreement_action.trigger()
    view = window._agreement
    assert view is not None and view.isVisible()
    qtmodeltester.check(view.model)
    model = view.model
    expected = agreement(lead.store, aid)
    assert view.found == expected and len(expected.assessors) == 3
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Indicator", "ani", "budi", "lead", "Spread"]
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    # G2 (4, 2, 5: spread 3) first and marked; then G1 and W2 in framework order
    assert rows[0] == ["⚠ G2  Website", "2", "5", "4", "3"]
    assert rows[1] == ["G1  Command-center SOP", "3", "4", "3", "1"]
    assert rows[2] == ["W2  Complaint days", "2", "2", "2", "0"]
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    text = view.summary.text()
    assert f"Krippendorff's alpha (ordinal): {expected.alpha:.2f}" in text
    assert "3 assessors: ani, budi, lead." in text and "1 indicator with levels 2 or more apart" in text


def test_one_assessor_says_there_is_nothing_to_measure(qtbot, make_window, walk_window):
    walk_window.session.set_response("G1", level=3)
    view = walk_window.show_agreement()
    assert "Only one assessor" in view.summary.text() and view.found.alpha is None
    assert view.model.rowCount() == 1
