"""Child process of the exit test (tests/ui/test_exit_xvfb.py): the real program (`main.main`, the
GUI path) with a driver inside the process that plays the clerk.

The driver is a timer started on the application that `ui.app.make_application` creates; it does
what a clerk does with mouse and keyboard, through the widgets themselves: types the login and
password into the login dialog and presses its button, visits every page of the main window, opens
the heaviest dialogs (the PDF preview of the report, the backup dialog, the member import, the
minutes entry) and closes each one, then closes the main window (as the title bar's close button
does). Everything after that — the closing backup, the teardown, the interpreter's exit — is the
program's own. The child prints `STEP <name>` as it goes and exits with the program's status.

Usage: python tests/exit_child.py DB LOGIN PASSWORD"""

from __future__ import annotations

import faulthandler
import sys
from collections.abc import Callable
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

TICK_MS = 15


def say(step: str) -> None:
    sys.stdout.write(f"STEP {step}\n")
    sys.stdout.flush()


class Driver:
    """A queue of actions, one per tick; an action returns False to be retried at the next tick."""

    def __init__(self, app: QApplication, login: str, password: str) -> None:
        self.login = login
        self.password = password
        self.actions: list[tuple[str, Callable[[], bool]]] = []
        self.timer = QTimer(app)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.window: QWidget | None = None
        self.logged_in = False

    def start(self) -> None:
        self.timer.start()

    def modal(self) -> QWidget | None:
        return QApplication.activeModalWidget()

    def tick(self) -> None:
        from ui.login import LoginDialog
        from ui.main_window import MainWindow

        modal = self.modal()
        if not self.logged_in:
            if isinstance(modal, LoginDialog):
                modal.login_edit.setText(self.login)
                modal.password_edit.setText(self.password)
                modal.ok_button.click()
                self.logged_in = True
                say("login")
            return
        if self.window is None:
            windows = [
                w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
            ]
            if not windows:
                return
            self.window = windows[0]
            self.plan(windows[0])
            say("window")
        if not self.actions:
            return
        name, action = self.actions[0]
        if action():
            self.actions.pop(0)
            say(name)

    # ------------------------------------------------------------ the clerk's session

    def plan(self, window: QWidget) -> None:
        from ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        for key in window.pages:
            self.actions.append((f"page {key}", self._show_page(window, key)))
        for index in range(window.organisation.tabs.count()):
            self.actions.append((f"organisation tab {index}", self._org_tab(window, index)))
        self.actions.append(("reports", self._show_page(window, "reports")))
        self.actions.extend(self._dialog("report preview", lambda: window.reports.preview()))
        self.actions.extend(self._dialog("backups", window.open_backups))
        self.actions.append(("members", self._show_page(window, "members")))
        self.actions.extend(self._dialog("member import", window.pages["members"].import_excel))  # type: ignore[attr-defined]
        meetings = window.pages["meetings"]
        self.actions.append(("meetings", self._show_page(window, "meetings")))
        self.actions.extend(self._dialog("minutes entry", meetings.new_meeting))  # type: ignore[attr-defined]
        self.actions.extend(self._dialog("blank minutes preview", meetings.preview_blank))  # type: ignore[attr-defined]
        self.actions.append(("reports again", self._show_page(window, "reports")))
        self.actions.append(("close", self._close(window)))

    def _show_page(self, window: QWidget, key: str) -> Callable[[], bool]:
        def act() -> bool:
            if self.modal() is not None:
                return False
            window.show_area(key)  # type: ignore[attr-defined]
            return True

        return act

    def _org_tab(self, window: QWidget, index: int) -> Callable[[], bool]:
        def act() -> bool:
            if self.modal() is not None:
                return False
            window.show_area("organisation")  # type: ignore[attr-defined]
            window.organisation.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
            return True

        return act

    def _dialog(self, name: str, opener: Callable[[], object]) -> list[tuple[str, Callable[[], bool]]]:
        """Open a modal dialog (its `exec` runs in a nested loop, the driver keeps ticking) and close it."""

        def open_it() -> bool:
            if self.modal() is not None:
                return False
            QTimer.singleShot(0, opener)
            return True

        def wait_it() -> bool:
            modal = self.modal()
            return isinstance(modal, QDialog) and modal.isVisible()

        def close_it() -> bool:
            modal = self.modal()
            if isinstance(modal, QDialog):
                modal.reject()
            return True

        return [(f"open {name}", open_it), (f"shown {name}", wait_it), (f"closed {name}", close_it)]

    def _close(self, window: QWidget) -> Callable[[], bool]:
        def act() -> bool:
            if self.modal() is not None:
                return False
            window.close()
            self.window = None  # the driver keeps nothing of the program alive
            self.timer.stop()
            return True

        return act


def main() -> int:
    db, login, password = sys.argv[1], sys.argv[2], sys.argv[3]
    import main as program
    import ui.app

    original = ui.app.make_application

    def make_application(lang: str, argv: list[str] | None = None) -> QApplication:
        app = original(lang, argv)
        driver = Driver(app, login, password)
        _drivers.append(driver)
        driver.start()
        return app

    ui.app.make_application = make_application
    try:
        return program.main(["--db", db])
    finally:
        _drivers.clear()  # the program's objects only, from here on
        faulthandler.enable(sys.stderr)  # a crash while the interpreter exits shows where


_drivers: list[Driver] = []

if __name__ == "__main__":
    sys.exit(main())
