"""Login and user-management dialogs driven with qtbot, and their screenshots at 1366x768."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from exports import keyring
from models import auth
from models.security import Role
from models.services.users import UserInput
from tests.conftest import shots_dir
from ui.login import LoginDialog, NewPasswordDialog, RecoveryCodeDialog
from ui.users_dialog import UserEditDialog, UsersDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
# Screenshots go where DUX_SHOTS points (scripts/screenshots.py sets docs/screenshots); a plain test run
# leaves the working tree untouched.
SHOTS = shots_dir(Path(tempfile.gettempdir()) / "dux-test-shots")
PASSWORD = "mật khẩu dài"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "xa.db"
    unlocked, _ = keyring.create_encrypted_database(
        target, "quantri", PASSWORD, full_name="Lò Văn Quản", check_drive=False
    )
    with unlocked:
        keyring.add_user(
            unlocked, UserInput("vanthu", "Cầm Thị Lan", frozenset({Role.CLERK})), "đầu tiên 2026"
        )
        keyring.add_user(
            unlocked,
            UserInput("kiemtra", "Quàng Văn Kiểm", frozenset({Role.INSPECTION, Role.APPROVER})),
            "đầu tiên 2026",
        )
    return target


@pytest.fixture
def admin(path: Path) -> Iterator[keyring.Unlocked]:
    unlocked = keyring.unlock(path, "quantri", PASSWORD, check_drive=False)
    yield unlocked
    unlocked.close()


def cell(dialog: UsersDialog, row: int, col: int) -> str:
    item = dialog.table.item(row, col)
    assert item is not None
    return item.text()


def logins(dialog: UsersDialog) -> list[str]:
    return [cell(dialog, r, 0) for r in range(dialog.table.rowCount())]


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def shot(widget: QWidget, name: str) -> None:
    """A 1366x768 screen with the dialog centred on it (as the user sees it)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.resize(widget.size().expandedTo(widget.sizeHint()))
    assert widget.width() <= 1366
    assert widget.height() <= 768
    widget.grab().save(str(SHOTS / name))


def test_login_success_returns_the_session(qtbot: QtBot, path: Path) -> None:
    dialog = LoginDialog(None, path, lambda u, p: keyring.unlock(path, u, p, check_drive=False))
    qtbot.addWidget(dialog)
    dialog.login_edit.setText("quantri")
    dialog.password_edit.setText(PASSWORD)
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    unlocked = dialog.result_value
    assert isinstance(unlocked, keyring.Unlocked)
    assert unlocked.actor.login == "quantri"
    unlocked.close()


def test_wrong_password_then_delay_is_shown(qtbot: QtBot, path: Path) -> None:
    dialog = LoginDialog(None, path, lambda u, p: keyring.unlock(path, u, p, check_drive=False))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.login_edit.setText("vanthu")
    for _ in range(auth.FREE_ATTEMPTS):
        dialog.password_edit.setText("sai mật khẩu")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
        assert "Sai tên đăng nhập hoặc mật khẩu" in dialog.message.text()
        assert dialog.password_edit.text() == ""
    dialog.password_edit.setText("đầu tiên 2026")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    assert "Hãy chờ" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()
    assert "giây" in dialog.ok_button.text()
    shot(dialog, "login-delay.png")


def test_locked_account_message(qtbot: QtBot, path: Path) -> None:
    clock_t = [1_800_000_000.0]
    for _ in range(auth.LOCK_AFTER):
        with pytest.raises(auth.WrongCredentials):
            keyring.unlock(path, "vanthu", "sai mật khẩu", clock=lambda: clock_t[0], check_drive=False)
        clock_t[0] += 1000
    dialog = LoginDialog(None, path, lambda u, p: keyring.unlock(path, u, p, check_drive=False))
    qtbot.addWidget(dialog)
    dialog.login_edit.setText("vanthu")
    dialog.password_edit.setText("đầu tiên 2026")
    click(qtbot, dialog.ok_button)
    assert "bị khóa" in dialog.message.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_login_screenshot(qtbot: QtBot, path: Path) -> None:
    dialog = LoginDialog(None, path, lambda u, p: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.login_edit.setText("quantri")
    shot(dialog, "login.png")


def test_ask_returns_none_on_cancel(qtbot: QtBot, path: Path) -> None:
    def cancel() -> None:
        widget = QApplication.activeModalWidget()
        assert isinstance(widget, LoginDialog)
        widget.reject()

    QTimer.singleShot(0, cancel)
    assert LoginDialog.ask(None, path, lambda u, p: 1) is None


def test_users_dialog_lists_and_acts(
    qtbot: QtBot, admin: keyring.Unlocked, monkeypatch: pytest.MonkeyPatch
) -> None:
    infos: list[str] = []
    monkeypatch.setattr("ui.users_dialog.show_info", lambda parent, title, text: infos.append(text))
    dialog = UsersDialog(None, admin)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 520)
    dialog.show()
    names = logins(dialog)
    assert sorted(names) == ["kiemtra", "quantri", "vanthu"]
    shot(dialog, "users.png")

    row = names.index("vanthu")
    dialog.table.selectRow(row)
    monkeypatch.setattr(
        UserEditDialog,
        "ask",
        classmethod(
            lambda cls, parent, user: (UserInput(user.login, "Cầm Thị Lan", frozenset({Role.APPROVER})), "")
        ),
    )
    dialog.edit_user()
    row = logins(dialog).index("vanthu")
    assert "Duyệt" in cell(dialog, row, 2)

    dialog.table.selectRow(row)
    monkeypatch.setattr(
        "ui.users_dialog.PasswordDialog.ask", classmethod(lambda cls, parent, login: "mới đặt 2026")
    )
    dialog.reset_password()
    assert infos and "mật khẩu mới" in infos[-1]
    assert keyring.slot_states(admin)  # the slot was rewritten; logging in with it is tested elsewhere

    row = logins(dialog).index("vanthu")
    dialog.table.selectRow(row)
    dialog.toggle_active()
    row = logins(dialog).index("vanthu")
    assert cell(dialog, row, 3) == "Ngừng sử dụng"


