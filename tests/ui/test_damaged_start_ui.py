"""The start-up choice on a damaged database: restore the last good backup, open read-only to view
and print, or quit (ui.app.open_database_interactive). The login dialog is replaced by a function
that types the right password; the choice dialog's ask() is replaced to pick a branch, and the real
dialog is clicked once to check its buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from exports import backup, keyring
from models import auth
from models.db import read_session, unit_of_work
from models.errors import DomainError, StorageError
from models.security import SYSTEM_ACTOR
from models.services import common, register
from tests.test_damaged_start import GIVEN, PASSWORD, build_commune, damage_table
from ui import app as ui_app
from ui.context import AppContext
from ui.login import LoginDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

BANNER = "CHỈ XEM – dữ liệu bị hỏng"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "xa.db"
    build_commune(target)
    return target


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box the start-up flow shows, by its text."""
    shown: list[str] = []
    monkeypatch.setattr(ui_app, "show_error", lambda parent, exc: shown.append(exc.text()))
    monkeypatch.setattr(ui_app, "show_info", lambda parent, title, text: shown.append(text))
    return shown


def login_as(monkeypatch: pytest.MonkeyPatch, login: str = "quantri") -> list[object]:
    """The login dialog, typing the right password once per showing; returns what each unlock gave."""
    results: list[object] = []

    def ask(parent: object, db_path: Path, unlock: Callable[[str, str], Any], hint: str = "") -> Any:
        result = unlock(login, PASSWORD)
        results.append(result)
        return result

    monkeypatch.setattr(LoginDialog, "ask", ask)
    return results


