"""Starting the window: the QApplication with the bundled Tinos font and the translators, the crash
handlers, opening the database (one function, where a login step will go), the first-run wizard and
the main window. Also the headless self-test used by `main.py self-test` and the frozen build."""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

import resources
from exports import atomic, backup, damaged, keyring
from exports.installation import check_admin_password
from exports.paths import default_database, demo_database, logs_dir
from models import setup
from models.db import read_session, storage_error
from models.errors import DomainError, StorageError, ValidationError
from models.services import organisation as org
from ui.context import AppContext
from ui.errors import confirm, show_crash, show_error, show_info, show_previous_crash
from ui.i18n import install_translators, translate
from ui.login import LoginDialog, NewPasswordDialog, RecoveryCodeDialog
from ui.main_window import MainWindow
from ui.settings import FONT_POINT_SIZE, Settings
from ui.setup_wizard import FirstStartDialog, InstallWizard, SetupWizard
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


def light_palette() -> QPalette:
    """The program's own light colours, text colours included: the pages and the style sheets assume
    a light background, so a dark system theme (Windows 11 dark mode) must not reach them."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: QColor(239, 239, 239),
        QPalette.ColorRole.WindowText: QColor(0, 0, 0),
        QPalette.ColorRole.Base: QColor(255, 255, 255),
        QPalette.ColorRole.AlternateBase: QColor(245, 245, 245),
        QPalette.ColorRole.ToolTipBase: QColor(255, 255, 220),
        QPalette.ColorRole.ToolTipText: QColor(0, 0, 0),
        QPalette.ColorRole.PlaceholderText: QColor(110, 110, 110),
        QPalette.ColorRole.Text: QColor(0, 0, 0),
        QPalette.ColorRole.Button: QColor(239, 239, 239),
        QPalette.ColorRole.ButtonText: QColor(0, 0, 0),
        QPalette.ColorRole.BrightText: QColor(255, 255, 255),
        QPalette.ColorRole.Light: QColor(255, 255, 255),
        QPalette.ColorRole.Midlight: QColor(202, 202, 202),
        QPalette.ColorRole.Mid: QColor(184, 184, 184),
        QPalette.ColorRole.Dark: QColor(159, 159, 159),
        QPalette.ColorRole.Shadow: QColor(118, 118, 118),
        QPalette.ColorRole.Highlight: QColor(48, 140, 198),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(20, 70, 160),
        QPalette.ColorRole.LinkVisited: QColor(90, 40, 140),
    }
    for role, colour in colours.items():
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return palette


def make_application(lang: str, argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    # One look on every system: Fusion with light colours, whatever the desktop's theme.
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setStyle("Fusion")
    app.setPalette(light_palette())
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
    """This instance's log file (a second instance writes app-2.log, see main.own_log_file)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
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
        try:
            atomic.replace(previous, shown)
        except OSError:  # held by another program: show it where it is
            log.warning("could not move the previous crash file aside")
            shown = previous
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
    while True:  # a refused password is explained and asked again, never the end of the program
        answer = UserEditDialog.ask(parent, None)
        if answer is None:
            return False
        account, password = answer
        try:
            check_admin_password(password, account.login)
        except ValidationError as exc:
            show_error(parent, exc)
            continue
        break
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
            created = InstallWizard.ask(path, parent, check_drive=check_drive)
            if created is None:
                return None
            return created
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


def _restore_at_first_start(path: Path, parent: QWidget | None) -> bool:
    """A new machine or a reinstallation: restore the office's database from a backup file (with its
    key file beside it), opened with an account's password. True when restored."""
    from PySide6.QtWidgets import QFileDialog

    from models.auth import LOCK_AFTER, WrongCredentials

    name, _filter = QFileDialog.getOpenFileName(
        parent, translate("app", "Chọn bản sao lưu"), "", translate("app", "Bản sao lưu (*.db)")
    )
    if not name:
        return False
    chosen = Path(name)
    if not backup.keys_path(chosen).exists():
        show_info(
            parent,
            translate("app", "Phục hồi"),
            translate(
                "app",
                "Bên cạnh bản sao lưu {name} không có tệp khóa {keys}. Hãy chép cả hai tệp vào cùng một thư mục rồi chọn lại.",
            ).format(name=chosen.name, keys=backup.keys_path(chosen).name),
        )
        return False

    def unlock(login: str, password: str) -> bytes:
        key = keyring.key_for(chosen, login, password)
        if key is None:
            raise WrongCredentials(LOCK_AFTER)
        return key

    try:
        key = LoginDialog.ask(parent, chosen, unlock)
        if key is None:
            return False
        backup.restore_backup(chosen, path, key=key)
    except DomainError as exc:
        show_error(parent, exc)
        return False
    show_info(parent, translate("app", "Phục hồi"), translate("app", "Đã phục hồi. Hãy đăng nhập."))
    return True


def open_demo(runner: TaskRunner) -> Path | None:
    """The demo commune's own file, made the first time it is asked for."""
    path = demo_database()
    if not path.exists() and not create_demo(path, runner):
        return None
    return path


