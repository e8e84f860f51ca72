"""A real office's first day, through the window only: from an empty data folder the first-start
choice, the install wizard (commune, and separately province), the first administrator's session
without a second login, a member list imported and a member event recorded; the demo in its own
file, marked on screen; logout and role changes in the running session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard
from pytestqt.qtbot import QtBot

from exports import keyring
from exports.paths import default_database, demo_database
from models import auth, setup
from models.db import read_session
from models.security import Role
from models.services import membership as ms
from models.services import organisation as org
from models.services import register as rg
from models.services.users import FIRST_ADMIN_ROLES, UserInput
from ui import app as ui_app
from ui.context import AppContext
from ui.dialogs.import_members import ImportMembersDialog
from ui.dialogs.member_actions import ActionDialog
from ui.dialogs.organisation import CellDialog, VillageDialog
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.setup_wizard import FirstStartDialog, InstallWizard
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
PASSWORD = "hoa ban nở tháng ba"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def when_modal(kind: type[QWidget], act: Callable[[Any], None], errors: list[str]) -> None:
    """Run `act` on the next modal dialog of type `kind` once it is on screen (the real exec loop)."""

    def poll(tries: int = 0) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            try:
                act(widget)
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
                widget.close()
                QTimer.singleShot(0, lambda: _close_all())
            return
        if tries > 400:
            errors.append(f"no {kind.__name__} appeared")
            _close_all()
            return
        QTimer.singleShot(10, lambda: poll(tries + 1))

    QTimer.singleShot(0, poll)


def _close_all() -> None:
    widget = QApplication.activeModalWidget()
    if isinstance(widget, QDialog):
        widget.done(0)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def next_page(wizard: InstallWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def fill_admin(wizard: InstallWizard, password: str, repeat: str | None = None) -> None:
    page = wizard.admin_page
    page.full_name.setText("Lò Thị Hoa")
    page.password.setText(password)
    page.repeat.setText(password if repeat is None else repeat)
    wizard.button(QWizard.WizardButton.CommitButton).click()


def finish_with_code(qtbot: QtBot, wizard: InstallWizard, codes: list[str]) -> None:
    """The recovery page: Enter and Esc do nothing, Cancel is gone; the tick enables Finish."""
    assert wizard.currentId() == InstallWizard.RECOVERY
    codes.append(wizard.code)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        qtbot.keyClick(wizard, key)  # type: ignore[no-untyped-call]
        assert wizard.isVisible()
    wizard.reject()
    assert wizard.isVisible()
    panel = wizard.recovery_page.panel
    assert panel is not None
    assert wizard.code in panel.findChild(QWidget, "code").text()  # type: ignore[union-attr]
    panel.confirm_box.setChecked(True)
    assert finish.isEnabled()
    click(qtbot, finish)


def commune_wizard(qtbot: QtBot, codes: list[str]) -> Callable[[InstallWizard], None]:
    def act(wizard: InstallWizard) -> None:
        assert wizard.level_page.buttons[setup.COMMUNE].isChecked()
        next_page(wizard)
        form = wizard.form
        form.name.setText("Đảng bộ xã Mường Lèo")
        form.name.editingFinished.emit()
        assert form.committee_name.text() == "Đảng ủy xã Mường Lèo"
        form.province.setText("Sơn La")
        next_page(wizard)
        assert form.upper_name.text() == "Tỉnh ủy Sơn La"
        assert form.upper_header_line.text() == "ĐẢNG BỘ TỈNH SƠN LA"
        assert not form.no_upper.isVisible()
        next_page(wizard)
        assert wizard.currentId() == InstallWizard.ADMIN
        # A weak password: explained beside the field; the program goes on, nothing is created.
        fill_admin(wizard, "ngắn")
        assert "ít nhất 8 ký tự" in wizard.admin_page.errors.text("password")
        assert wizard.isVisible() and wizard.currentId() == InstallWizard.ADMIN
        assert not wizard.path.exists()
        fill_admin(wizard, keyring.DEMO_PASSWORD)
        assert "dữ liệu mẫu" in wizard.admin_page.errors.text("password")
        fill_admin(wizard, PASSWORD, "hoa ban nở tháng tư")
        assert "không giống nhau" in wizard.admin_page.errors.text("repeat")
        assert not wizard.path.exists()
        fill_admin(wizard, PASSWORD)
        finish_with_code(qtbot, wizard, codes)

    return act


def member_list(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Chi bộ", "Ngày vào Đảng"])
    ws.append(["Lường Văn Hải", "Nam", "12/3/1980", "Thái", "Chi bộ bản Na Hát", "19/5/2005"])
    ws.append(["Cà Thị Mai", "Nữ", "2/9/1990", "Thái", "Chi bộ bản Na Hát", "3/2/2015"])
    wb.save(path)
    return path


def test_a_real_commune_from_an_empty_data_folder(
    qtbot: QtBot, runner: TaskRunner, data_folder: Path, tmp_path: Path
) -> None:
    assert not data_folder.exists() or not any(data_folder.glob("*.db"))
    errors: list[str] = []
    codes: list[str] = []
    when_modal(FirstStartDialog, lambda d: click(qtbot, d.buttons[FirstStartDialog.COMMUNE]), errors)
    QTimer.singleShot(50, lambda: when_modal(InstallWizard, commune_wizard(qtbot, codes), errors))
    first = ui_app.first_database(None, False, runner)
    assert errors == []
    assert first is not None
    path, unlocked = first
    assert path == default_database() and unlocked is not None
    assert len(codes[0]) == 29
    assert not keyring.read_keyring(path).demo
    assert unlocked.actor.roles == FIRST_ADMIN_ROLES  # a one-person office, no second account
    ctx = AppContext(unlocked.db, unlocked.actor, unlocked)
    try:
        window = ui_app.prepare_window(ctx)
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        window.show()
        assert "(cấp xã)" in window.windowTitle()
        assert "DỮ LIỆU MẪU" not in window.windowTitle()
        assert not window.demo_banner.isVisible()
        assert "Lò Thị Hoa (quantri)" in window.user_label.text()
        assert "cấp xã" in window.user_label.text()
        assert "inspection" in window.pages  # the inspection role too
        # The organisation, then the member list, then an event: all as the first administrator.
        village = VillageDialog(ctx, None)
        qtbot.addWidget(village)
        village.name.setText("Bản Na Hát")
        village.save_button.click()
        assert village.result_value is not None
        cell = CellDialog(ctx, None)
        qtbot.addWidget(cell)
        cell.name.setText("Chi bộ bản Na Hát")
        cell.villages.set_checked(village.result_value)
        cell.save_button.click()
        assert cell.result_value is not None
        importer = ImportMembersDialog(ctx, Settings(tmp_path / "settings.ini"))
        qtbot.addWidget(importer)
        importer.show()
        assert importer.load_file(member_list(tmp_path / "danh-sach.xlsx"))
        assert importer.show_preview()
        assert importer.summary.text().startswith("2 dòng: 2 hợp lệ")
        assert importer.confirm_import()
        assert len(importer.created) == 2
        with read_session(ctx.db, ctx.actor) as session:
            ids = rg.member_ids(session, rg.RegisterFilter(text="ca thi mai"))
        exempt = ActionDialog(ctx, "exemption_start", ids, None)
        qtbot.addWidget(exempt)
        exempt.set_value("event_date", date(2026, 1, 6))
        exempt.set_value("until", date(2026, 7, 6))
        exempt.set_value("reason", "Sức khỏe")
        exempt.save()
        assert exempt.result() == QDialog.DialogCode.Accepted
        with read_session(ctx.db, ctx.actor) as session:
            assert ms.get_member(session, ids[0]).status == "exempted"
            assert org.current_upper_level(session, date(2026, 1, 1)) is not None
        window.close()
    finally:
        unlocked.close()
    # The next start opens the real database (the login), never the demo or the first-start choice.
    assert ui_app.first_database(None, False, runner) == (path, None)


def province_wizard(qtbot: QtBot, codes: list[str]) -> Callable[[InstallWizard], None]:
    def act(wizard: InstallWizard) -> None:
        assert wizard.level_page.buttons[setup.PROVINCE].isChecked()
        next_page(wizard)
        form = wizard.form
        form.name.setText("Đảng bộ tỉnh Sơn La")
        form.name.editingFinished.emit()
        assert form.committee_name.text() == "Tỉnh ủy Sơn La"
        assert form.province.text() == "Sơn La"
        assert form.symbol.text() == "TU"
        next_page(wizard)
        # Never "Tỉnh ủy Sơn La" as the province's own upper level: none, or the central level.
        assert form.no_upper.isVisible() and form.no_upper.isChecked()
        assert "Tỉnh ủy" not in form.upper_name.text()
        assert not form.upper_fields.isEnabled()
        next_page(wizard)
        wizard.admin_page.login.setText("vanphong.tinh")
        fill_admin(wizard, PASSWORD)
        finish_with_code(qtbot, wizard, codes)

    return act


def test_a_real_province_then_logout_and_login(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[str] = []
    codes: list[str] = []
    when_modal(FirstStartDialog, lambda d: click(qtbot, d.buttons[FirstStartDialog.UPPER]), errors)
    QTimer.singleShot(50, lambda: when_modal(InstallWizard, province_wizard(qtbot, codes), errors))
    first = ui_app.first_database(None, False, runner)
    assert errors == []
    assert first is not None
    path, unlocked = first
    assert unlocked is not None
    ctx = AppContext(unlocked.db, unlocked.actor, unlocked)
    with read_session(ctx.db, ctx.actor) as session:
        assert setup.installation(session) == setup.Installation(setup.PROVINCE, demo=False)
        assert org.upper_levels(session) == []
        assert org.own_unit(session).committee_name == "Tỉnh ủy Sơn La"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert "(cấp tỉnh)" in window.windowTitle()
    assert "cấp tỉnh" in window.user_label.text()
    window.logout_action.trigger()  # Tệp → Đăng xuất
    assert window.logout_request and not window.isVisible()
    unlocked.close()

    # Back at the login: the demo password opens nothing; the administrator's password does.
    def login(dialog: LoginDialog) -> None:
        dialog.login_edit.setText("vanphong.tinh")
        dialog.password_edit.setText(keyring.DEMO_PASSWORD)
        click(qtbot, dialog.ok_button)
        assert "Sai tên đăng nhập hoặc mật khẩu" in dialog.message.text()
        dialog.password_edit.setText(PASSWORD)
        click(qtbot, dialog.ok_button)

    when_modal(LoginDialog, login, errors)
    again = ui_app.open_database_interactive(path, None, create=False)
    assert errors == []
    assert again is not None
    assert again.actor.login == "vanphong.tinh" and not again.demo
    again.close()


def test_role_change_applies_in_the_running_session(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exports.installation import create_installation
    from tests.conftest import UNIT
    from ui.users_dialog import UserEditDialog, UsersDialog

    unlocked, _code = create_installation(
        tmp_path / "xa.db", setup.COMMUNE, UNIT, "quantri", "Lò Thị Hoa", PASSWORD, check_drive=False
    )
    try:
        infos: list[str] = []
        monkeypatch.setattr("ui.users_dialog.show_info", lambda parent, title, text: infos.append(text))
        dialog = UsersDialog(None, unlocked)
        qtbot.addWidget(dialog)
        dialog.table.selectRow(0)
        fewer = frozenset({Role.ADMIN, Role.CLERK})
        monkeypatch.setattr(
            UserEditDialog,
            "ask",
            classmethod(lambda cls, parent, user: (UserInput(user.login, "Lò Thị Hoa", fewer), "")),
        )
        dialog.edit_user()
        assert dialog.own_roles_changed
        assert "có hiệu lực ngay" in infos[-1]
        ui_app.refreshed_actor(unlocked)  # what run_gui does before opening the window again
        assert unlocked.actor.roles == fewer
        window = MainWindow(AppContext(unlocked.db, unlocked.actor, unlocked))
        qtbot.addWidget(window)
        assert "inspection" not in window.pages  # the new roles, without a new login
    finally:
        unlocked.close()


def test_the_demo_lives_in_its_own_file_and_is_marked(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.db import unit_of_work
    from tests.conftest import UNIT

    def small_demo(path: Path, _tasks: TaskRunner) -> bool:  # the real demo takes ~30 s to make
        made, _code = keyring.create_encrypted_database(
            path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, demo=True, check_drive=False
        )
        with unit_of_work(made.db, made.actor) as session:
            org.setup_unit(session, UNIT)
        made.close()
        return True

    monkeypatch.setattr(ui_app, "create_demo", small_demo)
    errors: list[str] = []
    when_modal(FirstStartDialog, lambda d: click(qtbot, d.buttons[FirstStartDialog.DEMO]), errors)
    first = ui_app.first_database(None, False, runner)
    assert errors == []
    assert first == (demo_database(), None)
    assert not default_database().exists()  # the real database's place stays free
    unlocked = keyring.unlock(demo_database(), keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
    try:
        window = MainWindow(AppContext(unlocked.db, unlocked.actor, unlocked))
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle().endswith("DỮ LIỆU MẪU")
        assert window.demo_banner.isVisible()
        assert window.demo_banner.text() == "DỮ LIỆU MẪU – không nhập dữ liệu thật"
    finally:
        unlocked.close()
    # No real database yet: the next start asks again (the demo is never the default).
    when_modal(FirstStartDialog, lambda d: d.reject(), errors)
    assert ui_app.first_database(None, False, runner) is None
    assert errors == []
    # `--demo` (make run) goes straight to it.
    assert ui_app.first_database(None, True, runner) == (demo_database(), None)


def test_an_old_demo_at_the_real_place_is_moved_aside(tmp_path: Path) -> None:
    from exports.demo_db import adopt_old_demo

    old, demo = tmp_path / "dang-uy-xa.db", tmp_path / "xa-mau.db"
    unlocked, _code = keyring.create_encrypted_database(
        old, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, demo=True, check_drive=False
    )
    unlocked.close()
    assert adopt_old_demo(old, demo)
    assert not old.exists() and demo.exists() and keyring.keyring_path(demo).exists()
    keyring.unlock(demo, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False).close()
    real, _code = keyring.create_encrypted_database(old, "quantri", PASSWORD, check_drive=False)
    real.close()
    assert not adopt_old_demo(old, tmp_path / "other.db")  # a real database never moves


def test_restore_from_a_backup_at_first_start(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new machine: the office's backup on a USB stick (with its key file) becomes the real
    database, opened with the old password; a backup without its key file is explained."""
    from exports import backup
    from exports.installation import create_installation
    from tests.conftest import UNIT

    old, _code = create_installation(
        tmp_path / "old" / "dang-uy-xa.db",
        setup.COMMUNE,
        UNIT,
        "quantri",
        "Lò Thị Hoa",
        PASSWORD,
        check_drive=False,
    )
    usb = tmp_path / "usb"
    info = backup.backup_database(old.db, usb, reason="manual")
    old.close()
    infos: list[str] = []
    monkeypatch.setattr(ui_app, "show_info", lambda parent, title, text: infos.append(text))
    chosen = [str(info.path)]
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *args, **kwargs: (chosen[0], "")
    )
    errors: list[str] = []

    def login(dialog: LoginDialog) -> None:
        dialog.login_edit.setText("quantri")
        dialog.password_edit.setText("sai mật khẩu rồi")
        click(qtbot, dialog.ok_button)
        assert "Sai tên đăng nhập hoặc mật khẩu" in dialog.message.text()
        dialog.password_edit.setText(PASSWORD)
        click(qtbot, dialog.ok_button)

    when_modal(FirstStartDialog, lambda d: click(qtbot, d.buttons[FirstStartDialog.RESTORE]), errors)
    QTimer.singleShot(50, lambda: when_modal(LoginDialog, login, errors))
    first = ui_app.first_database(None, False, runner)
    assert errors == []
    assert first == (default_database(), None)
    assert infos[-1] == "Đã phục hồi. Hãy đăng nhập."
    with (
        keyring.unlock(default_database(), "quantri", PASSWORD, check_drive=False) as unlocked,
        read_session(unlocked.db, unlocked.actor) as session,
    ):
        assert org.own_unit(session).name == "Đảng bộ xã Mường Lèo"
    # A backup without its key file beside it: said so, nothing restored.
    lonely = tmp_path / "lonely" / info.path.name
    lonely.parent.mkdir()
    lonely.write_bytes(info.path.read_bytes())
    chosen[0] = str(lonely)
    assert not ui_app._restore_at_first_start(tmp_path / "new.db", None)
    assert ".keys" in infos[-1]
    assert not (tmp_path / "new.db").exists()


