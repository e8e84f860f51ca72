"""The first-run wizard, the main window, background tasks, settings and translators."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWizard
from pytestqt.qtbot import QtBot

from models.db import Database, read_session
from models.i18n import translate
from models.services import organisation as org
from tests.builders import office_actor as default_actor
from tests.ui.conftest import Org
from ui.app import register_fonts
from ui.context import AppContext
from ui.i18n import install_headless_translator
from ui.main_window import MainWindow
from ui.settings import ORGANISATION_TAB, SHOW_CLOSED, Settings
from ui.setup_wizard import SetupWizard
from ui.tasks import Cancelled, Task, TaskRunner

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_wizard_fills_and_saves_the_unit(qtbot: QtBot, empty_db: Database) -> None:
    ctx = AppContext(empty_db, default_actor())
    wizard = SetupWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    form = wizard.form
    form.name.setText("Đảng bộ xã Mường Lèo")
    form.name.editingFinished.emit()  # suggests the committee and the place name
    assert form.committee_name.text() == "Đảng ủy xã Mường Lèo"
    assert form.place_name.text() == "Mường Lèo"
    form.province.setText("Sơn La")
    form.term_start.setText("1/9/2025")
    wizard.next()
    assert form.upper_header_line.text() == "ĐẢNG BỘ TỈNH SƠN LA"
    form.upper_header_line.clear()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert form.errors.text("upper_header_line")  # beside the field; nothing saved
    with read_session(empty_db, ctx.actor) as session:
        assert not org.is_set_up(session)
    form.upper_header_line.setText("Đảng bộ tỉnh Sơn La")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.unit_id is not None
    with read_session(empty_db, ctx.actor) as session:
        unit = org.own_unit(session)
        [upper] = org.upper_levels(session)
    assert (unit.name, unit.place_name, unit.symbol) == ("Đảng bộ xã Mường Lèo", "Mường Lèo", "ĐU")
    assert (upper.name, upper.header_line) == ("Tỉnh ủy Sơn La", "ĐẢNG BỘ TỈNH SƠN LA")


def test_wizard_sends_the_user_back_to_an_identity_field(qtbot: QtBot, empty_db: Database) -> None:
    wizard = SetupWizard(AppContext(empty_db, default_actor()))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.form.province.setText("Điện Biên")
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.currentId() == 0
    assert wizard.form.errors.text("name")
    assert wizard.unit_id is None


def test_main_window_lists_the_pages(qtbot: QtBot, ctx: AppContext, organisation: Org) -> None:
    window = MainWindow(ctx, Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.area_titles() == [
        "Tổng quan",
        "Tổ chức",
        "Đảng viên",
        "Sinh hoạt chi bộ",
        "Phát triển đảng viên",
        "Xếp loại chất lượng",
        "Kiểm tra, kỷ luật",  # only for an account with the inspection role
        "Đơn thư",
        "Đào tạo, bồi dưỡng",
        "Đảng phí",
        "Báo cáo",
        "Trao đổi dữ liệu",
    ]
    assert "Đảng bộ xã Mường Lèo" in window.unit_label.text()
    window.show_area("overview")  # pages load when shown
    assert window.overview.figures["members"].text() == "2"
    assert window.overview.figures["cells"].text() == "2"
    window.show_area("organisation")
    assert window.stack.currentWidget() is window.organisation
    assert window.organisation.cells_tab.model.rowCount() == 2


def test_task_reports_its_result_off_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[str] = []

    def job(progress: object, cancel: object) -> int:
        seen.append(threading.current_thread().name)
        assert callable(progress)
        progress(1, 2)
        return 42

    assert runner.run_and_wait(None, "Đang thử", job) == 42
    assert seen and seen[0] != threading.main_thread().name
    assert runner.wait()


def test_cancel_sets_the_flag_and_the_task_is_cancelled(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def job(progress: object, cancel: object) -> int:
        assert callable(cancel)
        started.set()
        while not cancel():
            threading.Event().wait(0.01)
        raise Cancelled

    task = runner.run(None, "Đang thử", job)
    started.wait(5)
    QTimer.singleShot(0, task.cancel)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert task.cancel_flag.is_set()
    assert runner.wait()


def task_dialog(task: Task[Any]) -> QProgressDialog | None:
    return task.dialog


def test_progress_dialog_appears_only_for_slow_jobs(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    task = runner.run(None, "Đang thử", lambda progress, cancel: release.wait(5))
    assert task.dialog is None
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=3000)
    dialog = task_dialog(task)
    assert dialog is not None
    assert dialog.labelText() == "Đang thử"
    release.set()
    qtbot.waitUntil(lambda: task.is_finished, timeout=5000)
    assert task.dialog is None
    assert runner.wait()


def test_settings_have_typed_defaults(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    assert settings.get(ORGANISATION_TAB) == 0
    assert settings.get(SHOW_CLOSED) is False
    settings.set(ORGANISATION_TAB, 3)
    settings.set(SHOW_CLOSED, True)
    settings.sync()
    again = Settings(tmp_path / "s.ini")
    assert again.get(ORGANISATION_TAB) == 3
    assert again.get(SHOW_CLOSED) is True


def test_tinos_is_registered(qtbot: QtBot) -> None:
    assert register_fonts() == "Tinos"


def test_english_catalogue_for_the_command_line() -> None:
    try:
        install_headless_translator("en")
        assert translate("organisation", "Chi bộ trường học") == "School cell"
    finally:
        install_headless_translator("vi")
    assert translate("organisation", "Chi bộ trường học") == "Chi bộ trường học"


def test_pages_load_when_shown_and_reload_after_a_change(
    qtbot: QtBot, ctx: AppContext, organisation: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[str] = []
    window = MainWindow(ctx, Settings())
    qtbot.addWidget(window)

    def counting(key: str, original: Callable[[], None]) -> Callable[[], None]:
        def refresh() -> None:
            loads.append(key)
            original()

        return refresh

    for key, page in window.pages.items():
        monkeypatch.setattr(page, "refresh", counting(key, page.refresh))
    window.show_area("members")
    window.show_area("meetings")
    assert loads == ["members", "meetings"]  # the others were not loaded
    window.show_area("members")
    assert loads == ["members", "meetings"]  # nothing changed: no reload
    window.pages["members"].changed.emit()  # a write on the page on screen reloads it at once
    assert loads == ["members", "meetings", "members"]
    window.show_area("meetings")  # the others reload once shown again
    assert loads == ["members", "meetings", "members", "meetings"]
    assert "overview" not in loads
