"""The Compare view with the demo data: what it draws and lists follows what the user chose."""

import math
from dataclasses import replace

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from smartcity_assess.core import chart_style
from smartcity_assess.core.comparison import ComparedAssessment, build_comparison
from smartcity_assess.core.errors import UserError
from smartcity_assess.core.scoring import Answer, score_assessment
from smartcity_assess.services.assessments import finalize, score_many
from smartcity_assess.services.demo import load_demo
from smartcity_assess.ui.models.comparison import SORT_ROLE, ComparisonTableModel
from smartcity_assess.ui.views import compare as compare_view
from smartcity_assess.ui.views.compare import INFO_ROLE, CompareView

BANDUNG = "Bandung (demo)"
CIMAHI = "Cimahi (demo)"


@pytest.fixture
def demo_store(store):
    load_demo(store)
    return store


@pytest.fixture
def view(qtbot, demo_store):
    widget = CompareView(demo_store)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


@pytest.fixture
def engine(demo_store):
    """(city, year) → pillar scores straight from the scoring engine."""
    return {(s.info.city, s.info.year): {p.code: p.score for p in s.score.pillars} for s in score_many(demo_store)}


def listed(view):
    choices = view._choices
    return [choices.item(r).text() for r in range(choices.count())]


def test_city_over_years_defaults_to_all_final_years(view, engine):
    view.show_city(BANDUNG)
    assert listed(view) == ["2023", "2024", "2025"]  # the 2026 draft only when asked
    assert [s.label for s in view.radar().series()] == ["2023", "2024", "2025"]
    assert view.radar().axes() == ["Government", "Infrastructure", "Wi-Fi coverage", "Community"]
    for index, year in enumerate((2023, 2024, 2025)):
        expected = [engine[(BANDUNG, year)][code] for code in ("GOV", "INF", "WIFI", "COM")]
        assert view.radar().drawn_radii(index) == pytest.approx(expected)
    colours = [s.colour for s in view.radar().series()]
    assert colours == [chart_style.series_colour(i) for i in range(3)]


def test_choosing_years_updates_radar_and_trend(view, qtbot, engine):
    view.show_city(BANDUNG)
    with qtbot.waitSignal(view.comparison_changed):
        view.show_city(BANDUNG, years=[2023, 2025])
    assert [s.label for s in view.radar().series()] == ["2023", "2025"]
    assert view.radar().drawn_radii(1)[0] == pytest.approx(engine[(BANDUNG, 2025)]["GOV"])
    assert view.trend().labels() == ["2023", "2025"]
    assert [s.label for s in view.trend().series()] == [
        "Overall",
        "Government",
        "Infrastructure",
        "Wi-Fi coverage",
        "Community",
    ]
    # unticking a year in the list (as a user does) redraws too
    with qtbot.waitSignal(view.comparison_changed):
        view._choices.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert [s.label for s in view.radar().series()] == ["2025"]
    assert "no change" in view.notes()


def test_drafts_only_when_asked_and_marked(view, qtbot):
    view.show_city(BANDUNG)
    with qtbot.waitSignal(view.comparison_changed):
        view.set_include_drafts(True)
    assert listed(view) == ["2023", "2024", "2025", "2026 (draft)"]
    draft = view.radar().series()[-1]
    assert draft.label == "2026 (draft)" and draft.dashed
    assert view.trend().labels()[-1] == "2026 (draft)"
    model = view.table_model()
    assert model.headerData(5, Qt.Orientation.Horizontal) == "2026 (draft)"
    assert "Drafts (not final) included: 2026" in view.notes()


def test_not_assessed_never_reads_zero(view, qtbot):
    view.set_include_drafts(True)
    view.show_city(BANDUNG, years=[2025, 2026])
    model = view.table_model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "WIFI-08")  # unanswered in 2026
    assert model.index(row, 3).data() == "not assessed"
    assert model.index(row, model.change_column).data() == "—"
    assert model.index(row, model.trend_column).data() == ""
    assert model.index(row, 3).data(SORT_ROLE) == math.inf  # sorts after every level, not as 0


def test_one_year_across_cities(view, qtbot, engine):
    with qtbot.waitSignal(view.comparison_changed):
        view.show_year(2025)
    assert listed(view) == [BANDUNG, CIMAHI]
    assert [s.label for s in view.radar().series()] == [BANDUNG, CIMAHI]
    assert view.radar().drawn_radii(1)[1] == pytest.approx(engine[(CIMAHI, 2025)]["INF"])
    model = view.table_model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "COM-08")  # N/A in Cimahi
    assert model.index(row, 3).data() == "N/A"
    assert not view.trend().isVisibleTo(view)
    with qtbot.waitSignal(view.comparison_changed):
        view.show_year(2025, cities=[CIMAHI])
    assert [s.label for s in view.radar().series()] == [CIMAHI]