def test_users_dialog_refuses_a_non_admin(qtbot: QtBot, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr("ui.users_dialog.show_error", lambda parent, exc: errors.append(exc.text()))
    clerk = keyring.unlock(path, "vanthu", "đầu tiên 2026", check_drive=False)
    try:
        dialog = UsersDialog(None, clerk)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 0
        assert errors
        assert "quản lý người dùng" in errors[0]
    finally:
        clerk.close()


def test_add_user_dialog_and_other_screenshots(qtbot: QtBot) -> None:
    edit = UserEditDialog(None, None)
    qtbot.addWidget(edit)
    edit.show()
    edit.login_edit.setText("vanthu.lan")
    edit.name_edit.setText("Cầm Thị Lan")
    edit.role_boxes[Role.CLERK].setChecked(True)
    shot(edit, "users-add.png")
    new = NewPasswordDialog(None, ask_old=True)
    qtbot.addWidget(new)
    new.show()
    shot(new, "password-change.png")
    new.new_edit.setText("một hai ba bốn")
    new.repeat_edit.setText("khác")
    new._check()
    assert "không giống nhau" in new.message.text()
    code = RecoveryCodeDialog(None, auth.new_recovery_code())
    qtbot.addWidget(code)
    code.show()
    shot(code, "recovery-code.png")


def test_recovery_code_is_printed_on_a_sheet_to_keep(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from ui.app import register_fonts

    register_fonts()  # the sheet is set in Tinos, as in the app
    code = auth.new_recovery_code()
    dialog = RecoveryCodeDialog(None, code)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.panel
    assert dialog.print_button.text() == "In mã khôi phục…"
    sheet = tmp_path / "ma-khoi-phuc.pdf"
    printed: list[QPrinter] = []

    def system_dialog(printer: QPrinter) -> bool:  # the print dialog, answered with a real printer
        printed.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # what a printer would receive
        printer.setOutputFileName(str(sheet))
        return True

    # No printer installed: never a default file; the warning, then the place the clerk chooses.
    monkeypatch.setattr(panel, "printers_available", lambda: False)
    monkeypatch.setattr(panel, "choose_printer", system_dialog)
    monkeypatch.setattr(panel, "choose_file", lambda: None)  # the clerk declined after the warning
    assert dialog.print_code() is False
    assert not sheet.exists() and not printed
    monkeypatch.setattr(panel, "choose_file", lambda: sheet)
    dialog.print_button.click()
    words = " ".join(page.extract_text() for page in PdfReader(sheet).pages).split()
    assert code in words
    assert "MÃ KHÔI PHỤC DỮ LIỆU" in " ".join(words)
    assert "Đã ghi mã khôi phục ra tệp" in dialog.status.text()
    assert "xóa tệp" in dialog.status.text()
    assert not printed  # no print dialog without a printer

    monkeypatch.setattr(panel, "printers_available", lambda: True)
    monkeypatch.setattr(panel, "choose_printer", lambda _printer: False)  # cancelled print dialog
    sheet.unlink()
    dialog.status.clear()
    assert dialog.print_code() is False
    assert not sheet.exists()
    assert dialog.status.text() == ""


def test_recovery_code_closes_only_by_the_deliberate_confirmation(qtbot: QtBot) -> None:
    dialog = RecoveryCodeDialog(None, auth.new_recovery_code())
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.done_button.isDefault() and not dialog.done_button.autoDefault()
    assert not dialog.done_button.isEnabled()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
        qtbot.keyClick(dialog, key)  # type: ignore[no-untyped-call]
        assert dialog.isVisible()
    dialog.reject()  # the window's close button
    assert dialog.isVisible()
    dialog.panel.confirm_box.setChecked(True)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    assert dialog.isVisible()  # even then Enter is not the confirmation
    click(qtbot, dialog.done_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
