"""The desktop app: start-up (`run`) and the main window (assessment list, the walk, menus)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenuBar,
    QStackedWidget,
    QWidget,
)

# Only Qt and the app's light modules at import: the window paints before SQLAlchemy, the store,
# pandas or pyqtgraph are loaded (benchmarks/bench_startup.py). The rest is imported where it is used,
# mostly by ui.loading on a worker thread while the window is already on screen.
from ..core.errors import UserError
from ..core.text import localize
from ..paths import resource_path
from .i18n import LANGUAGES, TRANSLATIONS, normalize_language, sentence
from .settings import APPLICATION, ORGANIZATION, AppSettings, use_for_dialogs
from .worker import Worker

if TYPE_CHECKING:
    import uuid

    from ..services.records import Store
    from .dialogs.new_assessment import NewAssessmentChoice
    from .dialogs.properties import PropertiesDialog
    from .models.assessments import AssessmentRow
    from .views.assessment_list import AssessmentListPage


OUTSIDE_CHANGES_POLL_MS = 1000


class MainWindow(QMainWindow):
    """The main window. Built without a store it paints at once, the list saying "Loading…"; `attach_store`
    (or `load`, which opens the database on a worker thread) fills it."""

    first_painted = Signal()  # the window is on screen (start-up waits for it before reading anything)
    list_filled = Signal()  # the list shows the database's assessments (maybe before the store is open)
    store_ready = Signal()  # a database is open and the list shows its assessments
    warmed_up = Signal()  # the walk, the charts and the comparison are imported (ui.loading.warm_up)
    outside_changes_shown = Signal(int)  # indicators of the open walk that another writer changed

    def __init__(self, store: Store | None = None, *, settings: AppSettings | None = None, lock=None, parent=None):
        super().__init__(parent)
        self.store: Store | None = None
        self._pending_open: uuid.UUID | None = None  # chosen before the store was open
        self._painted = False
        self.settings = settings or AppSettings()
        use_for_dialogs(self.settings)  # file dialogs start in the folder last used, kept in these settings
        self._lock = None
        self.lang = self.settings.language
        if TRANSLATIONS.language != self.lang:  # the interface speaks the language of the framework texts
            TRANSLATIONS.install(self.lang)
        self.session = None
        self.walk = None
        self._compare = None
        self._conflicts = None
        self._agreement = None
        self.last_import = None  # what the last package import did (tests and the status bar read it)
        self.jobs: list[Worker] = []  # background jobs, kept alive until they finish
        self.undo_group = QUndoGroup(self)

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        # Until a store is attached the window shows a "Loading…" line, not the list: the table and its
        # models are built right after the first paint (their Qt classes cost a first paint ~15 ms).
        self.list_page: AssessmentListPage | None = None
        self._loading = QLabel(self.tr("Loading the assessments…"), self.pages)
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self._loading)

        self._build_actions()
        self._build_menus()
        self._update_title()
        self._restore_geometry()
        if store is not None:
            self.attach_store(store, lock)
        else:
            self._update_actions()

    def _ensure_list_page(self) -> AssessmentListPage:
        if self.list_page is None:
            self.list_page = self._build_list_page()
            self.pages.setCurrentWidget(self.list_page)
            self.pages.removeWidget(self._loading)
            self._loading.deleteLater()
        return self.list_page

    def attach_store(self, store: Store, lock=None, rows: list[AssessmentRow] | None = None) -> None:
        """Work on this store from now on (its lock held); `rows`: the list, when already read."""
        self.store, self._lock = store, lock
        self._ensure_list_page()
        self._update_title()
        self.refresh_list(rows)
        self._watch_outside_changes()
        self.store_ready.emit()
        pending, self._pending_open = self._pending_open, None
        if pending is not None:
            self.open_assessment(pending)

    # ---- other writers -------------------------------------------------------------------------------

    def _watch_outside_changes(self) -> None:
        """Other writers (the command line, another window, a merged package) commit to the same database:
        a cheap look every second, and what they changed shows without touching what is being typed."""
        self._change_token = self._read_change_token()
        if getattr(self, "_outside_changes", None) is None:
            self._outside_changes = QTimer(self)
            self._outside_changes.setInterval(OUTSIDE_CHANGES_POLL_MS)
            self._outside_changes.timeout.connect(self.check_outside_changes)
            self._outside_changes.start()

    def _read_change_token(self):
        try:
            return self.store.change_token()
        except UserError:
            return None  # the database went away: the next action says so in a sentence

    def check_outside_changes(self) -> bool:
        """Show what other writers committed since the last look; True when something was taken in."""
        from .database_errors import DATABASE_ERRORS, database_sentence

        if self.store is None:
            return False
        token = self._read_change_token()
        if token is None or token == self._change_token:
            return False
        self._change_token = token
        try:
            if self.session is not None:
                changed = self.session.refresh()
                if changed:
                    self.statusBar().showMessage(
                        self.tr("%n indicator(s) changed elsewhere: shown as now stored.", "", len(changed)), 8000
                    )
                self.outside_changes_shown.emit(len(changed))
            elif self.list_page is not None and self.pages.currentWidget() is self.list_page:
                self.refresh_list()
                self.outside_changes_shown.emit(0)
        except (UserError, *DATABASE_ERRORS) as exc:
            where = self.store.location
            self.show_error(sentence(exc) if isinstance(exc, UserError) else database_sentence(exc, where))
        return True

    def load(self, db: str | None) -> bool:
        """Once the window is painted: take the database's lock, show the list read quickly, then open the store
        on a worker thread (the window stays responsive). False (the sentence shown) when the database is refused.
        """
        from .db_lock import lock_database
        from .loading import open_database, quick_rows

        self._wait_until_painted()
        try:
            lock = lock_database(db)
        except UserError as exc:
            self.show_error(sentence(exc))
            return False
        rows = quick_rows(db)
        if rows is not None:
            self._ensure_list_page().set_rows(rows)
            self.list_filled.emit()
        outcome: dict = {}
        worker = Worker(open_database, db, rows is None)
        worker.signals.result.connect(lambda loaded: outcome.setdefault("loaded", loaded))
        worker.signals.error.connect(lambda sentence: outcome.setdefault("error", sentence))
        loop = QEventLoop()
        worker.signals.finished.connect(loop.quit)
        worker.start()
        if not outcome:  # the job may be done before the loop starts
            loop.exec()
        if "error" in outcome:
            if lock is not None:
                lock.unlock()
            self.show_error(outcome["error"])
            return False
        loaded = outcome["loaded"]
        self.attach_store(loaded.store, lock, loaded.rows if loaded.rows is not None else rows)
        if rows is None:
            self.list_filled.emit()
        return True

    def paintEvent(self, event) -> None:
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # once this turn of the event loop has shown it
        super().paintEvent(event)

    def _wait_until_painted(self, limit_ms: int = 300) -> None:
        """Let the first paint reach the screen before the work that would hold it up (hidden: no wait)."""
        if self._painted or not self.isVisible():
            return
        loop = QEventLoop()
        self.first_painted.connect(loop.quit)
        QTimer.singleShot(limit_ms, loop.quit)
        loop.exec()
        self.first_painted.disconnect(loop.quit)

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry
        if geometry is not None and self.restoreGeometry(geometry):
            self._first_start = False
            return
        self._first_start = True
        self.resize(first_window_size(self.screen().availableGeometry().size()))

    def show_window(self) -> None:
        """Show the window; on the first start, maximised on a screen smaller than the window's roomy size."""
        available = self.screen().availableGeometry().size()
        if self._first_start and DEFAULT_SIZE.boundedTo(available) != DEFAULT_SIZE:
            self.showMaximized()
        else:
            self.show()

    def _build_list_page(self) -> AssessmentListPage:
        from .views.assessment_list import AssessmentListPage

        page = AssessmentListPage(self)
        self.pages.insertWidget(0, page)
        page.new_button.clicked.connect(self.new_assessment)
        page.open_button.clicked.connect(self.open_selected)
        page.delete_button.clicked.connect(self.delete_selected)
        page.table.activated.connect(lambda _index: self.open_selected())
        page.filter_edit.returnPressed.connect(self.open_selected)  # the selected row, or the only one found
        page.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        return page

    # ---- actions and menus -----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcuts=()) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        self.addAction(action)  # shortcuts work whichever page is shown
        return action

    def _build_actions(self) -> None:
        Key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New Assessment…"), self.new_assessment, [Key.New])
        self.open_db_action = self._action(self.tr("&Open Database…"), self.open_database, [Key.Open])
        self.list_action = self._action(self.tr("Assessment &List"), self.show_list, ["Ctrl+L"])
        self.import_action = self._action(self.tr("&Import Framework…"), self.import_framework, ["Ctrl+I"])
        self.export_action = self._action(
            self.tr("&Export Responses (CSV/XLSX)…"), self.export_responses, ["Ctrl+Shift+E"]
        )
        self.pdf_action = self._action(self.tr("Export &PDF Report…"), self.export_pdf, [Key.Print])
        self.import_package_action = self._action(self.tr("Import Pac&kage…"), self.import_package)
        self.export_package_action = self._action(self.tr("E&xport Package…"), self.export_package)
        self.conflicts_action = self._action(self.tr("&Conflicts…"), self.show_conflicts)
        self.docx_action = self._action(self.tr("Export &Word Report (DOCX)…"), self.export_docx, ["Ctrl+Shift+W"])
        self.sheet_action = self._action(self.tr("Export Field &Sheet (XLSX)…"), self.export_field_sheet)
        self.agreement_action = self._action(self.tr("A&greement…"), self.show_agreement)
        self.submit_action = self._action(self.tr("Su&bmit for Review"), self._review_call("submit"))
        self.approve_action = self._action(self.tr("&Approve…"), self._review_call("approve"))
        self.return_action = self._action(self.tr("Re&turn to Assessors…"), self._review_call("return_to_draft"))
        self.connect_action = self._action(self.tr("Connect to Ser&ver…"), self.connect_to_server)
        self.sync_action = self._action(self.tr("S&ync with Server…"), self.sync_with_server)
        self.quit_action = self._action(self.tr("&Quit"), self.close, [Key.Quit])
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.keyBindings(Key.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        self.next_action = self._action(self.tr("&Next Indicator"), self._walk_call("go_next"), ["PgDown", "Alt+Right"])
        self.prev_action = self._action(
            self.tr("&Previous Indicator"), self._walk_call("go_previous"), ["PgUp", "Alt+Left"]
        )
        self.next_open_action = self._action(
            self.tr("Next &Unanswered"), self._walk_call("go_next_unanswered"), ["F3", "Ctrl+U"]
        )
        self.find_action = self._action(self.tr("&Search Indicators…"), self._walk_call("focus_search"), [Key.Find])
        self.finalize_action = self._action(self.tr("&Finalize…"), self.finalize, ["Ctrl+Shift+F"])
        self.reopen_action = self._action(self.tr("&Reopen…"), self.reopen, ["Ctrl+Shift+R"])
        self.delete_action = self._action(self.tr("&Delete Draft…"), self.delete_selected)
        self.properties_action = self._action(self.tr("Tea&m and Properties…"), self.show_properties, ["Ctrl+Shift+I"])

        self.compare_action = self._action(self.tr("&Compare…"), self.show_compare, ["Ctrl+Shift+K", "Ctrl+K"])
        self.demo_action = self._action(self.tr("Load &Sample Data"), self.load_sample_data)
        self.remove_demo_action = self._action(self.tr("&Remove Sample Data…"), self.remove_sample_data)
        self.keys_action = self._action(self.tr("&Keyboard Shortcuts"), self.show_keys, [Key.HelpContents])
        self.log_folder_action = self._action(self.tr("Open &Log Folder"), self.open_log_folder)
        self.about_action = self._action(self.tr("&About Smart City Assess"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        # each language named in itself, so anyone can find their own whatever the app shows now
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_actions[code] = action

    def _walking(self) -> bool:
        """Whether the walk of an assessment is what the window shows."""
        return self.walk is not None and self.pages.currentWidget() is self.walk

    def _walk_call(self, name: str):
        def call() -> None:
            if self._walking():
                getattr(self.walk, name)()

        return call

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (
            self.new_action,
            self.open_db_action,
            self.list_action,
            None,
            self.import_action,
            self.export_action,
            self.pdf_action,
            self.docx_action,
            self.sheet_action,
            None,
            self.import_package_action,
            self.export_package_action,
            None,
            self.connect_action,
            self.sync_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        walk_menu = bar.addMenu(self.tr("&Assessment"))
        for action in (
            self.next_action,
            self.prev_action,
            self.next_open_action,
            self.find_action,
            self.conflicts_action,
            self.agreement_action,
            None,
            self.submit_action,
            self.approve_action,
            self.return_action,
            self.finalize_action,
            self.reopen_action,
            self.delete_action,
            None,
            self.properties_action,
        ):
            walk_menu.addSeparator() if action is None else walk_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.list_action)
        view_menu.addAction(self.compare_action)
        language_menu = bar.addMenu(self.tr("La&nguage"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.keys_action)
        help_menu.addSeparator()
        help_menu.addAction(self.demo_action)
        help_menu.addAction(self.remove_demo_action)
        help_menu.addAction(self.log_folder_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _update_actions(self) -> None:
        ready = self.store is not None
        for action in (
            self.new_action,
            self.open_db_action,
            self.import_action,
            self.compare_action,
            self.demo_action,
            self.remove_demo_action,
            self.sync_action,
        ):
            action.setEnabled(ready)
        if self.list_page is None:  # still loading: nothing to open, export or delete yet
            for action in (self.export_action, self.pdf_action, self.delete_action, self.finalize_action):
                action.setEnabled(False)
            for action in (self.next_action, self.prev_action, self.next_open_action, self.find_action):
                action.setEnabled(False)
            self.reopen_action.setEnabled(False)
            for action in (self.submit_action, self.approve_action, self.return_action, self.agreement_action):
                action.setEnabled(False)
            return
        self.list_page.new_button.setEnabled(ready)
        walking = self._walking()
        final = self.session is not None and self.session.is_final
        for action in (self.next_action, self.prev_action, self.next_open_action, self.find_action):
            action.setEnabled(walking)
        self.finalize_action.setEnabled(walking and not final and not self.session.is_in_review)
        self.conflicts_action.setEnabled(walking and bool(self.session.conflicts))
        self.reopen_action.setEnabled(walking and final)
        target = self.current_assessment_id()
        self.export_action.setEnabled(target is not None)
        for action in (self.pdf_action, self.docx_action, self.sheet_action, self.properties_action):
            action.setEnabled(target is not None)
        self.export_package_action.setEnabled(target is not None)
        self.agreement_action.setEnabled(target is not None and self.store is not None)
        from .review_state import allowed, target_status

        allows = allowed(target_status(self)[1] if self.store is not None else None)
        self.submit_action.setEnabled(allows["submit"])
        self.approve_action.setEnabled(allows["approve"])
        self.return_action.setEnabled(allows["return"])
        if self.walk is not None:
            self.walk.show_review_actions(allows)
        selected = self.list_page.selected_id()
        self.list_page.open_button.setEnabled(selected is not None)
        deletable = False
        if selected is not None:
            row = self.list_page.model.row_at(self.list_page.model.row_of(selected))
            deletable = not row.is_final
        self.list_page.delete_button.setEnabled(deletable and not walking)
        self.delete_action.setEnabled(deletable and not walking)

    def _update_title(self) -> None:
        title = self.tr("Smart City Assess")
        if self.session is not None:
            title = f"{self.session.info.city} {self.session.info.year} — {title}"
        self.setWindowTitle(title)

    # ---- helpers -------------------------------------------------------------------------------------

    @property
    def actor(self) -> str:
        from ..services.records import default_actor

        return self.settings.assessor or default_actor()

    def show_error(self, sentence: str) -> None:
        _messages().show_error(self, sentence)

    def current_assessment_id(self) -> uuid.UUID | None:
        """The assessment being walked, else the one selected in the list."""
        if self._walking():
            return self.session.assessment_id
        return self.list_page.selected_id() if self.list_page is not None else None

    # ---- the list ------------------------------------------------------------------------------------

    def refresh_list(self, rows: list[AssessmentRow] | None = None) -> None:
        if self.store is None:
            return
        if rows is None:
            from ..services.assessments import score_many
            from .models.assessments import AssessmentRow

            rows = [AssessmentRow.from_scored(s) for s in score_many(self.store)]
        self.list_page.set_rows(rows)
        self._update_actions()

    def show_list(self) -> None:
        if self.walk is not None:
            self.walk.panel.save_pending()
        self.pages.setCurrentWidget(self.list_page)
        self.refresh_list()
        if self.session is not None:
            self.list_page.select(self.session.assessment_id)
        self.list_page.table.setFocus()
        self._update_actions()

    def new_assessment(self) -> None:
        from .dialogs.new_assessment import NewAssessmentDialog

        if self.store is None:
            return
        frameworks = self.store.list_frameworks()
        dialog = NewAssessmentDialog(
            self.store.list_cities(), frameworks, assessor=self.settings.assessor, lang=self.lang, parent=self
        )
        if dialog.exec() == NewAssessmentDialog.DialogCode.Accepted:
            self.create_assessment(dialog.choice())

    def create_assessment(self, choice: NewAssessmentChoice) -> uuid.UUID | None:
        from ..services.assessments import new_assessment

        if choice.assessor:
            self.settings.assessor = choice.assessor
        try:
            assessment_id = new_assessment(
                self.store,
                choice.city,
                choice.year,
                framework_code=choice.framework.code,
                framework_version=choice.framework.version,
                assessor=choice.assessor,
                actor=self.actor,
            )
        except UserError as exc:
            self.show_error(sentence(exc))
            return None
        self.refresh_list()
        self.open_assessment(assessment_id)
        return assessment_id

    def open_selected(self) -> None:
        selected = self.list_page.selected_id()
        if selected is None:
            return
        if self.store is None:  # listed, the store still opening: open it the moment it is ready
            self._pending_open = selected
            return
        self.open_assessment(selected)

    def open_assessment(self, assessment_id: uuid.UUID) -> None:
        from .database_errors import DATABASE_ERRORS, database_sentence
        from .walk.session import AssessmentSession  # the walk (and pyqtgraph) load when first needed

        try:
            session = AssessmentSession(self.store, assessment_id, actor=self.actor, parent=self)
        except UserError as exc:
            self.show_error(sentence(exc))
            return
        except DATABASE_ERRORS as exc:  # e.g. a damaged page met while reading the responses
            self.show_error(database_sentence(exc, self.store.location))
            return
        self._close_walk()
        self.session = session
        session.error.connect(self.show_error)
        session.status_changed.connect(self._status_changed)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.walk = self._build_walk(session)
        self.pages.setCurrentWidget(self.walk)
        self.walk.panel.setFocus()
        self.settings.last_assessment = str(assessment_id)
        self._update_title()
        self._update_actions()

    def _build_walk(self, session):
        from .walk.walk_view import WalkView

        walk = WalkView(
            session,
            lang=self.lang,
            evidence_limit_bytes=self.settings.evidence_limit_bytes,
            report_error=self.show_error,
            parent=self,
        )
        walk.finalize_button.clicked.connect(lambda: self.reopen() if session.is_final else self.finalize())
        walk.conflicts_button.clicked.connect(self.show_conflicts)
        walk.submit_button.clicked.connect(self.submit_action.trigger)
        walk.approve_button.clicked.connect(self.approve_action.trigger)
        walk.return_button.clicked.connect(self.return_action.trigger)
        session.conflicts_changed.connect(self._update_actions)
        walk.current_changed.connect(lambda code: setattr(self.settings, "last_indicator", code))
        splitter_state = self.settings.splitter_state
        if splitter_state is not None:
            walk.splitter.restoreState(splitter_state)
        self.pages.addWidget(walk)
        return walk

    def _close_walk(self) -> None:
        if self.walk is None:
            return
        for view in (self._conflicts, self._agreement):
            if view is not None:
                view.close()
        self.walk.panel.save_pending()
        self.settings.splitter_state = self.walk.splitter.saveState()
        self.undo_group.removeStack(self.session.undo_stack)
        self.pages.removeWidget(self.walk)
        self.walk.deleteLater()
        self.session.deleteLater()
        self.walk = self.session = None

    def delete_selected(self) -> None:
        selected = self.list_page.selected_id()
        if selected is None or self.pages.currentWidget() is not self.list_page:
            return
        info = self.store.assessment(selected)
        if info.is_final:
            self.show_error(self.tr("A final assessment cannot be deleted; reopen it first."))
            return
        question = self.tr(
            "Delete the draft assessment of {city} {year} with all its scores, notes and files? This cannot be undone."
        ).format(city=info.city, year=info.year)
        if not _messages().confirm(self, self.tr("Delete draft"), question):
            return
        from ..services import assessments

        try:
            assessments.delete(self.store, selected, actor=self.actor)
        except UserError as exc:
            self.show_error(sentence(exc))
        if self.session is not None and self.session.assessment_id == selected:
            self._close_walk()
        self.refresh_list()

    # ---- finalize and reopen -----------------------------------------------------------------------

    def finalize(self) -> None:
        if self.session is None or self.session.is_final:
            return
        self.walk.panel.save_pending()
        text = self.tr("Finalize {city} {year}? It becomes read-only everywhere until someone reopens it.").format(
            city=self.session.info.city, year=self.session.info.year
        )
        unanswered = [i.code for i in self.session.framework.indicators if not self.session.is_answered(i.code)]
        if unanswered:
            text += " " + self._unanswered_sentence(unanswered)
        if not _messages().confirm(self, self.tr("Finalize assessment"), text):
            return
        try:
            self.session.finalize()
        except UserError as exc:
            self.show_error(sentence(exc))

    def _unanswered_sentence(self, codes: list[str], shown: int = 5) -> str:
        """ "3 indicators are still unanswered: G1, G4, W2." — the first few codes, so they can be found."""
        listed = ", ".join(codes[:shown]) + ("…" if len(codes) > shown else "")
        # English has two forms and no translation file of its own, so the form is chosen here; %n lets
        # each translation apply its own plural rules
        if len(codes) == 1:
            sentence = self.tr("%n indicator is still unanswered: {codes}.", "", len(codes))
        else:
            sentence = self.tr("%n indicators are still unanswered: {codes}.", "", len(codes))
        return sentence.format(codes=listed)

    def reopen(self) -> None:
        if self.session is None or not self.session.is_final:
            return
        reason = _messages().ask_text(
            self, self.tr("Reopen assessment"), self.tr("Why is it reopened? (kept in the audit trail)"), required=True
        )
        if reason is None or not reason.strip():
            return
        try:
            self.session.reopen(reason.strip())
        except UserError as exc:
            self.show_error(sentence(exc))

    def _status_changed(self) -> None:
        self._update_actions()

    # ---- files -----------------------------------------------------------------------------------

    def open_database(self, path: str | None = None) -> bool:
        from ..services.frameworks import open_store
        from .database_errors import DATABASE_ERRORS, database_sentence
        from .db_lock import lock_database

        if path is None:
            path = _file_dialogs().open_file(
                self,
                self.tr("Open database"),
                self.tr("Smart City Assess databases (*.db *.sqlite);;All files (*)"),
            )
            if not path:
                return False
        lock = None
        try:
            lock = lock_database(path) if Path(path).resolve() != Path(self.store.location).resolve() else self._lock
            store = open_store(path)
        except (UserError, *DATABASE_ERRORS) as exc:
            self.show_error(sentence(exc) if isinstance(exc, UserError) else database_sentence(exc, path))
            if lock is not None and lock is not self._lock:
                lock.unlock()
            return False
        self.switch_store(store, lock)
        return True

    def switch_store(self, store: Store, lock=None) -> None:
        """Show another database (a file opened, a server connected to) in place of the one shown."""
        self._close_walk()
        if store is not self.store and self.store is not None:
            self.store.close()
        if lock is not self._lock and self._lock is not None:
            self._lock.unlock()
        self.store, self._lock = store, lock
        self._change_token = self._read_change_token()
        self._update_title()
        self.show_list()  # which refreshes the list

    def import_framework(self, path: str | None = None) -> bool:
        from ..services.frameworks import import_framework_file

        if path is None:
            path = _file_dialogs().open_file(
                self, self.tr("Import framework"), self.tr("Framework files (*.yaml *.yml *.json);;All files (*)")
            )
            if not path:
                return False
        try:
            info = import_framework_file(self.store, path, actor=self.actor)
        except UserError as exc:
            self.show_error(sentence(exc))
            return False
        self.statusBar().showMessage(
            self.tr("Imported framework {code} {version}.").format(code=info.code, version=info.version), 5000
        )
        return True

    def export_responses(self, path: str | None = None) -> Path | None:
        from . import exports

        return exports.export_responses(self, path)

    def export_pdf(self, path: str | None = None) -> Worker | None:
        """Write the PDF report in the background, with progress; offers to open it when done."""
        from . import exports

        return exports.export_pdf(self, path)

    def export_docx(self, path: str | None = None) -> Worker | None:
        from . import exports

        return exports.export_docx(self, path)

    def export_field_sheet(self, path: str | None = None) -> Path | None:
        from . import exports

        return exports.export_field_sheet(self, path)

    def show_properties(self) -> PropertiesDialog | None:
        """The team and signing place of the open (or selected) assessment; saved as they are changed."""
        from .dialogs.properties import PropertiesDialog

        assessment_id = self.current_assessment_id()
        if assessment_id is None:
            return None
        dialog = PropertiesDialog(
            self.store, assessment_id, actor=self.actor, report_error=self.show_error, parent=self
        )
        dialog.open()
        return dialog

    def import_package(self, path: str | None = None, prefer: str | None = None) -> Worker | None:
        from . import packages

        return packages.import_package(self, path, prefer)

    def export_package(self, path: str | None = None, pillars: list[str] | None = None) -> Worker | None:
        from . import packages

        return packages.export_package(self, path, pillars)

    def connect_to_server(self, url: str | None = None, password: str | None = None) -> Worker | None:
        from . import server

        return server.connect_to_server(self, url, password)

    def sync_with_server(self, url: str | None = None, password: str | None = None) -> QWidget:
        from . import server

        return server.sync_with_server(self, url, password)

    # ---- views and help ------------------------------------------------------------------------------

    def show_conflicts(self) -> QWidget | None:
        """Both sides of every conflict of the open assessment, beside the walk."""
        if self.session is None:
            return None
        from .views.conflicts import ConflictsView

        if self._conflicts is not None:
            self._conflicts.close()
        self._conflicts = ConflictsView(self.session, lang=self.lang)
        self._conflicts.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = self._conflicts
        view.destroyed.connect(lambda *_: self._conflicts is view and setattr(self, "_conflicts", None))
        geometry = self.frameGeometry()
        view.move(geometry.right() - view.width() // 2, geometry.top() + 40)  # beside the walk, not over it
        view.show()
        return view

    def show_agreement(self) -> QWidget | None:
        """The levels each assessor gave, their spread and Krippendorff's alpha, beside the walk."""
        target = self.current_assessment_id()
        if target is None or self.store is None:
            return None
        from .views.agreement import AgreementView

        if self._agreement is not None:
            self._agreement.close()
        self._agreement = view = AgreementView(self.store, target, lang=self.lang)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(lambda *_: self._agreement is view and setattr(self, "_agreement", None))
        geometry = self.frameGeometry()
        view.move(geometry.right() - view.width() // 2, geometry.top() + 40)
        view.show()
        return view

    def _review_call(self, name: str):
        """Submit / Approve… / Return…: ui.review, loaded when first used."""

        def call() -> None:
            from . import review

            getattr(review, name)(self)

        return call

    def show_compare(self) -> QWidget | None:
        try:
            from .views.compare import CompareView
        except ImportError:
            self.show_error(self.tr("The comparison view is not available in this build of the app."))
            return None
        if self._compare is not None:
            self._compare.close()
        self._compare = CompareView(self.store, None, lang=self.lang)
        self._compare.setWindowTitle(self.tr("Compare — Smart City Assess"))
        self._compare.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = self._compare  # only this view's end clears the reference, not a replaced one's
        view.destroyed.connect(lambda *_: self._compare is view and setattr(self, "_compare", None))
        self._compare.resize(compare_window_size(self.screen().availableGeometry().size()))
        self._compare.show()
        return self._compare

    def about_text(self) -> str:
        from .. import __version__

        frameworks = "".join(
            f"<li>{localize(f.title, self.lang)} — {f.code} {f.version}</li>" for f in self.store.list_frameworks()
        )
        return (
            f"<h3>Smart City Assess {__version__}</h3>"
            + self.tr("<p>Offline-first smart-city maturity assessments.</p>")
            + self.tr("<p>Database: {path}</p>").format(path=self.store.location)
            + self.tr("<p>Frameworks:</p>")
            + f"<ul>{frameworks}</ul>"
        )

    def load_sample_data(self) -> None:
        """The labelled demo assessments (Bandung over four years, Cimahi), to explore before real work."""
        from ..services.demo import load_demo
        from .database_errors import DATABASE_ERRORS, database_sentence

        try:
            load_demo(self.store)
        except DATABASE_ERRORS as exc:
            self.show_error(database_sentence(exc, self.store.location))
            return
        except UserError as exc:
            self.show_error(sentence(exc))
            return
        self.show_list()  # which refreshes the list
        self.statusBar().showMessage(
            self.tr("Sample data loaded: cities marked “(demo)”, ready to compare (Ctrl+Shift+K)."), 8000
        )

    def remove_sample_data(self) -> None:
        """Delete exactly the sample assessments (and the sample cities), after asking."""
        from ..services.demo import remove_demo
        from .database_errors import DATABASE_ERRORS, database_sentence

        if self.store is None:
            return
        question = self.tr(
            "Remove the sample data — every assessment marked “(sample)”, with its scores, notes and files? "
            "Your own assessments stay as they are."
        )
        if not _messages().confirm(self, self.tr("Remove sample data"), question):
            return
        if self.session is not None and self.session.info.is_demo:
            self._close_walk()
        try:
            removed = remove_demo(self.store, actor=self.actor)
        except DATABASE_ERRORS as exc:
            self.show_error(database_sentence(exc, self.store.location))
            return
        except UserError as exc:
            self.show_error(sentence(exc))
            return
        self.show_list()
        self.statusBar().showMessage(
            self.tr("%n sample assessment(s) removed.", "", removed)
            if removed
            else self.tr("There is no sample data to remove."),
            8000,
        )

    def show_keys(self) -> None:
        from .dialogs.keys import KeysDialog

        KeysDialog(self).exec()

    def open_log_folder(self) -> Path:
        """Show the folder of the log file (made if need be), for a person asked to send it."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from .. import app_log

        folder = app_log.log_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.show_error(
                self.tr("The log folder {folder} cannot be made ({reason}).").format(
                    folder=folder, reason=exc.strerror or exc
                )
            )
            return folder
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        return folder

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Smart City Assess"), self.about_text())

    # ---- language -----------------------------------------------------------------------------------

    def set_language(self, lang: str) -> bool:
        """Switch the interface, the framework texts and the report's default to `lang` at once (and remember it).

        The window's widgets are built again in the new language rather than retranslated one by one: every
        text is set in one place (the constructors), and the data is in the database anyway. The open
        assessment stays open, on the same indicator, with its undo history.
        """
        lang = normalize_language(lang)
        before = (self.lang, TRANSLATIONS.language)
        if not TRANSLATIONS.install(lang):
            self.language_actions[self.lang].setChecked(True)
            self.show_error(
                self.tr("The {language} translation is missing from this installation.").format(
                    language=LANGUAGES[lang]
                )
            )
            return False
        self.settings.language = lang
        if before == (lang, lang):
            return True
        self.lang = lang
        self.retranslate()
        return True

    def retranslate(self) -> None:
        """Build the menus, the list and the walk again in the installed language."""
        walking = self._walking()
        for action in self.actions():
            self.removeAction(action)
            action.deleteLater()
        self.language_group.deleteLater()
        self.setMenuBar(QMenuBar(self))  # the old bar and its menus go with it
        self._build_actions()
        self._build_menus()

        old_list = self.list_page
        if old_list is None:  # still loading: the list is built in the new language when it comes
            self._loading.setText(self.tr("Loading the assessments…"))
            self._update_title()
            self._update_actions()
            return
        self.list_page = self._build_list_page()
        self.pages.removeWidget(old_list)
        old_list.deleteLater()
        self.refresh_list()
        if self.session is not None:
            self.list_page.select(self.session.assessment_id)

        if self.walk is not None:
            code = self.walk.current_code
            self.walk.panel.save_pending()
            self.settings.splitter_state = self.walk.splitter.saveState()
            old_walk = self.walk
            self.walk = self._build_walk(self.session)
            self.walk.go_to_code(code)
            self.pages.removeWidget(old_walk)
            old_walk.deleteLater()
        self.pages.setCurrentWidget(self.walk if walking else self.list_page)
        if self._compare is not None:
            self.show_compare()
        self._update_title()
        self._update_actions()

    # ---- closing ------------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        if self.walk is not None:
            self.walk.panel.save_pending()  # the note and value being typed are saved before the window goes
            self.settings.splitter_state = self.walk.splitter.saveState()
        if self.store is not None:  # a window closed while its database was refused leaves no geometry
            self.settings.geometry = self.saveGeometry()
        if self._compare is not None:
            self._compare.close()
        self.settings.sync()
        super().closeEvent(event)

    def release(self) -> None:
        """Let go of the database and of the evidence copies opened for viewing (tests and run() call this
        once the window is gone)."""
        self._close_walk()
        from .walk.evidence_files import EVIDENCE_COPIES

        EVIDENCE_COPIES.remove_all()
        if self.store is not None:
            self.store.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


DEFAULT_SIZE = QSize(1280, 800)  # the main window's first size where the screen has room for it
COMPARE_SIZE = QSize(1400, 880)  # radar, trend with its legend and the table side by side, none cramped


def first_window_size(available: QSize) -> QSize:
    """The main window's first size: roomy, but never larger than the screen's free area."""
    return DEFAULT_SIZE.boundedTo(available)


def compare_window_size(available: QSize) -> QSize:
    """The Compare window's first size: roomy, but never larger than the screen's free area."""
    return COMPARE_SIZE.boundedTo(available)


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Smart City Assess"))
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    return app


def start(db: str | None, settings: AppSettings | None = None) -> tuple[QApplication, MainWindow] | None:
    """Everything `run` does before the event loop (None when the database is refused).

    The order is what the person sees: the window first (menus, the list saying "Loading…"), then the
    database opened and the list filled on a worker thread, then the last assessment reopened; the walk's
    charts and the comparison's tables are imported in the background after that (`loading.warm_up`).
    """
    app = create_application()
    settings = settings or AppSettings()
    TRANSLATIONS.install(settings.language)  # before any window: every text is read once, when built
    window = MainWindow(None, settings=settings)
    window.show_window()
    if not window.load(db):
        window.hide()
        window.deleteLater()
        return None
    last = settings.last_assessment
    if last and _exists(window.store, last):
        last_indicator = settings.last_indicator  # read before opening moves to the first indicator
        window.open_assessment(_uuid(last))
        if window.walk is not None and window.walk.session.framework.indicator(last_indicator) is not None:
            window.walk.go_to_code(last_indicator)
    from .loading import warm_up

    warm_up(window)
    return app, window


def run(db: str | None) -> int:
    """Open the app on a database (None: $SMARTCITY_ASSESS_DB or the user data folder); the exit status."""
    from PySide6.QtCore import qInstallMessageHandler

    from .. import app_log

    app_log.start_logging()  # the bundle has no console: uncaught errors and failed tasks go to the file
    qInstallMessageHandler(_log_qt_message)
    started = start(db)
    if started is None:
        return 2
    app, window = started
    from .database_errors import install_database_error_hook

    remove_hook = install_database_error_hook(window.show_error, lambda: window.store.location)
    try:
        status = app.exec()
    finally:
        remove_hook()
    window.release()
    return status


def _log_qt_message(mode, context, message: str) -> None:
    import logging

    from PySide6.QtCore import QtMsgType

    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO}.get(mode, logging.WARNING)
    logging.getLogger("qt").log(level, "%s", message)


def _exists(store: Store, assessment_id: str) -> bool:
    try:
        store.assessment(_uuid(assessment_id))
    except (UserError, ValueError):
        return False
    return True


def _messages():
    """The message boxes (ui.dialogs.messages), imported when the first one is shown, not before the first paint."""
    from .dialogs import messages

    return messages


def _file_dialogs():
    from . import file_dialogs

    return file_dialogs


def _uuid(text: str) -> uuid.UUID:
    import uuid

    return uuid.UUID(text)