def choices(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[dict[str, bool]]:
    """The choice dialog answering `answers` in turn; returns which options each showing offered."""
    offered: list[dict[str, bool]] = []
    queue = list(answers)

    def ask(parent: object, db_path: Path, *, can_restore: bool = True, can_read_only: bool = True) -> str:
        offered.append({"restore": can_restore, "read_only": can_read_only})
        return queue.pop(0)

    monkeypatch.setattr(ui_app.DamagedStartChoice, "ask", ask)
    return offered


def names(unlocked: keyring.Unlocked) -> list[str]:
    with read_session(unlocked.db, unlocked.actor) as session:
        ids = register.member_ids(session, register.RegisterFilter())
        return sorted(row.name for row in register.member_rows(session, ids).values())


def test_read_only_branch_opens_a_marked_window_that_refuses_writes(
    qtbot: QtBot, path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    damage_table(path, "audit_log")  # the register itself is still readable
    login_as(monkeypatch)
    offered = choices(monkeypatch, ui_app.DamagedStartChoice.READ_ONLY)
    unlocked = ui_app.open_database_interactive(path, None, check_drive=False)
    assert offered == [{"restore": True, "read_only": True}]
    assert isinstance(unlocked, keyring.Unlocked)
    try:
        assert unlocked.db.read_only
        assert names(unlocked) == sorted(f"Lò Văn {g}" for g in GIVEN)
        window = ui_app.prepare_window(AppContext(unlocked.db, unlocked.actor, unlocked))
        assert window is not None
        qtbot.addWidget(window)
        assert BANNER in window.windowTitle()
        banner = window.statusBar().findChild(QLabel, "read_only_banner")
        assert banner is not None
        assert banner.text() == BANNER
        assert "inspection" not in window.pages  # sensitive reads cannot be logged in a read-only file
        window.show_area("overview")  # pages load when shown
        assert window.overview.figures["members"].text() == str(len(GIVEN))  # the register is shown
        with pytest.raises(StorageError) as exc, unit_of_work(unlocked.db, unlocked.actor) as session:
            common.set_meta(session, "ghi_thu", "1")
        assert exc.value.kind == "read_only"
        assert "chỉ cho đọc" in exc.value.text()
    finally:
        unlocked.close()
    assert said == []  # the choice dialog said it all; no error box on the way


def test_restore_branch_brings_back_the_last_good_backup_and_logs_in(
    path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    with keyring.unlock(path, "quantri", PASSWORD, check_drive=False) as admin:
        good = backup.backup_database(admin.db, reason="manual")
    damage_table(path, "villages")
    results = login_as(monkeypatch)
    questions: list[str] = []

    def confirm(parent: object, title: str, text: str, yes: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(ui_app, "confirm", confirm)
    offered = choices(monkeypatch, ui_app.DamagedStartChoice.RESTORE)
    unlocked = ui_app.open_database_interactive(path, None, check_drive=False)
    assert isinstance(unlocked, keyring.Unlocked)
    try:
        assert not unlocked.db.read_only
        assert len(offered) == 1
        assert len(results) == 2  # the damaged login, then the login after the restore
        assert good.created.astimezone().strftime("%d/%m/%Y") in questions[0]
        assert names(unlocked) == sorted(f"Lò Văn {g}" for g in GIVEN)
        with unit_of_work(unlocked.db, SYSTEM_ACTOR) as session:
            common.set_meta(session, "ghi_thu", "1")  # writable again
    finally:
        unlocked.close()
    assert said == []


def test_no_backup_then_unreadable_then_quit(
    path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    data = bytearray(path.read_bytes())
    data[200] ^= 0x01  # page 1: nothing can be read, not even read-only
    path.write_bytes(bytes(data))
    login_as(monkeypatch)
    offered = choices(
        monkeypatch,
        ui_app.DamagedStartChoice.RESTORE,
        ui_app.DamagedStartChoice.READ_ONLY,
        ui_app.DamagedStartChoice.QUIT,
    )
    assert ui_app.open_database_interactive(path, None, check_drive=False) is None
    assert offered == [
        {"restore": True, "read_only": True},
        {"restore": False, "read_only": True},  # no good backup: not offered again
        {"restore": False, "read_only": False},  # unreadable even read-only: not offered again
    ]
    assert len(said) == 2
    assert "Không tìm thấy bản sao lưu còn tốt" in said[0]
    assert "không đọc được cả ở chế độ chỉ xem" in said[1]


def test_other_refusals_are_not_treated_as_damage(
    path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    """A refusal that is not damage (here: the drive) goes back to the login dialog's own message."""
    errors: list[DomainError] = []

    def ask(parent: object, db_path: Path, unlock: Callable[[str, str], Any], hint: str = "") -> Any:
        try:
            return unlock("quantri", PASSWORD)
        except DomainError as exc:
            errors.append(exc)
            return None

    monkeypatch.setattr(LoginDialog, "ask", ask)
    monkeypatch.setattr("models.storage.drive_kind", lambda _path: "network")
    offered = choices(monkeypatch)
    assert ui_app.open_database_interactive(path, None, check_drive=True) is None
    assert offered == []
    assert [e.kind for e in errors if isinstance(e, StorageError)] == ["network"]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Phục hồi bản sao lưu", ui_app.DamagedStartChoice.RESTORE),
        ("Mở chỉ để xem", ui_app.DamagedStartChoice.READ_ONLY),
        ("Thoát", ui_app.DamagedStartChoice.QUIT),
    ],
)
def test_the_choice_dialog_offers_three_named_answers(
    qtbot: QtBot, tmp_path: Path, label: str, expected: str
) -> None:
    seen: list[list[str]] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        assert "xa.db" in box.text()
        assert "bị hỏng" in box.text()
        next(b for b in box.buttons() if b.text() == label).click()

    QTimer.singleShot(0, click)
    assert ui_app.DamagedStartChoice.ask(None, tmp_path / "xa.db") == expected
    assert sorted(seen[0]) == sorted(["Phục hồi bản sao lưu", "Mở chỉ để xem", "Thoát"])


def test_the_choice_dialog_leaves_out_what_failed_and_escape_quits(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[list[str]] = []

    def escape() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        box.reject()

    QTimer.singleShot(0, escape)
    answer = ui_app.DamagedStartChoice.ask(None, tmp_path / "xa.db", can_restore=False)
    assert answer == ui_app.DamagedStartChoice.QUIT
    assert sorted(seen[0]) == sorted(["Mở chỉ để xem", "Thoát"])
