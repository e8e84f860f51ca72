"""Starting the window: the QApplication with the bundled Tinos font and the translators, the crash
handlers, opening the database (one function, where a login step will go), the first-run wizard and
the main window. Also the headless self-test used by `main.py self-test` and the frozen build."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

import resources
from exports import backup, damaged, keyring
from exports.paths import default_database, logs_dir
from models.db import read_session, storage_error
from models.errors import DomainError, StorageError
from models.security import Role
from models.services import organisation as org
from ui.context import AppContext
from ui.errors import confirm, show_crash, show_error, show_info, show_previous_crash
from ui.i18n import install_translators, translate
from ui.login import LoginDialog, NewPasswordDialog, RecoveryCodeDialog
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


def _demo_hint(path: Path) -> str:
    try:
        demo = keyring.read_keyring(path).demo
    except DomainError:
        return ""
    if not demo:
        return ""
    return translate("app", "Dữ liệu mẫu: tên đăng nhập {login}, mật khẩu {password}.").format(
        login=keyring.DEMO_LOGIN, password=keyring.DEMO_PASSWORD
    )


def _create_first_admin(path: Path, parent: QWidget | None, check_drive: bool) -> keyring.Unlocked | None:
    """A new installation: the first administrator's account, the encrypted database, and the
    recovery code shown once to be printed or copied."""
    from ui.users_dialog import UserEditDialog

    answer = UserEditDialog.ask(parent, None)
    if answer is None:
        return None
    account, password = answer
    unlocked, code = keyring.create_encrypted_database(
        path, account.login, password, full_name=account.full_name, check_drive=check_drive
    )
    roles = frozenset(account.roles | {Role.ADMIN})
    keyring.update_account(unlocked, unlocked.actor.user_id, account.full_name, roles)
    unlocked.close()
    RecoveryCodeDialog.ask(parent, code)
    return keyring.unlock(path, account.login, password, check_drive=check_drive)


def _encrypt_plain(path: Path, parent: QWidget | None) -> bool:
    """An unencrypted database from an older version: encrypt it (verified copy first)."""
    from ui.users_dialog import UserEditDialog

    if not confirm(
        parent,
        translate("app", "Mã hóa cơ sở dữ liệu"),
        translate(
            "app",
            "Cơ sở dữ liệu {name} chưa được mã hóa. Chương trình sẽ mã hóa nó (có bản sao kiểm tra trước) và tạo tài khoản quản trị. Tiếp tục?",
        ).format(name=path.name),
        translate("app", "Mã hóa"),
    ):
        return False
    answer = UserEditDialog.ask(parent, None)
    if answer is None:
        return False
    account, password = answer
    result = keyring.encrypt_plain_database(path, account.login, password, full_name=account.full_name)
    RecoveryCodeDialog.ask(parent, result.recovery_code)
    return True


def _offer_restore(path: Path, parent: QWidget | None, login: str, password: str) -> bool | None:
    """The file is damaged: unwrap the key from the key file alone and offer the last good backup.
    True when restored, False when the user declined, None when there is no good backup."""
    key = keyring.key_for(path, login, password)
    if key is None:
        return None
    good = backup.last_good_backup(path, key)
    if good is None:
        show_info(
            parent,
            translate("app", "Phục hồi"),
            translate("app", "Không tìm thấy bản sao lưu còn tốt trong thư mục {folder}.").format(
                folder=backup.default_folder(path)
            ),
        )
        return None
    question = translate(
        "app",
        "Cơ sở dữ liệu bị hỏng. Phục hồi từ bản sao lưu ngày {date}? Những gì nhập sau thời điểm đó sẽ phải nhập lại; tệp hỏng được giữ lại trong thư mục sao lưu.",
    ).format(date=good.created.astimezone().strftime("%d/%m/%Y %H:%M"))
    if not confirm(
        parent, translate("app", "Phục hồi từ bản sao lưu"), question, translate("app", "Phục hồi")
    ):
        return False
    backup.restore_backup(good.path, path, key=key)
    return True


class DamagedStartChoice:
    """What to do with a database that failed its start-up check: restore the last good backup,
    open it read-only to view and print what can be read, or quit."""

    RESTORE = "restore"
    READ_ONLY = "read_only"
    QUIT = ""

    @classmethod
    def ask(
        cls, parent: QWidget | None, path: Path, *, can_restore: bool = True, can_read_only: bool = True
    ) -> str:
        """The chosen answer (RESTORE, READ_ONLY or QUIT); Escape quits."""
        text = translate(
            "app",
            "Cơ sở dữ liệu {name} bị hỏng nên không mở bình thường được. Đừng chép đè lên nó.\n\nBạn có thể:\n• phục hồi từ bản sao lưu còn tốt gần nhất (những gì nhập sau thời điểm đó sẽ phải nhập lại);\n• mở chỉ để xem: xem và in những gì còn đọc được, không sửa hay thêm được gì;\n• thoát, rồi nhờ người hỗ trợ kỹ thuật.",
        ).format(name=path.name)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            translate("app", "Cơ sở dữ liệu bị hỏng"),
            text,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        buttons: dict[str, QPushButton] = {}
        if can_restore:
            buttons[cls.RESTORE] = box.addButton(
                translate("app", "Phục hồi bản sao lưu"), QMessageBox.ButtonRole.AcceptRole
            )
        if can_read_only:
            buttons[cls.READ_ONLY] = box.addButton(
                translate("app", "Mở chỉ để xem"), QMessageBox.ButtonRole.ActionRole
            )
        quit_button = box.addButton(translate("app", "Thoát"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(next(iter(buttons.values()), quit_button))
        box.setEscapeButton(quit_button)
        box.exec()
        clicked = box.clickedButton()
        return next((key for key, button in buttons.items() if button is clicked), cls.QUIT)


def _damaged_start(path: Path, parent: QWidget | None, login: str, password: str) -> keyring.Unlocked | bool:
    """Ask what to do with a damaged database until something works: True when a backup was restored
    (log in again), the read-only database when the user chose to view it, False to quit."""
    can_restore, can_read_only = True, True
    while True:
        answer = DamagedStartChoice.ask(parent, path, can_restore=can_restore, can_read_only=can_read_only)
        if answer == DamagedStartChoice.RESTORE:
            restored = _offer_restore(path, parent, login, password)
            if restored:
                return True
            can_restore = restored is not None
        elif answer == DamagedStartChoice.READ_ONLY:
            unlocked = damaged.open_read_only(path, login, password)
            if unlocked is not None:
                return unlocked
            show_info(
                parent,
                translate("app", "Mở chỉ để xem"),
                translate(
                    "app",
                    "Tệp hỏng quá nặng, không đọc được cả ở chế độ chỉ xem. Hãy phục hồi từ bản sao lưu, hoặc nhờ người hỗ trợ kỹ thuật.",
                ),
            )
            can_read_only = False
        else:
            return False


def open_database_interactive(
    path: Path, parent: QWidget | None, *, create: bool = True, check_drive: bool = True
) -> keyring.Unlocked | None:
    """Open the encrypted database after a login (creating it, or encrypting an old plain one, when
    needed); None, after telling the user why, when it cannot be opened. A damaged database gets the
    choice of restoring the last good backup, opening read-only (`db.read_only`) or quitting."""
    credentials: list[tuple[str, str]] = []
    damaged_error: list[StorageError] = []

    def unlock(login: str, password: str) -> keyring.Unlocked | None:
        credentials[:] = [(login, password)]
        try:
            return keyring.unlock(path, login, password, check_drive=check_drive)
        except StorageError as exc:
            if not damaged.is_damage(exc):
                raise
            damaged_error[:] = [exc]  # close the dialog; the choices are offered below
            return None

    try:
        if not path.exists():
            if not create:
                show_error(parent, storage_error("cant_open"))
                return None
            return _create_first_admin(path, parent, check_drive)
        if keyring.is_plain_sqlite(path) and not _encrypt_plain(path, parent):
            return None
        while True:
            damaged_error.clear()
            unlocked = LoginDialog.ask(parent, path, unlock, hint=_demo_hint(path))
            if not damaged_error:
                break
            outcome = _damaged_start(path, parent, *credentials[0])
            if outcome is False:
                return None
            if isinstance(outcome, keyring.Unlocked):
                return outcome  # read-only: no password change, no backup of a damaged file
        if unlocked is None:
            return None
        if unlocked.must_change_password:
            change = NewPasswordDialog.ask(
                parent, ask_old=True, title=translate("app", "Đổi mật khẩu lần đầu")
            )
            if change is not None:
                keyring.change_own_password(unlocked, *change)
    except DomainError as exc:
        show_error(parent, exc)
        return None
    with contextlib.suppress(DomainError):
        backup.backup_if_due(unlocked.db)
    return unlocked


def create_demo(path: Path, runner: TaskRunner, members: int = DEMO_MEMBERS) -> bool:
    """Create the demo commune at `path` off the GUI thread; False when cancelled or refused."""
    from exports.demo_db import create_demo_database

    def job(progress: Callable[[int, int], None], cancel: object) -> object:
        del cancel
        return create_demo_database(path, members=members, seed=1, steps=progress)

    try:
        runner.run_and_wait(None, translate("app", "Đang tạo dữ liệu xã mẫu lần đầu…"), job)
    except Cancelled:
        return False
    except DomainError as exc:
        show_error(None, exc)
        return False
    return True


def prepare_window(ctx: AppContext, parent: QWidget | None = None) -> MainWindow | None:
    """The first-run wizard when no unit is recorded yet, then the main window. A damaged database
    opened read-only gets no wizard (nothing can be saved) and a window marked as read-only."""
    if ctx.db.read_only:
        return _read_only_window(ctx, parent)
    with read_session(ctx.db, ctx.actor) as session:
        ready = org.is_set_up(session)
    if not ready and SetupWizard.ask(ctx, parent) is None:
        return None
    return MainWindow(ctx)


def _read_only_window(ctx: AppContext, parent: QWidget | None) -> MainWindow | None:
    """The main window on a damaged database; None, after saying why, when even that cannot be read."""
    try:
        with read_session(ctx.db, ctx.actor) as session:
            ready = org.is_set_up(session)
        if not ready:
            show_info(
                parent,
                translate("app", "Mở chỉ để xem"),
                translate("app", "Tệp hỏng này chưa có thông tin đơn vị nên không có gì để xem."),
            )
            return None
        window = MainWindow(ctx)
    except DomainError as exc:
        show_error(parent, exc)
        return None
    mark_read_only(window)
    return window


def mark_read_only(window: MainWindow) -> None:
    """Say in the title and, permanently, in the status bar that nothing can be changed."""
    banner = translate("app", "CHỈ XEM – dữ liệu bị hỏng")
    window.setWindowTitle(f"{window.windowTitle()} — {banner}")
    label = QLabel(banner)
    label.setObjectName("read_only_banner")
    label.setStyleSheet("color: #b00020; font-weight: bold; padding: 0 8px;")
    window.statusBar().addPermanentWidget(label)


def run_gui(db_path: Path | None, lang: str) -> int:
    app = make_application(lang)
    install_crash_handlers()
    runner = TaskRunner(app)
    try:
        path = db_path or default_database()
        if db_path is None and not path.exists() and not create_demo(path, runner):
            return 1
        while True:
            unlocked = open_database_interactive(path, None)
            if unlocked is None:
                return 1
            restore: Path | None = None
            try:
                window = prepare_window(AppContext(unlocked.db, unlocked.actor, unlocked))
                if window is None:
                    return 0
                window.show()
                code = app.exec()
                restore = window.restore_request
            finally:
                runner.wait()
                if not unlocked.db.read_only:  # never a "backup" of a damaged file
                    with contextlib.suppress(DomainError):
                        backup.backup_database(unlocked.db, reason="close")
                key = unlocked.db.key
                unlocked.close()
            if restore is None:
                return code
            try:
                backup.restore_backup(restore, path, key=key)
                show_info(
                    None, translate("app", "Phục hồi"), translate("app", "Đã phục hồi. Hãy đăng nhập lại.")
                )
            except DomainError as exc:
                show_error(None, exc)
    finally:
        close_fault_file()


# ---------------------------------------------------------------- self-test


def self_test(members: int) -> int:
    """Headless: a temporary encrypted database, migrated, with a small demo commune; log in as the
    demo administrator; the main window opens offscreen, shows every page and closes. 0 on success."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from exports.demo_db import create_demo_database

    app = make_application("vi")
    with tempfile.TemporaryDirectory(prefix="dux-self-test-") as folder:
        path = Path(folder) / "self-test.db"
        try:
            summary = create_demo_database(path, members=members, seed=1, check_drive=False, meeting_years=1)
            unlocked = keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
        except Exception as exc:  # noqa: BLE001 - reported as the self-test's failure
            sys.stderr.write(f"self-test: database step failed: {type(exc).__name__}: {exc}\n")
            return 1
        try:
            window = MainWindow(AppContext(unlocked.db, unlocked.actor, unlocked))
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
            unlocked.close()
    sys.stdout.write(
        f"self-test: ok ({summary.cells} cells, {summary.members} members, window opened and closed)\n"
    )
    return 0