def test_regressions_are_marked_and_filterable(view, qtbot):
    view.show_city(BANDUNG)  # COM-07: 5 in 2023, 4 in 2025
    proxy = view.table_proxy()
    model = view.table_model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "COM-07")
    assert model.index(row, model.trend_column).data() == "▼ regressed"
    assert model.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    view._regressions.setChecked(True)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["COM-07"]
    view._regressions.setChecked(False)
    view._filter.setText("command")
    codes = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    table = view.comparison().table
    assert codes == list(table[table["name"].str.contains("command", case=False)]["code"])
    assert "GOV-03" in codes


def test_table_sorts_by_numbers_with_not_assessed_last(view):
    view.set_include_drafts(True)
    view.show_city(BANDUNG, years=[2025, 2026])
    view._rows.setCurrentIndex(view._rows.findData("indicators"))
    proxy = view.table_proxy()
    view.table_view().sortByColumn(3, Qt.SortOrder.AscendingOrder)
    column = [proxy.index(r, 3).data() for r in range(proxy.rowCount())]
    assert column[-2:] == ["not assessed", "not assessed"]  # WIFI-08 and COM-06 in the draft
    numbers = [int(v) for v in column[:-2]]
    assert numbers == sorted(numbers)


def test_item_model_passes_qtmodeltester(view, qtmodeltester):
    view.set_include_drafts(True)
    view.show_city(BANDUNG)
    qtmodeltester.check(view.table_model())
    qtmodeltester.check(view.table_proxy())


def test_model_states_framework_versions_and_empty(qtmodeltester, mini_framework):
    model = ComparisonTableModel()
    qtmodeltester.check(model)  # empty
    columns = [
        ComparedAssessment("2024", mini_framework, score_assessment(mini_framework, {"G1": Answer(level=2)})),
        ComparedAssessment("2025", mini_framework, score_assessment(mini_framework, {"G1": Answer(level=1)})),
    ]
    model.set_comparison(build_comparison(columns))
    qtmodeltester.check(model)
    assert model.index(2, model.trend_column).data() == "▼ regressed"


def test_framework_version_change_is_stated(view, demo_store, qtbot, monkeypatch):
    """2025 scored under a new version of the framework: the view says between which years it changed."""
    view.show_city(BANDUNG)
    scored = score_many(demo_store, [i for i in demo_store.list_assessments(city=BANDUNG) if i.is_final])
    old = scored[0].framework
    new = replace(old, version=old.version + "-next")
    columns = [ComparedAssessment(str(s.info.year), s.framework, s.score) for s in scored[:-1]]
    columns.append(ComparedAssessment("2025", new, scored[-1].score))
    monkeypatch.setattr(compare_view, "compare_assessments", lambda *args, **kwargs: build_comparison(columns))
    with qtbot.waitSignal(view.comparison_changed):
        view._recompute()
    assert (
        f"Framework version changed between 2024 ({old.code} {old.version}) and 2025 ({new.code} {new.version}); "
        "indicators are matched by code."
    ) in view.notes()