def first_database(
    db_path: Path | None, demo: bool, runner: TaskRunner
) -> tuple[Path, keyring.Unlocked | None] | None:
    """Which database this start opens, with the administrator's open session when it was created
    just now; None when the user quit. `--demo` opens the demo; `--db` a given file (the wizard
    when it does not exist yet); otherwise the office's real database, and with none yet the
    first-start choice: create it, restore it from a backup, or practise on the demo."""
    if demo:
        demo_path = open_demo(runner)
        return (demo_path, None) if demo_path is not None else None
    if db_path is not None:
        if db_path.exists():
            return db_path, None
        created = InstallWizard.ask(db_path)
        return (db_path, created) if created is not None else None
    from exports.demo_db import adopt_old_demo

    path = default_database()
    with contextlib.suppress(OSError):
        adopt_old_demo(path, demo_database())
    while not path.exists():
        choice = FirstStartDialog.ask(None, path.parent)
        if choice in (FirstStartDialog.COMMUNE, FirstStartDialog.UPPER):
            level = setup.COMMUNE if choice == FirstStartDialog.COMMUNE else setup.PROVINCE
            created = InstallWizard.ask(path, level=level)
            if created is not None:
                return path, created
        elif choice == FirstStartDialog.RESTORE:
            _restore_at_first_start(path, None)
        elif choice == FirstStartDialog.DEMO:
            demo_path = open_demo(runner)
            if demo_path is not None:
                return demo_path, None
        else:
            return None
    return path, None


def refreshed_actor(unlocked: keyring.Unlocked) -> None:
    """Read the logged-in user's roles again (an administrator changed them): they apply at once."""
    from models.security import Actor
    from models.services.users import own_account

    with read_session(unlocked.db, unlocked.actor) as session:
        account = own_account(session)
    unlocked.actor = Actor(user_id=account.id, login=account.login, roles=account.roles)


def dispose_windows() -> None:
    """Destroy every window and dialog now, while the QApplication still exists.

    Signal connections to lambdas and bound methods keep a window's Python wrapper alive through Qt,
    where the garbage collector cannot see the cycle; every dialog shown with `ask()` stays a child of
    its parent. Left alone, all of them are deleted by PySide's clean-up at interpreter exit, after the
    application's own teardown has begun: the QObject destructors then ran in an arbitrary order
    against half-destroyed Qt state and the exit crashed (a segmentation fault, "Fatal Python error:
    none_dealloc"/"bool_dealloc") in most sessions that had opened the reports page. Deleting them here,
    parents first, inside a working application, then collecting the Python cycles leaves nothing for
    that clean-up to do."""
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        if widget.parent() is None:
            widget.hide()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_gui(db_path: Path | None, lang: str, demo: bool = False) -> int:
    app = make_application(lang)
    install_crash_handlers()
    runner = TaskRunner(app)
    try:
        first = first_database(db_path, demo, runner)
        if first is None:
            return 0
        path, unlocked = first
        logout = False
        while True:
            if unlocked is None:
                unlocked = open_database_interactive(path, None, create=False)
            if unlocked is None:
                return 0 if logout else 1  # quitting at the login after Đăng xuất is a normal end
            restore: Path | None = None
            logout = False
            try:
                while True:
                    window = prepare_window(AppContext(unlocked.db, unlocked.actor, unlocked))
                    if window is None:
                        return 0
                    window.show()
                    code = app.exec()
                    restore, logout = window.restore_request, window.logout_request
                    if not window.reload_request:
                        break
                    window.deleteLater()
                    refreshed_actor(unlocked)  # roles changed: the window opens again with them
            finally:
                window = None
                dispose_windows()  # pages' own task pools wait for their jobs as they are deleted
                runner.wait()
                if not unlocked.db.read_only:  # never a "backup" of a damaged file
                    with contextlib.suppress(DomainError):
                        backup.backup_database(unlocked.db, reason="close")
                key = unlocked.db.key
                unlocked.close()
                unlocked = None
            if restore is not None:
                try:
                    backup.restore_backup(restore, path, key=key)
                    show_info(
                        None,
                        translate("app", "Phục hồi"),
                        translate("app", "Đã phục hồi. Hãy đăng nhập lại."),
                    )
                except DomainError as exc:
                    show_error(None, exc)
            elif not logout:
                return code
    finally:
        dispose_windows()
        close_fault_file()


# ---------------------------------------------------------------- self-test


def self_test(members: int) -> int:
    """Headless: a temporary encrypted database, migrated, with a small demo commune; log in as the
    demo administrator; the main window opens offscreen, shows every page and closes. 0 on success.
    A QT_QPA_PLATFORM already set is kept: `scripts/build.py` runs it once more on the native platform
    ("windows", "xcb") where a display exists, which proves that platform's plugin is bundled."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from exports.demo_db import create_demo_database

    app = make_application("vi")
    with tempfile.TemporaryDirectory(prefix="dux-self-test-", ignore_cleanup_errors=True) as folder:
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
        f"self-test: ok ({summary.cells} cells, {summary.members} members, window opened and closed"
        f" on the {app.platformName()} platform)\n"
    )
    return 0