def test_run_gui_signs_out_to_the_login_and_quits_cleanly(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real start function: the login, the window; the user's own roles changed (the window
    opens again with them); Tệp → Đăng xuất back to the login (with the closing backup), then Thoát
    ends the program normally."""
    from exports import backup
    from exports.installation import create_installation
    from tests.conftest import UNIT

    path = tmp_path / "xa.db"
    created, _code = create_installation(
        path, setup.COMMUNE, UNIT, "quantri", "Lò Thị Hoa", PASSWORD, check_drive=False
    )
    created.close()
    monkeypatch.setattr(ui_app, "install_crash_handlers", lambda: None)
    monkeypatch.setattr(ui_app, "close_fault_file", lambda: None)
    real_open = ui_app.open_database_interactive
    monkeypatch.setattr(
        ui_app,
        "open_database_interactive",
        lambda p, parent, create=True: real_open(p, parent, create=create, check_drive=False),
    )
    from ui.users_dialog import UsersDialog

    errors: list[str] = []
    seen: list[str] = []
    pages: list[list[str]] = []
    fewer = frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER})

    def login(dialog: LoginDialog) -> None:
        dialog.login_edit.setText("quantri")
        dialog.password_edit.setText(PASSWORD)
        click(qtbot, dialog.ok_button)
        QTimer.singleShot(0, sign_out)

    def sign_out(tries: int = 0) -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w.user_label.text() not in seen
        ]
        if not windows:
            if tries < 400:
                QTimer.singleShot(10, lambda: sign_out(tries + 1))
            else:
                errors.append("no main window")
            return
        window = windows[0]
        seen.append(window.user_label.text())
        pages.append(sorted(window.pages))
        if len(seen) == 1:
            # The administrator gives up the inspection role: the window opens again with the new
            # roles, in the same session.
            unlocked = window.ctx.unlocked
            assert unlocked is not None
            keyring.update_account(unlocked, unlocked.actor.user_id, "Lò Thị Hoa (văn phòng)", fewer)
            monkeypatch.setattr(UsersDialog, "ask", classmethod(lambda cls, parent, unl: True))
            QTimer.singleShot(0, sign_out)
            window.manage_users()
            return
        when_modal(LoginDialog, lambda d: d.reject(), errors)  # at the login again: Thoát
        window.logout_action.trigger()

    when_modal(LoginDialog, login, errors)
    assert ui_app.run_gui(path, "vi") == 0
    assert errors == []
    assert len(seen) == 2 and "Lò Thị Hoa (quantri)" in seen[0]
    assert "Lò Thị Hoa (văn phòng) (quantri)" in seen[1]
    assert "inspection" in pages[0] and "inspection" not in pages[1]  # no new login needed
    assert "close" in [b.reason for b in backup.list_backups(backup.default_folder(path))]
