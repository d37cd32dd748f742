"""The desktop app: start-up (`run`) and the main window (assessment list, the walk, menus)."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QWidget,
)
from sqlalchemy.engine import make_url

from .. import __version__
from ..core.errors import UserError
from ..core.text import localize
from ..paths import resource_path
from ..persistence.db import database_url
from ..persistence.store import Store, default_actor
from ..services.assessments import new_assessment, score_many
from ..services.frameworks import import_framework_file, open_store
from . import exports
from .database_errors import DATABASE_ERRORS, database_sentence, install_database_error_hook
from .db_lock import lock_database
from .dialogs import messages
from .dialogs.new_assessment import NewAssessmentChoice, NewAssessmentDialog
from .dialogs.properties import PropertiesDialog
from .i18n import LANGUAGES, TRANSLATIONS, normalize_language
from .models.assessments import AssessmentRow
from .settings import APPLICATION, ORGANIZATION, AppSettings
from .views.assessment_list import AssessmentListPage
from .worker import Worker


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, settings: AppSettings | None = None, lock=None, parent=None):
        super().__init__(parent)
        self.store = store
        self.settings = settings or AppSettings()
        self._lock = lock
        self.lang = self.settings.language
        if TRANSLATIONS.language != self.lang:  # the interface speaks the language of the framework texts
            TRANSLATIONS.install(self.lang)
        self.session = None
        self.walk = None
        self._compare = None
        self.jobs: list[Worker] = []  # background jobs, kept alive until they finish
        self.undo_group = QUndoGroup(self)

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.list_page = self._build_list_page()

        self._build_actions()
        self._build_menus()
        self.refresh_list()
        self._update_title()
        geometry = self.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def _build_list_page(self) -> AssessmentListPage:
        page = AssessmentListPage(self)
        self.pages.insertWidget(0, page)
        page.new_button.clicked.connect(self.new_assessment)
        page.open_button.clicked.connect(self.open_selected)
        page.delete_button.clicked.connect(self.delete_selected)
        page.table.activated.connect(lambda _index: self.open_selected())
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
        self.docx_action = self._action(self.tr("Export &Word Report (DOCX)…"), self.export_docx, ["Ctrl+Shift+W"])
        self.sheet_action = self._action(self.tr("Export Field &Sheet (XLSX)…"), self.export_field_sheet)
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
        self.finalize_action = self._action(self.tr("&Finalize…"), self.finalize, ["Ctrl+Shift+F"])
        self.reopen_action = self._action(self.tr("&Reopen…"), self.reopen, ["Ctrl+Shift+R"])
        self.delete_action = self._action(self.tr("&Delete Draft…"), self.delete_selected)
        self.properties_action = self._action(self.tr("&Team and Properties…"), self.show_properties, ["Ctrl+Shift+I"])

        self.compare_action = self._action(self.tr("&Compare…"), self.show_compare, ["Ctrl+Shift+K", "Ctrl+K"])
        self.demo_action = self._action(self.tr("Load &Sample Data"), self.load_sample_data)
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
            None,
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
        help_menu.addAction(self.demo_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _update_actions(self) -> None:
        walking = self._walking()
        final = self.session is not None and self.session.is_final
        for action in (self.next_action, self.prev_action, self.next_open_action):
            action.setEnabled(walking)
        self.finalize_action.setEnabled(walking and not final)
        self.reopen_action.setEnabled(walking and final)
        target = self.current_assessment_id()
        self.export_action.setEnabled(target is not None)
        for action in (self.pdf_action, self.docx_action, self.sheet_action, self.properties_action):
            action.setEnabled(target is not None)
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
        return self.settings.assessor or default_actor()

    def show_error(self, sentence: str) -> None:
        messages.show_error(self, sentence)

    def current_assessment_id(self) -> uuid.UUID | None:
        """The assessment being walked, else the one selected in the list."""
        if self._walking():
            return self.session.assessment_id
        return self.list_page.selected_id()

    # ---- the list ------------------------------------------------------------------------------------

    def refresh_list(self) -> None:
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
        frameworks = self.store.list_frameworks()
        dialog = NewAssessmentDialog(
            self.store.list_cities(), frameworks, assessor=self.settings.assessor, lang=self.lang, parent=self
        )
        if dialog.exec() == NewAssessmentDialog.DialogCode.Accepted:
            self.create_assessment(dialog.choice())

    def create_assessment(self, choice: NewAssessmentChoice) -> uuid.UUID | None:
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
            self.show_error(str(exc))
            return None
        self.refresh_list()
        self.open_assessment(assessment_id)
        return assessment_id

    def open_selected(self) -> None:
        selected = self.list_page.selected_id()
        if selected is not None:
            self.open_assessment(selected)

    def open_assessment(self, assessment_id: uuid.UUID) -> None:
        from .walk.session import AssessmentSession  # the walk (and pyqtgraph) load when first needed

        try:
            session = AssessmentSession(self.store, assessment_id, actor=self.actor, parent=self)
        except UserError as exc:
            self.show_error(str(exc))
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
        walk.current_changed.connect(lambda code: setattr(self.settings, "last_indicator", code))
        splitter_state = self.settings.splitter_state
        if splitter_state is not None:
            walk.splitter.restoreState(splitter_state)
        self.pages.addWidget(walk)
        return walk

    def _close_walk(self) -> None:
        if self.walk is None:
            return
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
        if not messages.confirm(self, self.tr("Delete draft"), question):
            return
        try:
            self.store.delete_assessment(selected, actor=self.actor)
        except UserError as exc:
            self.show_error(str(exc))
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
        if not messages.confirm(self, self.tr("Finalize assessment"), text):
            return
        try:
            self.session.finalize()
        except UserError as exc:
            self.show_error(str(exc))

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
        reason = messages.ask_text(
            self, self.tr("Reopen assessment"), self.tr("Why is it reopened? (kept in the audit trail)"), required=True
        )
        if reason is None or not reason.strip():
            return
        try:
            self.session.reopen(reason.strip())
        except UserError as exc:
            self.show_error(str(exc))

    def _status_changed(self) -> None:
        self._update_actions()

    # ---- files -----------------------------------------------------------------------------------

    def open_database(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open database"),
                str(Path(self.store.location).parent),
                self.tr("Smart City Assess databases (*.db *.sqlite);;All files (*)"),
            )
            if not path:
                return False
        lock = None
        try:
            lock = lock_database(path) if Path(path).resolve() != Path(self.store.location).resolve() else self._lock
            store = open_store(path)
        except (UserError, *DATABASE_ERRORS) as exc:
            self.show_error(str(exc) if isinstance(exc, UserError) else database_sentence(exc, path))
            if lock is not None and lock is not self._lock:
                lock.unlock()
            return False
        self._close_walk()
        if store is not self.store:
            self.store.close()
        if lock is not self._lock and self._lock is not None:
            self._lock.unlock()
        self.store, self._lock = store, lock
        self._update_title()
        self.show_list()  # which refreshes the list
        return True

    def import_framework(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import framework"), "", self.tr("Framework files (*.yaml *.yml *.json);;All files (*)")
            )
            if not path:
                return False
        try:
            info = import_framework_file(self.store, path, actor=self.actor)
        except UserError as exc:
            self.show_error(str(exc))
            return False
        self.statusBar().showMessage(
            self.tr("Imported framework {code} {version}.").format(code=info.code, version=info.version), 5000
        )
        return True

    def export_responses(self, path: str | None = None) -> Path | None:
        return exports.export_responses(self, path)

    def export_pdf(self, path: str | None = None) -> Worker | None:
        """Write the PDF report in the background, with progress; offers to open it when done."""
        return exports.export_pdf(self, path)

    def export_docx(self, path: str | None = None) -> Worker | None:
        return exports.export_docx(self, path)

    def export_field_sheet(self, path: str | None = None) -> Path | None:
        return exports.export_field_sheet(self, path)

    def show_properties(self) -> PropertiesDialog | None:
        """The team and signing place of the open (or selected) assessment; saved as they are changed."""
        assessment_id = self.current_assessment_id()
        if assessment_id is None:
            return None
        dialog = PropertiesDialog(
            self.store, assessment_id, actor=self.actor, report_error=self.show_error, parent=self
        )
        dialog.open()
        return dialog

    # ---- views and help ------------------------------------------------------------------------------

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

        try:
            load_demo(self.store)
        except DATABASE_ERRORS as exc:
            self.show_error(database_sentence(exc, self.store.location))
            return
        except UserError as exc:
            self.show_error(str(exc))
            return
        self.show_list()  # which refreshes the list
        self.statusBar().showMessage(
            self.tr("Sample data loaded: cities marked “(demo)”, ready to compare (Ctrl+Shift+K)."), 8000
        )

    def show_about(self) -> None:
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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.walk is not None:
            self.walk.panel.save_pending()  # the note and value being typed are saved before the window goes
            self.settings.splitter_state = self.walk.splitter.saveState()
        self.settings.geometry = self.saveGeometry()
        if self._compare is not None:
            self._compare.close()
        self.settings.sync()
        super().closeEvent(event)

    def release(self) -> None:
        """Let go of the database (tests and run() call this once the window is gone)."""
        self._close_walk()
        self.store.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


COMPARE_SIZE = QSize(1400, 880)  # radar, trend with its legend and the table side by side, none cramped


def compare_window_size(available: QSize) -> QSize:
    """The Compare window's first size: roomy, but never larger than the screen's free area."""
    return COMPARE_SIZE.boundedTo(available)


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Smart City Assess"))
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    return app


def start(db: str | None, settings: AppSettings | None = None) -> tuple[QApplication, MainWindow] | None:
    """Everything `run` does before the event loop: the window is shown (None when the database is refused)."""
    app = create_application()
    settings = settings or AppSettings()
    lock = store = None
    try:
        lock = lock_database(db)
        store = open_store(db)
        TRANSLATIONS.install(settings.language)  # before any window: every text is read once, when built
        window = MainWindow(store, settings=settings, lock=lock)  # reads every assessment: damage shows here
    except (UserError, *DATABASE_ERRORS) as exc:
        sentence = str(exc) if isinstance(exc, UserError) else database_sentence(exc, _database_name(db))
        messages.show_error(None, sentence)
        if store is not None:
            store.close()
        if lock is not None:
            lock.unlock()
        return None
    window.show()
    last = settings.last_assessment
    if last and _exists(store, last):
        last_indicator = settings.last_indicator  # read before opening moves to the first indicator
        window.open_assessment(uuid.UUID(last))
        if window.walk is not None and window.walk.session.framework.indicator(last_indicator) is not None:
            window.walk.go_to_code(last_indicator)
    return app, window


def run(db: str | None) -> int:
    """Open the app on a database (None: $SMARTCITY_ASSESS_DB or the user data folder); the exit status."""
    started = start(db)
    if started is None:
        return 2
    app, window = started
    remove_hook = install_database_error_hook(window.show_error, lambda: window.store.location)
    try:
        status = app.exec()
    finally:
        remove_hook()
    window.release()
    return status


def _database_name(db: str | None) -> str:
    url = make_url(database_url(db))
    return url.database or str(url)


def _exists(store: Store, assessment_id: str) -> bool:
    try:
        store.assessment(uuid.UUID(assessment_id))
    except (UserError, ValueError):
        return False
    return True