def test_exports_read_back_equal(view, qtbot, tmp_path):
    view.show()  # charts are exported as laid out on screen
    qtbot.waitExposed(view)
    view.set_include_drafts(True)
    view.show_city(BANDUNG)
    table = view.comparison().table
    for suffix in (".csv", ".xlsx"):
        path = view.export_table(tmp_path / f"table{suffix}")
        frame = pd.read_csv(path) if suffix == ".csv" else pd.read_excel(path, sheet_name="comparison")
        assert list(frame["code"]) == list(table["code"])
        for key, header in (("2023", "2023"), ("2026", "2026 (draft)")):
            expected, got = table[key].tolist(), frame[header].tolist()
            assert all(
                (math.isnan(e) and math.isnan(g)) or e == pytest.approx(g) for e, g in zip(expected, got, strict=True)
            )
    for chart, export in (("radar", view.export_radar), ("trend", view.export_trend)):
        png = export(tmp_path / f"{chart}.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        svg = export(tmp_path / f"{chart}.svg").read_text()
        assert "<svg" in svg
        assert "2026 (draft)" in svg  # the legend (radar) or the axis (trend) travels with the chart
    with pytest.raises(UserError):
        view.export_radar(tmp_path / "radar.gif")


def test_no_choice_explains_itself(view, qtbot):
    view.show_city(BANDUNG, years=[])
    assert view.comparison() is None
    assert "Choose at least one" in view.notes()
    assert view.table_model().rowCount() == 0
    with pytest.raises(UserError):
        view.export_table("x.csv")


def test_list_items_carry_their_assessment(view):
    view.show_city(CIMAHI)
    infos = [view._choices.item(r).data(INFO_ROLE) for r in range(view._choices.count())]
    assert [(i.city, i.year) for i in infos] == [(CIMAHI, 2025), (CIMAHI, 2026)]


def test_several_frameworks_are_a_choice_offered_not_made_behind_the_back(qtbot, mini_store):
    from smartcity_assess.services.assessments import new_assessment

    for year in (2024, 2025):
        finalize(mini_store, new_assessment(mini_store, "Bandung", year, framework_code="mini"))
    finalize(mini_store, new_assessment(mini_store, "Bandung", 2026))  # the built-in framework
    view = CompareView(mini_store)
    qtbot.addWidget(view)
    view.show()
    view.show_city("Bandung")
    picker = view._framework
    assert picker.isVisible()
    assert [picker.itemData(i) for i in range(picker.count())] == ["bandung-smart-city", "mini"]  # latest first
    assert listed(view) == ["2026"]
    assert "use different frameworks; the list shows those of bandung-smart-city" in view.notes()
    picker.setCurrentIndex(picker.findData("mini"))
    assert listed(view) == ["2024", "2025"]
    assert "those of mini" in view.notes()


def test_one_framework_needs_no_choice(qtbot, mini_store):
    from smartcity_assess.services.assessments import new_assessment

    finalize(mini_store, new_assessment(mini_store, "Bandung", 2025, framework_code="mini"))
    view = CompareView(mini_store)
    qtbot.addWidget(view)
    view.show()
    view.show_city("Bandung")
    assert not view._framework.isVisible()


def test_only_drafts_says_to_include_them(qtbot, store):
    from smartcity_assess.services.assessments import new_assessment

    new_assessment(store, "Bandung", 2026)  # a draft, the only assessment
    view = CompareView(store)
    qtbot.addWidget(view)
    assert view.notes() == "Only draft assessments exist so far: tick “Include drafts” to compare them."
    view.set_include_drafts(True)
    assert view.comparison() is not None and "Drafts (not final) included" in view.notes()


def test_the_overall_row_is_named_in_the_readers_language_without_an_english_code(qtbot, store):
    from smartcity_assess.core.comparison import OVERALL
    from smartcity_assess.services.demo import load_demo
    from smartcity_assess.ui.models.comparison import KIND_ROLE
    from smartcity_assess.ui.views.compare import CompareView

    load_demo(store)
    view = CompareView(store, lang="id")
    qtbot.addWidget(view)
    model = view.table_model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(KIND_ROLE) == OVERALL)
    assert model.index(row, 0).data() == ""
    assert model.index(row, 1).data() == "Keseluruhan"


def test_cities_are_compared_with_the_reference_city_the_user_chooses(view, qtbot, engine):
    with qtbot.waitSignal(view.comparison_changed):
        view.show_year(2025)
    model = view.table_model()

    def cell(code: str, column: int) -> str:
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == code)
        return model.index(row, column).data()

    # default: the first city listed is the reference; Cimahi's INF figure carries its difference to Bandung
    bandung, cimahi = engine[(BANDUNG, 2025)]["INF"], engine[(CIMAHI, 2025)]["INF"]
    assert model.headerData(2, Qt.Orientation.Horizontal) == f"{BANDUNG} (reference)"
    difference = round(round(cimahi, 2) - round(bandung, 2), 2)
    assert cell("INF", 3) == f"{cimahi:.2f}  ({difference:+.2f})".replace("-", "−")
    assert cell("INF", 2) == f"{bandung:.2f}"  # the reference itself: no bracket
    assert view.table_view().isColumnHidden(model.change_column)  # no "last minus first" any more
    assert any("difference to Bandung (demo)" in note for note in view.notes().splitlines())

    with qtbot.waitSignal(view.comparison_changed):
        view.set_reference(CIMAHI)
    assert model.headerData(3, Qt.Orientation.Horizontal) == f"{CIMAHI} (reference)"
    assert cell("INF", 2) == f"{bandung:.2f}  ({-difference:+.2f})".replace("-", "−")
    view._regressions.setChecked(True)  # "Lower only": rows where some city is below the reference
    proxy = view.table_proxy()
    lower = {proxy.index(r, 0).data() for r in range(proxy.rowCount())}
    assert ("INF" in lower) == (bandung < cimahi)


def test_a_refused_export_says_why_in_a_box_and_writes_nothing(view, qtbot, tmp_path, monkeypatch, errors):
    from PySide6.QtWidgets import QMenu

    from smartcity_assess.ui import file_dialogs

    view.show_city(BANDUNG)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "comparison.txt"  # neither CSV nor Excel
    monkeypatch.setattr(file_dialogs, "run_dialog", lambda dialog: [str(target)])
    [menu] = view.findChildren(QMenu)  # the Export button's menu, as the user opens it
    next(a for a in menu.actions() if "CSV" in a.text()).trigger()
    assert len(errors) == 1 and "comparison.txt" in errors[0]
    assert list(folder.iterdir()) == []
