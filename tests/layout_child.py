"""Child process of the layout test (tests/ui/test_layout_xvfb.py): on a real X display (Xvfb with a
window manager, whatever size and QT_SCALE_FACTOR the parent chose), log in to a demo commune, show
the main window maximised, walk every page and tab, then open the dialogs a clerk opens, each at the
size the program gives it, and print one `CLIPPED <screen>: <what>` line for every text that does not
fit (tests/layout_check.py), and `WINDOW <screen>: <what>` for a window larger than the screen.

Usage: python tests/layout_child.py DB FONT_FAMILY|- [SHOTS_DIR]"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from tests.layout_check import clipped_texts, off_screen

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.main_window import MainWindow

shots: list[Path] = []


def settle(app: QApplication, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()


def settled(app: QApplication, widget: QWidget) -> None:
    """Until the window manager has applied the last resize (it answers asynchronously): the size
    unchanged over three looks 30 ms apart, at most 2 s."""
    last, same, deadline = widget.size(), 0, time.monotonic() + 2
    while same < 3 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.03)
        same = same + 1 if widget.size() == last else 0
        last = widget.size()


def report(app: QApplication, name: str, widget: QWidget) -> None:
    settle(app)
    settled(app, widget)
    sys.stdout.write(f"SCREEN {name}\n")
    for problem in clipped_texts(widget):
        sys.stdout.write(f"CLIPPED {name}: {problem}\n")
    for problem in off_screen(widget):
        sys.stdout.write(f"WINDOW {name}: {problem}\n")
    if shots:
        widget.grab().save(str(shots[0] / f"{name}.png"))
    sys.stdout.flush()


def main() -> int:
    db_path, family = Path(sys.argv[1]), sys.argv[2]
    if len(sys.argv) > 3:
        shots.append(Path(sys.argv[3]))
    from exports import keyring
    from ui.app import make_application
    from ui.context import AppContext
    from ui.main_window import MainWindow

    if os.environ.get("DUX_LAYOUT_DARK"):
        system_dark_theme()
    app = make_application("vi")
    if family != "-":
        font = QFont(app.font())
        font.setFamily(family)
        app.setFont(font)
    unlocked = keyring.unlock(db_path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
    ctx = AppContext(unlocked.db, unlocked.actor, unlocked)
    try:
        login_screens(app, db_path)
        window = MainWindow(ctx)
        window.showMaximized()
        settle(app, 12)
        for key in window.pages:
            window.show_area(key)
            report(app, f"page-{key}", window)
            page = window.pages[key]
            for tabs in page.findChildren(QTabWidget):
                for index in range(tabs.count()):
                    if tabs.isTabVisible(index) and index != tabs.currentIndex():
                        tabs.setCurrentIndex(index)
                        report(app, f"page-{key}-tab{index}", window)
                tabs.setCurrentIndex(0)
        for name, opener in dialogs(ctx, window):
            try:
                dialog = opener()
            except Exception as exc:
                sys.stdout.write(f"ERROR {name}: {type(exc).__name__}: {exc}\n")
                continue
            dialog.show()
            settle(app, 10)
            report(app, name, dialog)
            for tabs in dialog.findChildren(QTabWidget):
                for index in range(1, tabs.count()):
                    tabs.setCurrentIndex(index)
                    report(app, f"{name}-tab{index}", dialog)
            extra = getattr(dialog, "_layout_test_extra", None)
            if extra is not None:
                extra()
                report(app, f"{name}-after", dialog)
            dialog.close()
            dialog.deleteLater()
        window.close()
        window.deleteLater()
        settle(app)
    finally:
        unlocked.close()
    sys.stdout.write("DONE\n")
    return 0


def system_dark_theme() -> None:
    """What Windows 11 in dark mode hands a Qt program: dark window and base colours, light text."""
    from PySide6.QtGui import QColor, QPalette

    app = QApplication(sys.argv[:1])
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, QColor(32, 32, 32)),
        (QPalette.ColorRole.WindowText, QColor(255, 255, 255)),
        (QPalette.ColorRole.Base, QColor(25, 25, 25)),
        (QPalette.ColorRole.Text, QColor(255, 255, 255)),
        (QPalette.ColorRole.Button, QColor(45, 45, 45)),
        (QPalette.ColorRole.ButtonText, QColor(255, 255, 255)),
    ):
        dark.setColor(role, colour)
    app.setPalette(dark)
    _keep.append(app)


_keep: list[QApplication] = []


def login_screens(app: QApplication, db_path: Path) -> None:
    from models.errors import DomainError
    from ui.login import LoginDialog

    def refuse(_login: str, _password: str) -> object:
        raise DomainError("Sai tên đăng nhập hoặc mật khẩu. Hãy thử lại.")

    dialog = LoginDialog(None, db_path, refuse, hint="Dữ liệu mẫu: tên đăng nhập admin, mật khẩu demo2026.")
    dialog.show()
    report(app, "login", dialog)
    dialog.login_edit.setText("admin")
    dialog.password_edit.setText("sai")
    dialog.ok_button.click()
    report(app, "login-wrong-password", dialog)
    dialog.close()
    dialog.deleteLater()


def dialogs(ctx: AppContext, window: MainWindow) -> list[tuple[str, Callable[[], QDialog]]]:
    """The dialogs a clerk opens, built as the pages build them."""
    from datetime import date

    from forms.minutes import minutes_document
    from models.db import read_session
    from models.errors import DomainError
    from models.services import meetings as mt
    from ui.backup_dialog import BackupDialog
    from ui.dialogs.import_members import ImportMembersDialog
    from ui.dialogs.meeting_entry import MeetingDialog
    from ui.dialogs.member_profile import MemberProfileDialog
    from ui.dialogs.organisation import AssignmentDialog, CellDialog, PositionDialog, VillageDialog
    from ui.dialogs.sync_export import ExportDialog
    from ui.dialogs.sync_import import ImportPreviewDialog, Inspected
    from ui.dialogs.work_admission import CandidateDialog, PlanDialog
    from ui.dialogs.work_dues import RateDialog
    from ui.dialogs.work_inspection import DisciplineDialog, InspectionDialog
    from ui.dialogs.work_petitions import PetitionDialog
    from ui.dialogs.work_training import CourseDialog
    from ui.pdf_preview import PdfPreview
    from ui.settings import Settings
    from ui.tasks import TaskRunner

    with read_session(ctx.db, ctx.actor) as session:
        held = [m for m in mt.list_meetings(session) if m.status == "held"]
        chosen = max(held, key=lambda m: (m.date or date.min, m.present))
    members = window.pages["members"]
    model = members.model  # type: ignore[attr-defined]
    member_id = model.id_at(min(5, model.rowCount(QModelIndex()) - 1))

    def meeting() -> QDialog:
        dialog = MeetingDialog(ctx, chosen.cell_id, chosen.month, chosen.id, window)

        def add_votes() -> None:
            for _ in range(3):
                dialog.add_vote()

        dialog._layout_test_extra = add_votes  # type: ignore[attr-defined]
        return dialog

    def preview() -> QDialog:
        with read_session(ctx.db, ctx.actor) as session:
            document = minutes_document(session, chosen.id)
        return PdfPreview(document, "bien-ban.pdf", window, ctx=ctx)

    def export() -> QDialog:
        dialog = ExportDialog(ctx, TaskRunner(window), "Tỉnh ủy Sơn La", window)

        def written() -> None:
            dialog._show_status(
                "Đã ghi gói số 12 (1.234 bản ghi) vào E:\\goi-du-lieu\\xa-chieng-khoong-0012.dux.\n"
                "Đã ghi xong, có thể rút USB.",
                "",
            )

        dialog._layout_test_extra = written  # type: ignore[attr-defined]
        return dialog

    def package_preview() -> QDialog:
        refused = DomainError(
            "Gói này không phải của một đơn vị đã đăng ký với đơn vị mình. Hãy kiểm tra lại USB, "
            "hoặc nhận tệp đăng ký của đơn vị đó trước."
        )
        item = Inspected(Path("E:/goi-du-lieu/xa-muong-lan-0007.dux"), None, refused)
        return ImportPreviewDialog(ctx, TaskRunner(window), [item], window)

    return [
        ("sync-import", package_preview),
        ("member-profile", lambda: MemberProfileDialog(ctx, member_id, window)),
        ("meeting-entry", meeting),
        ("minutes-preview", preview),
        ("import-members", lambda: ImportMembersDialog(ctx, Settings(), window)),
        ("backup", lambda: BackupDialog(ctx.db, window, ctx.actor)),
        ("sync-export", export),
        ("village", lambda: VillageDialog(ctx, None, window)),
        ("cell", lambda: CellDialog(ctx, None, window)),
        ("position", lambda: PositionDialog(ctx, None, window)),
        ("assignment", lambda: AssignmentDialog(ctx, None, window)),
        ("candidate", lambda: CandidateDialog(ctx, window)),
        ("admission-plan", lambda: PlanDialog(ctx, date.today().year, window)),
        ("dues-rate", lambda: RateDialog(ctx, window)),
        ("inspection", lambda: InspectionDialog(ctx, window)),
        ("discipline", lambda: DisciplineDialog(ctx, window)),
        ("petition", lambda: PetitionDialog(ctx, window)),
        ("course", lambda: CourseDialog(ctx, window)),
    ]


if __name__ == "__main__":
    sys.exit(main())
