"""Starting the window: the QApplication with the bundled Tinos font and the translators, the crash
handlers, opening the database (one function, where a login step will go), the first-run wizard and
the main window. Also the headless self-test used by `main.py self-test` and the frozen build."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

import resources
from exports.paths import default_database, logs_dir
from models.db import Database, read_session
from models.errors import DomainError
from models.security import Actor, Role
from models.services import organisation as org
from models.setup import open_app_database
from ui.context import AppContext
from ui.errors import show_crash, show_error, show_previous_crash
from ui.i18n import install_translators, translate
from ui.main_window import MainWindow
from ui.settings import FONT_POINT_SIZE, Settings
from ui.setup_wizard import SetupWizard
from ui.tasks import Cancelled, TaskRunner

log = logging.getLogger(__name__)

FONT_FILES = ("Tinos-Regular.ttf", "Tinos-Bold.ttf", "Tinos-Italic.ttf", "Tinos-BoldItalic.ttf")
FONT_FAMILY = "Tinos"
DEMO_MEMBERS = 1200


def register_fonts() -> str | None:
    """Register the bundled Tinos faces; the family name, or None when none could be loaded."""
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources.font(name)))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else family
    return family


def make_application(lang: str, argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("SoTayDangUy")
    app.setOrganizationName("SoTayDangUy")
    app.setApplicationDisplayName(translate("main_window", "Sổ tay Văn phòng Đảng ủy xã"))
    family = register_fonts()
    if family is not None:
        font = QFont(family)
        font.setPointSize(Settings().get(FONT_POINT_SIZE))
        app.setFont(font)
    install_translators(app, lang)
    return app


# ---------------------------------------------------------------- crash handling


_fault_file: list[IO[str]] = []


def crash_log_path() -> Path:
    return logs_dir() / "app.log"


def fault_file_path() -> Path:
    return logs_dir() / "crash.txt"


def install_crash_handlers() -> None:
    """Bugs go to the log (type and stack frames only: no message text, which might hold a name) and
    to a Vietnamese crash dialog; hard crashes are written by faulthandler and shown at next start."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if isinstance(exc, DomainError):
            show_error(QApplication.activeWindow(), exc)
            return
        frames = "".join(traceback.format_tb(tb))
        log.error("unhandled %s.%s\n%s", kind.__module__, kind.__qualname__, frames)
        show_crash(QApplication.activeWindow(), crash_log_path())

    sys.excepthook = hook
    previous = fault_file_path()
    if previous.is_file() and previous.stat().st_size > 0:
        shown = previous.with_name("crash-previous.txt")
        previous.replace(shown)
        show_previous_crash(None, shown)
    if not _fault_file:
        handle = previous.open("w", encoding="utf-8")
        faulthandler.enable(handle)
        _fault_file.append(handle)


def close_fault_file() -> None:
    """A clean exit leaves an empty crash file (nothing to show at the next start)."""
    while _fault_file:
        handle = _fault_file.pop()
        faulthandler.disable()
        handle.close()
        fault_file_path().write_text("", encoding="utf-8")


# ---------------------------------------------------------------- database


def default_actor() -> Actor:
    """Until the login step exists: the office clerk who is also the administrator."""
    return Actor(user_id="admin", login="admin", roles=frozenset({Role.ADMIN, Role.CLERK}))


def open_database_interactive(
    path: Path, parent: QWidget | None, *, create: bool = True, check_drive: bool = True
) -> tuple[Database, Actor] | None:
    """Open and migrate the database and find out who is working; None (after telling the user why)
    when it cannot be opened. The login step will be added here."""
    try:
        db = open_app_database(path, create=create, check_drive=check_drive)
    except DomainError as exc:
        show_error(parent, exc)
        return None
    return db, default_actor()


def create_demo(path: Path, runner: TaskRunner, members: int = DEMO_MEMBERS) -> bool:
    """Create the demo commune at `path` off the GUI thread; False when cancelled or refused."""
    from models.demo import DemoOptions, generate_demo

    def job(progress: object, cancel: object) -> object:
        del progress, cancel
        return generate_demo(path, DemoOptions(members=members, seed=1))

    try:
        runner.run_and_wait(None, translate("app", "Đang tạo dữ liệu xã mẫu lần đầu…"), job)
    except Cancelled:
        return False
    except DomainError as exc:
        show_error(None, exc)
        return False
    return True


def prepare_window(ctx: AppContext, parent: QWidget | None = None) -> MainWindow | None:
    """The first-run wizard when no unit is recorded yet, then the main window."""
    with read_session(ctx.db, ctx.actor) as session:
        ready = org.is_set_up(session)
    if not ready and SetupWizard.ask(ctx, parent) is None:
        return None
    return MainWindow(ctx)


def run_gui(db_path: Path | None, lang: str) -> int:
    app = make_application(lang)
    install_crash_handlers()
    runner = TaskRunner(app)
    try:
        path = db_path or default_database()
        if db_path is None and not path.exists() and not create_demo(path, runner):
            return 1
        opened = open_database_interactive(path, None)
        if opened is None:
            return 1
        db, actor = opened
        try:
            window = prepare_window(AppContext(db, actor))
            if window is None:
                return 0
            window.show()
            return app.exec()
        finally:
            runner.wait()
            db.close()
    finally:
        close_fault_file()


# ---------------------------------------------------------------- self-test


def self_test(members: int) -> int:
    """Headless: a temporary database, migrated, with a small demo commune; the main window opens
    offscreen, processes its events and closes. 0 on success."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from models.demo import DemoOptions, generate_demo

    app = make_application("vi")
    with tempfile.TemporaryDirectory(prefix="dux-self-test-") as folder:
        path = Path(folder) / "self-test.db"
        try:
            db = open_app_database(path, create=True, check_drive=False)
            db.close()
            path.unlink()
            for suffix in ("-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            summary = generate_demo(path, DemoOptions(members=members, seed=1))
            db = open_app_database(path, check_drive=False)
        except Exception as exc:  # noqa: BLE001 - reported as the self-test's failure
            sys.stderr.write(f"self-test: database step failed: {type(exc).__name__}: {exc}\n")
            return 1
        try:
            window = MainWindow(AppContext(db, default_actor()))
            window.resize(1366, 768)
            window.show()
            for key in window.pages:
                window.show_area(key)
                app.processEvents()
            for index in range(window.organisation.tabs.count()):
                window.organisation.tabs.setCurrentIndex(index)
                app.processEvents()
            QTimer.singleShot(0, window.close)
            app.processEvents()
            window.close()
            window.deleteLater()
            app.processEvents()
        except Exception as exc:  # noqa: BLE001 - reported as the self-test's failure
            sys.stderr.write(f"self-test: window step failed: {type(exc).__name__}: {exc}\n")
            return 1
        finally:
            db.close()
    sys.stdout.write(
        f"self-test: ok ({summary.cells} cells, {summary.members} members, window opened and closed)\n"
    )
    return 0
